import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { SessionUser } from "../auth/session-user";
import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { getWorklistResponse } from "./get-worklist-response";
import { addToPanel, addUser, patient, putAll, testNow } from "./testing/care-fixtures";

describe("GET /care/api/worklist", () => {
  let db: Database;
  let manager: SessionUser;

  beforeAll(async () => {
    db = await openTestDatabase();
    await putAll(db, [patient("pat-own", "Ana", "Abbott", "1960-04-02"), patient("pat-other", "Ben", "Baker", "1970-01-01")]);
    manager = { id: await addUser(db, "care_manager", "Carol"), name: "Carol", role: "care_manager", patientId: null };
    const other = await addUser(db, "care_manager", "Dev");
    await addToPanel(db, manager.id, ["pat-own"]);
    await addToPanel(db, other, ["pat-other"]);
  });

  afterAll(async () => {
    await db.close();
  });

  it.each([
    ["no session", null, "", { status: 401, body: { error: { code: "unauthenticated", message: "Sign in as a care manager to list the worklist." } } }],
    ["a member", { id: "8f7d3c2a-1b4e-4c6d-9a8b-7c6d5e4f3a2b", name: "M", role: "member", patientId: "pat-other" }, "", { status: 403, body: { error: { code: "forbidden", message: "Only care manager accounts have a worklist." } } }],
    ["an admin", { id: "8f7d3c2a-1b4e-4c6d-9a8b-7c6d5e4f3a2c", name: "A", role: "admin", patientId: null }, "", { status: 403, body: { error: { code: "forbidden", message: "Only care manager accounts have a worklist." } } }],
  ] as const)("rejects %s", async (_name, user, search, expected) => {
    const response = await getWorklistResponse(db, user, new URLSearchParams(search), testNow);

    expect(response).toEqual(expected);
  });

  it.each([
    ["band=severe", { status: 400, body: { error: { code: "invalid", field: "band", message: 'Query parameter "band" must be one of low, medium, high; fix or remove it.' } } }],
    ["page=0", { status: 400, body: { error: { code: "invalid", field: "page", message: 'Query parameter "page" must be a whole number from 1 to 10000; fix or remove it.' } } }],
    ["sort=risk;drop", { status: 400, body: { error: { code: "invalid", field: "sort", message: 'Query parameter "sort" must be one of risk, name, age, gaps, last-contact; fix or remove it.' } } }],
    ["gaps=closed", { status: 400, body: { error: { code: "invalid", field: "gaps", message: 'Query parameter "gaps" must be "open" or left out; fix or remove it.' } } }],
  ] as const)("rejects %s", async (search, expected) => {
    const response = await getWorklistResponse(db, manager, new URLSearchParams(search), testNow);

    expect(response).toEqual(expected);
  });

  it("ignores forged patient and manager parameters", async () => {
    const response = await getWorklistResponse(db, manager, new URLSearchParams("patient=pat-other&careManagerId=x&q="), testNow);

    expect(response.status).toBe(200);
    expect(response.status === 200 && response.body.rows.map((row) => row.patientId)).toEqual(["pat-own"]);
  });
});
