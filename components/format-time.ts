// Instants from the snapshot (ISO-8601 with offset) shown in the reader's own zone and
// locale, e.g. "Thu, Nov 19, 9:12 AM". An unreadable value shows as given rather than
// "Invalid Date".

let formatter: Intl.DateTimeFormat | undefined;

export function formatInstant(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  formatter ??= new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  });
  return formatter.format(ms);
}
