/** An instant as the hospital's wall clock shows it, naming the zone: "Mon, 4 Mar 2030, 10:00 (Europe/London)". */
export function formatLocal(instant: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).format(instant);
  return `${text} (${timeZone})`;
}
