const utcDayFormat = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `Nov 22, 2026`: the UTC day, as the backend buckets by UTC days. */
export function formatUtcDay(iso: string): string {
  return utcDayFormat.format(new Date(iso));
}
