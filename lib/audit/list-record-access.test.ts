import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import type { AuditRecord } from "./audit-record";
import { listRecordAccess, recordAccessPageSize } from "./list-record-access";
import { recordAuditEvent } from "./record-audit-event";

const MEMBER = "0b6c1a52-1111-4111-8111-000000000001";
const MANAGER = "0b6c1a52-2222-4222-8222-000000000002";

let db: Database;

function access(patientIds: string[], minutes: number, overrides: Partial<AuditRecord> = {}): AuditRecord {
  return {
    action: "R",
    subtype: { system: "https://lakeview.example/fhir/CodeSystem/portal-event", code: "member-claims" },
    agents: [{ kind: "user", id: MEMBER, display: "Ana Ruiz" }],
    patientIds,
    outcome: "0",
    recorded: new Date(Date.UTC(2026, 11, 5, 10, minutes)),
    ...overrides,
  };
}

beforeAll(async () => {
  db = await openTestDatabase();
  await recordAuditEvent(db, access(["ana"], 1));
  await recordAuditEvent(db, access(["ana"], 2, { agents: [{ kind: "user", id: MANAGER, display: "Casey Morgan" }], subtype: { system: "x", code: "care-member-view" } }));
  await recordAuditEvent(db, access(["ana"], 3, { agents: [{ kind: "user", id: MEMBER }, { kind: "client", id: "chart-app", display: "Chart App" }], outcome: "4" }));
  await recordAuditEvent(db, access(["ben"], 4, { agents: [{ kind: "user", id: MANAGER, display: "Casey Morgan" }] }));
});

afterAll(async () => {
  await db?.close();
});

describe("listRecordAccess", () => {
  it("lists the patient's accesses newest first", async () => {
    const log = await listRecordAccess(db, "ana", MEMBER, 1);

    expect(log.entries.map((entry) => [entry.person, entry.appName, entry.event, entry.allowed])).toEqual([
      [{ kind: "you" }, "Chart App", "member-claims", false],
      [{ kind: "person", name: "Casey Morgan" }, undefined, "care-member-view", true],
      [{ kind: "you" }, undefined, "member-claims", true],
    ]);
    expect(log.hasNext).toBe(false);
  });

  it("leaves out other patients' accesses", async () => {
    const log = await listRecordAccess(db, "ben", MEMBER, 1);

    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]?.recorded).toBe("2026-12-05T10:04:00.000Z");
  });

  it("pages through a long log", async () => {
    for (let minute = 10; minute < 10 + recordAccessPageSize; minute += 1) {
      await recordAuditEvent(db, access(["cy"], minute));
    }
    await recordAuditEvent(db, access(["cy"], 59));

    const first = await listRecordAccess(db, "cy", MEMBER, 1);
    const second = await listRecordAccess(db, "cy", MEMBER, 2);

    expect(first.entries).toHaveLength(recordAccessPageSize);
    expect(first.hasNext).toBe(true);
    expect(second.entries.map((entry) => entry.recorded)).toEqual(["2026-12-05T10:10:00.000Z"]);
    expect(second.hasNext).toBe(false);
  });
});
