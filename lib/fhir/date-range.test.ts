import { describe, expect, it } from "vitest";
import { FAR_FUTURE, FAR_PAST, periodToDateRange, toDateRange } from "./date-range";

function isoRange(value: string): [string, string] | undefined {
  const range = toDateRange(value);
  return range && [range.start.toISOString(), range.end.toISOString()];
}

describe("toDateRange", () => {
  it.each([
    ["2019", "2019-01-01T00:00:00.000Z", "2020-01-01T00:00:00.000Z"],
    ["2019-12", "2019-12-01T00:00:00.000Z", "2020-01-01T00:00:00.000Z"],
    ["2020-02", "2020-02-01T00:00:00.000Z", "2020-03-01T00:00:00.000Z"],
    ["2019-07-04", "2019-07-04T00:00:00.000Z", "2019-07-05T00:00:00.000Z"],
    ["2019-07-04T10:30:15Z", "2019-07-04T10:30:15.000Z", "2019-07-04T10:30:16.000Z"],
    ["2019-07-04T10:30:15.250Z", "2019-07-04T10:30:15.250Z", "2019-07-04T10:30:15.251Z"],
    ["2019-07-04T10:30:15.1+00:00", "2019-07-04T10:30:15.100Z", "2019-07-04T10:30:15.101Z"],
    ["2019-07-04T23:30:00-05:00", "2019-07-05T04:30:00.000Z", "2019-07-05T04:30:01.000Z"],
    ["2019-07-04T01:00:00+02:00", "2019-07-03T23:00:00.000Z", "2019-07-03T23:00:01.000Z"],
    ["2019-07-04T10:30:15", "2019-07-04T10:30:15.000Z", "2019-07-04T10:30:16.000Z"],
    ["0050-01-01", "0050-01-01T00:00:00.000Z", "0050-01-02T00:00:00.000Z"],
  ])("reads %s by its precision", (value, start, end) => {
    const range = isoRange(value);

    expect(range).toEqual([start, end]);
  });

  it.each(["", "2019-13", "2019-02-30", "2019-07-04T25:00:00Z", "July 4, 2019", "2019-7-4"])("rejects %j", (value) => {
    const range = toDateRange(value);

    expect(range).toBeUndefined();
  });
});

describe("periodToDateRange", () => {
  it("spans start to the end of the end's precision", () => {
    const range = periodToDateRange("2019-07-04T10:00:00Z", "2019-07-06");

    expect(range).toEqual({ start: new Date("2019-07-04T10:00:00Z"), end: new Date("2019-07-07T00:00:00Z") });
  });

  it("extends an open end to the far future", () => {
    const range = periodToDateRange("2019-07-04", undefined);

    expect(range).toEqual({ start: new Date("2019-07-04T00:00:00Z"), end: FAR_FUTURE });
  });

  it("extends a missing start to the far past", () => {
    const range = periodToDateRange(undefined, "2019");

    expect(range).toEqual({ start: FAR_PAST, end: new Date("2020-01-01T00:00:00Z") });
  });

  it("ignores a period without dates", () => {
    const range = periodToDateRange(undefined, undefined);

    expect(range).toBeUndefined();
  });
});
