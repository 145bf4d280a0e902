import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import type { AuditRecord } from "./audit-record";
import { recordAuditEvent } from "./record-audit-event";
import { auditSearchSchema, searchAuditEvents } from "./search-audit-events";

let db: Database;

function access(patientId: string, day: number, outcome: AuditRecord["outcome"]): AuditRecord {
  return {
    action: "R",
    subtype: { system: "https://lakeview.example/fhir/CodeSystem/portal-event", code: "member-claims" },
    agents: [{ kind: "user", id: "u-1", display: "Ana Ruiz" }, { kind: "client", id: "chart-app" }],
    patientIds: [patientId],
    outcome,
    address: "203.0.113.7",
    recorded: new Date(Date.UTC(2026, 10, day, 12)),
  };
}

beforeAll(async () => {
  db = await openTestDatabase();
  await recordAuditEvent(db, access("ana", 1, "0"));
  await recordAuditEvent(db, access("ana", 10, "4"));
  await recordAuditEvent(db, access("ben", 20, "0"));
});

afterAll(async () => {
  await db?.close();
});

describe("searchAuditEvents", () => {
  it("filters by patient, dates and outcome", async () => {
    const byPatient = await searchAuditEvents(db, auditSearchSchema.parse({ patient: "ana" }));
    const byDates = await searchAuditEvents(db, auditSearchSchema.parse({ from: "2026-11-05", to: "2026-11-25" }));
    const denied = await searchAuditEvents(db, auditSearchSchema.parse({ outcome: "denied" }));

    expect(byPatient.rows.map((row) => row.recorded)).toEqual(["2026-11-10T12:00:00.000Z", "2026-11-01T12:00:00.000Z"]);
    expect(byDates.rows.map((row) => row.patientIds)).toEqual([["ben"], ["ana"]]);
    expect(denied.rows.map((row) => [row.patientIds, row.outcome])).toEqual([[["ana"], "4"]]);
  });

  it("shows who acted and from where", async () => {
    const { rows } = await searchAuditEvents(db, auditSearchSchema.parse({ patient: "ben" }));

    expect(rows[0]?.agents).toEqual([
      { id: "u-1", display: "Ana Ruiz", kind: "user" },
      { id: "chart-app", kind: "client" },
    ]);
    expect(rows[0]?.address).toBe("203.0.113.7");
  });
});

describe("auditSearchSchema", () => {
  it.each([
    [{ patient: "Patient/ana" }, "patient", 'Enter a Patient id: 1 to 64 letters, digits, "-" or ".".'],
    [{ from: "11/05/2026" }, "from", "Enter the start date as a real date in the form YYYY-MM-DD."],
    [{ from: "2026-13-01" }, "from", "Enter the start date as a real date in the form YYYY-MM-DD."],
    [{ to: "2026-02-30" }, "to", "Enter the end date as a real date in the form YYYY-MM-DD."],
    [{ to: "2026-11" }, "to", "Enter the end date as a real date in the form YYYY-MM-DD."],
    [{ outcome: "maybe" }, "outcome", undefined],
  ])("rejects %j", (input, field, message) => {
    const result = auditSearchSchema.safeParse(input);

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual([field]);
    if (message) expect(result.error?.issues[0]?.message).toBe(message);
  });
});
