function zoneNamePart(timeZone: string, style: 'longGeneric' | 'long', locale: string, now: Date): string | null {
  try {
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: style }).formatToParts(now);
    return parts.find((part) => part.type === 'timeZoneName')?.value ?? null;
  } catch {
    return null;
  }
}

/**
 * The hospital's time zone in words, such as "United Kingdom Time" for Europe/London or "Eastern Time" for
 * America/New_York; a bare offset ("GMT+00:00") is replaced by the zone's long name when it has one.
 * Falls back to the zone's own name.
 */
export function zoneInWords(timeZone: string, locale = 'en-GB', now: Date = new Date()): string {
  const generic = zoneNamePart(timeZone, 'longGeneric', locale, now);
  if (generic && !/^GMT[+-−]/.test(generic)) return generic;
  const long = zoneNamePart(timeZone, 'long', locale, now);
  if (long && !/^GMT[+-−]/.test(long)) return long;
  return timeZone;
}
