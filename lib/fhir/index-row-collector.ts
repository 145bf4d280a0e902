import type { DateRange } from "./date-range";
import type { IndexRows, QuantityRow } from "./index-rows";
import { emptyIndexRows } from "./index-rows";
import type { ReferenceTarget } from "./parse-reference";

/** Gathers the index rows of one resource and drops duplicates as they arrive. */
export class IndexRowCollector {
  readonly rows: IndexRows = emptyIndexRows();
  private readonly seen = new Set<string>();

  addToken(param: string, system: string, code: string): void {
    if (this.isNew(`t\0${param}\0${system}\0${code}`)) this.rows.tokens.push({ param, system, code });
  }

  addString(param: string, value: string): void {
    if (value !== "" && this.isNew(`s\0${param}\0${value}`)) this.rows.strings.push({ param, value });
  }

  addDate(param: string, range: DateRange): void {
    if (this.isNew(`d\0${param}\0${range.start.getTime()}\0${range.end.getTime()}`)) {
      this.rows.dates.push({ param, start: range.start, end: range.end });
    }
  }

  addReference(param: string, target: ReferenceTarget): void {
    if (this.isNew(`r\0${param}\0${target.targetType}\0${target.targetId}\0${target.url}`)) {
      this.rows.references.push({ param, ...target });
    }
  }

  addNumber(param: string, value: number): void {
    if (this.isNew(`n\0${param}\0${value}`)) this.rows.numbers.push({ param, value });
  }

  addQuantity(row: QuantityRow): void {
    if (this.isNew(`q\0${row.param}\0${row.value}\0${row.system}\0${row.code}\0${row.unit}`)) this.rows.quantities.push(row);
  }

  addUri(param: string, value: string): void {
    if (this.isNew(`u\0${param}\0${value}`)) this.rows.uris.push({ param, value });
  }

  private isNew(key: string): boolean {
    if (this.seen.has(key)) return false;
    this.seen.add(key);
    return true;
  }
}
