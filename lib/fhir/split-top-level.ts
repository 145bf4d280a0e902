/**
 * Splits a FHIRPath expression at each separator character that stands outside parentheses and
 * quoted strings: with ".", "a.where(b='x.y').c" gives three parts. Parts are returned as written.
 */
export function splitTopLevel(expression: string, separator: "." | "|"): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inQuote = false;
  let start = 0;

  for (let i = 0; i < expression.length; i++) {
    const char = expression[i];
    if (char === "'") inQuote = !inQuote;
    if (inQuote) continue;
    if (char === "(") depth++;
    if (char === ")") depth--;
    if (char === separator && depth === 0) {
      parts.push(expression.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(expression.slice(start));
  return parts;
}
