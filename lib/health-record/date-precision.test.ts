import type { Condition, Immunization, Procedure } from "fhir/r4";
import { describe, expect, it } from "vitest";

import { formatCalendarDate } from "@/components/member/format-calendar-date";

import { toConditionView } from "./to-condition-view";
import { toImmunizationView } from "./to-immunization-view";
import { toProcedureView } from "./to-procedure-view";

const subject = { reference: "Patient/p" };

describe("health record dates", () => {
  it("keeps year, month and day precision", () => {
    const byYear = toImmunizationView({ resourceType: "Immunization", id: "y", status: "completed", vaccineCode: { text: "Td" }, patient: subject, occurrenceDateTime: "2019" } satisfies Immunization);
    const byMonth = toConditionView({ resourceType: "Condition", id: "m", subject, code: { text: "Asthma" }, onsetDateTime: "2019-03" } satisfies Condition);
    const byDay = toProcedureView({ resourceType: "Procedure", id: "d", status: "completed", subject, performedPeriod: { start: "2019-03-04T23:30:00-05:00" } } satisfies Procedure);

    expect(byYear?.date && formatCalendarDate(byYear.date, "en-US")).toBe("2019");
    expect(byMonth?.onset && formatCalendarDate(byMonth.onset, "en-US")).toBe("Mar 2019");
    expect(byDay?.date && formatCalendarDate(byDay.date, "en-US")).toBe("Mar 4, 2019");
  });

  it("keeps a date recorded only as text", () => {
    const view = toImmunizationView({ resourceType: "Immunization", id: "s", status: "not-done", vaccineCode: { text: "Flu" }, patient: subject, occurrenceString: "Fall 2019" } satisfies Immunization);

    expect(view).toEqual({ id: "s", vaccine: "Flu", date: null, dateText: "Fall 2019", given: false });
  });
});

describe("health record hidden entries", () => {
  it("hides conditions entered in error or refuted", () => {
    const verification = (code: string): Condition["verificationStatus"] => ({ coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-ver-status", code }] });

    expect(toConditionView({ resourceType: "Condition", subject, verificationStatus: verification("entered-in-error") })).toBeNull();
    expect(toConditionView({ resourceType: "Condition", subject, verificationStatus: verification("refuted") })).toBeNull();
  });

  it("treats an abated condition without status as resolved", () => {
    const view = toConditionView({ resourceType: "Condition", id: "c", subject, abatementDateTime: "2020-01-02" });

    expect(view?.status).toBe("resolved");
    expect(view?.group).toBe("past");
    expect(view?.name).toBeNull();
  });
});
