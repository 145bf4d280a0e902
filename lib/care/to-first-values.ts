/**
 * Reads form or query entries into one string per name: the first non-empty value, so a field
 * sent twice keeps its first value and an empty field counts as not sent. File entries and
 * React's internal "$ACTION_…" fields are left out.
 */
export function toFirstValues(entries: Iterable<[string, FormDataEntryValue]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value === "string" && value !== "" && values[name] === undefined && !name.startsWith("$")) {
      values[name] = value;
    }
  }
  return values;
}
