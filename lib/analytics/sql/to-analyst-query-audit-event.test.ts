import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { QUERY_HASH_DETAIL, toAnalystQueryAuditEvent } from "./to-analyst-query-audit-event";

const query = "SELECT * FROM claim_line WHERE patient_id = 'demo-pat-0001'";

describe("toAnalystQueryAuditEvent", () => {
  it("records the query hash, not its text", () => {
    const event = toAnalystQueryAuditEvent({
      user: { id: "admin-1", name: "Ada Admin", role: "admin", patientId: null },
      event: "admin-sql-csv",
      query,
      outcome: "0",
      address: "127.0.0.1",
      recorded: new Date("2026-12-05T06:00:00Z"),
    });

    expect(event.subtype).toEqual([{ system: "https://lakeview.example/fhir/CodeSystem/portal-event", code: "admin-sql-csv" }]);
    expect(event.action).toBe("E");
    expect(event.entity).toEqual([
      {
        type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "2", display: "System Object" },
        name: "sql",
        detail: [{ type: QUERY_HASH_DETAIL, valueString: createHash("sha256").update(query).digest("hex") }],
      },
    ]);
    expect(JSON.stringify(event)).not.toContain("demo-pat-0001");
  });
});
