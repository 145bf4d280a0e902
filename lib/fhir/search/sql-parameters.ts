/**
 * The positional parameters of one SQL statement under construction. Every value reaches the
 * driver as a parameter, never as text inside the statement.
 */
export class SqlParameters {
  readonly values: unknown[] = [];
  private aliasCount = 0;

  /** Adds a value and returns its placeholder, such as `$3`. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /** Returns a table alias not used elsewhere in the statement. */
  alias(prefix: string): string {
    this.aliasCount += 1;
    return `${prefix}${this.aliasCount}`;
  }
}
