// Building an Intl.DateTimeFormat costs far more than formatting with one (every booking formats a few times).
const formats = new Map<string, Intl.DateTimeFormat>();

/** An instant as the hospital's wall clock shows it, naming the zone: "Mon, 4 Mar 2030, 10:00 (Europe/London)". */
export function formatLocal(instant: Date, timeZone: string): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    });
    formats.set(timeZone, format);
  }
  return `${format.format(instant)} (${timeZone})`;
}
