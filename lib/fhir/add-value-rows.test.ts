import { describe, expect, it } from "vitest";
import { addValueRows } from "./add-value-rows";
import { IndexRowCollector } from "./index-row-collector";
import type { IndexRows } from "./index-rows";
import type { IndexedSearchParameterType } from "./search-parameters";

function rowsFor(paramType: IndexedSearchParameterType, value: unknown, fhirType: string): IndexRows {
  const collector = new IndexRowCollector();
  addValueRows(collector, "p", paramType, value, fhirType);
  return collector.rows;
}

describe("addValueRows", () => {
  it("indexes Money with the ISO 4217 system", () => {
    const rows = rowsFor("quantity", { value: 125.5, currency: "USD" }, "Money");

    expect(rows.quantities).toEqual([{ param: "p", value: 125.5, system: "urn:iso:std:iso:4217", code: "USD", unit: "" }]);
  });

  it("indexes a Range by its low and high", () => {
    const rows = rowsFor("quantity", { low: { value: 5, unit: "a" }, high: { value: 10, unit: "a" } }, "Range");

    expect(rows.quantities.map((row) => row.value)).toEqual([5, 10]);
  });

  it("indexes Timing events", () => {
    const rows = rowsFor("date", { event: ["2019-07-04", "2019-07-05"], repeat: { frequency: 1 } }, "Timing");

    expect(rows.dates.map((row) => row.start.toISOString())).toEqual(["2019-07-04T00:00:00.000Z", "2019-07-05T00:00:00.000Z"]);
  });

  it("indexes numbers and skips text", () => {
    expect(rowsFor("number", 3, "integer").numbers).toEqual([{ param: "p", value: 3 }]);
    expect(rowsFor("number", "3", "string").numbers).toEqual([]);
  });

  it("keeps a canonical uri whole", () => {
    const rows = rowsFor("uri", "http://example.org/Questionnaire/q|2.0", "canonical");

    expect(rows.uris).toEqual([{ param: "p", value: "http://example.org/Questionnaire/q|2.0" }]);
  });

  it("skips values the param type cannot index", () => {
    expect(rowsFor("token", { value: 1 }, "Quantity").tokens).toEqual([]);
    expect(rowsFor("date", "not a date", "dateTime").dates).toEqual([]);
    expect(rowsFor("quantity", { origin: { value: 0 }, data: "1 2" }, "SampledData").quantities).toEqual([]);
  });
});
