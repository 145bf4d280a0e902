/** EXISTS conditions per statement that the planner may turn into semi-joins. */
const MAX_SEMI_JOINS = 6;

/**
 * The positional parameters of one SQL statement under construction. Every value reaches the
 * driver as a parameter, never as text inside the statement.
 */
export class SqlParameters {
  readonly values: unknown[] = [];
  private aliasCount = 0;
  private semiJoinCount = 0;

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

  /**
   * Tells whether one more EXISTS of this statement may become a semi-join. PostgreSQL's
   * planning time grows much faster than the number of semi-joins (100 took over a second), so
   * only the first few are planned as joins and the rest are checked row by row.
   */
  claimSemiJoin(): boolean {
    this.semiJoinCount += 1;
    return this.semiJoinCount <= MAX_SEMI_JOINS;
  }
}
