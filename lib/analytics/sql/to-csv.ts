/** A plain number, which a spreadsheet reads as a number even when it starts with "-" or "+". */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Formats a result as CSV (RFC 4180): a header line, then one line per row, CRLF line ends, and
 * fields quoted when they contain a comma, quote or line break. NULL is an empty field. A text
 * field that starts with =, +, -, @, tab or carriage return gets a leading "'" so a spreadsheet
 * shows it instead of running it as a formula (OWASP's CSV injection advice); numbers stay as
 * they are.
 */
export function toCsv(columns: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  const lines = [columns, ...rows].map((row) => row.map(toCsvField).join(","));
  return `${lines.join("\r\n")}\r\n`;
}

function toCsvField(value: string | null): string {
  if (value === null) return "";

  const guarded = /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) || guarded !== value ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}
