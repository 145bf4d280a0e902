/**
 * Lists the calendar months from the month of `firstDay` to the month of `lastDay`, both ISO
 * dates, as "YYYY-MM", so a chart shows months without claims as zero.
 */
export function listMonths(firstDay: string, lastDay: string): string[] {
  const months: string[] = [];
  let year = Number(firstDay.slice(0, 4));
  let month = Number(firstDay.slice(5, 7));
  const last = lastDay.slice(0, 7);
  for (let key = toMonthKey(year, month); key <= last; key = toMonthKey(year, month)) {
    months.push(key);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

function toMonthKey(year: number, month: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}
