/** Formats a time as "2026-12-05 06:20:11", in UTC like the rest of the admin pages. */
export function formatUtcTime(time: Date): string {
  return time.toISOString().replace("T", " ").replace(/\.\d+Z$/, "");
}
