import type { AuditEvent, Bundle } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { sendFhirRequest } from "../fhir/rest/fhir-test-client";
import { loadAuditAgents } from "./load-audit-agents";
import { recordAuditEvent } from "./record-audit-event";

let db: Database;
let userId: string;

beforeAll(async () => {
  db = await openTestDatabase();
  const user = await db.prisma.user.create({ data: { email: "cm@example.org", name: "Casey Morgan", passwordHash: "unused", role: "care_manager" } });
  userId = user.id;
  await db.prisma.oauthClient.create({ data: { id: "chart-app", name: "Chart App", clientType: "public", redirectUris: ["http://127.0.0.1/cb"] } });
});

afterAll(async () => {
  await db?.close();
});

describe("recordAuditEvent", () => {
  it("stores one event per patient, naming only that patient", async () => {
    const stored = await recordAuditEvent(db, {
      action: "R",
      subtype: { system: "https://lakeview.example/fhir/CodeSystem/portal-event", code: "care-member-view" },
      agents: await loadAuditAgents(db, `user:${userId}`),
      patientIds: ["p-1", "p-2"],
      resources: ["ExplanationOfBenefit/eob-1"],
      outcome: "0",
      address: "203.0.113.7",
      requestId: "req-1",
      recorded: new Date("2026-12-05T10:00:00Z"),
    });

    const p1 = await sendFhirRequest(db, "AuditEvent", { scope: { kind: "patients", patientIds: ["p-1"] } });
    const p3 = await sendFhirRequest(db, "AuditEvent", { scope: { kind: "patients", patientIds: ["p-3"] } });
    const p1Events = ((p1.body as Bundle).entry ?? []).map((entry) => entry.resource as AuditEvent);

    expect(stored).toHaveLength(2);
    expect(p1Events.map((event) => event.id)).toEqual([stored[0]?.id]);
    expect(p1Events[0]?.entity?.map((entity) => entity.what?.reference ?? entity.name)).toEqual(["Patient/p-1", "request"]);
    expect(stored[1]?.entity?.map((entity) => entity.what?.reference ?? entity.name)).toEqual(["Patient/p-2", "request"]);
    expect((p3.body as Bundle).entry ?? []).toEqual([]);
  });

  it("records who acted, from where and the outcome", async () => {
    const [stored] = await recordAuditEvent(db, {
      action: "R",
      subtype: { system: "http://hl7.org/fhir/restful-interaction", code: "read" },
      agents: await loadAuditAgents(db, `user:${userId}:client:chart-app`),
      patientIds: ["p-1"],
      outcome: "4",
      address: "203.0.113.7",
      recorded: new Date("2026-12-05T10:00:00Z"),
    });

    const read = await sendFhirRequest(db, `AuditEvent/${stored?.id ?? ""}`);
    const event = read.body as AuditEvent;

    expect(event.outcome).toBe("4");
    expect(event.recorded).toBe("2026-12-05T10:00:00.000Z");
    expect(event.agent.map((agent) => [agent.who?.identifier?.value, agent.who?.display, agent.requestor])).toEqual([
      [userId, "Casey Morgan", true],
      ["chart-app", "Chart App", false],
    ]);
    expect(event.agent[0]?.network?.address).toBe("203.0.113.7");
    expect(event.entity?.map((entity) => entity.what?.reference)).toEqual(["Patient/p-1"]);
  });

  it("stores an access that names no patient", async () => {
    const [stored] = await recordAuditEvent(db, {
      action: "R",
      subtype: { system: "https://lakeview.example/fhir/CodeSystem/portal-event", code: "admin-audit-search" },
      agents: await loadAuditAgents(db, `user:${userId}`),
      patientIds: [],
      outcome: "0",
      recorded: new Date("2026-12-05T10:00:00Z"),
    });

    const read = await sendFhirRequest(db, `AuditEvent/${stored?.id ?? ""}`);

    expect(read.status).toBe(200);
    expect((read.body as AuditEvent).entity).toBeUndefined();
  });
});

describe("loadAuditAgents", () => {
  it.each([
    ["client:chart-app", [{ kind: "client", id: "chart-app", display: "Chart App" }]],
    ["client:unknown-app", [{ kind: "client", id: "unknown-app" }]],
    ["user:not-a-uuid", [{ kind: "user", id: "not-a-uuid" }]],
    ["something-else", [{ kind: "client", id: "something-else" }]],
  ])("reads %s", async (callerId, expected) => {
    expect(await loadAuditAgents(db, callerId)).toEqual(expected);
  });
});
