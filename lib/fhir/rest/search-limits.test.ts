import type { Bundle } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { FhirError } from "../fhir-error";
import { sendFhirRequest } from "./fhir-test-client";
import { loadSearchFixtures } from "./search-fixtures";
import { withinTransaction } from "./within-transaction";
import { withStatementTimeout } from "./with-statement-timeout";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await loadSearchFixtures(db);
});

afterAll(async () => {
  await db.close();
});

function outcome(code: string, diagnostics: string): unknown {
  return { resourceType: "OperationOutcome", issue: [{ severity: "error", code, diagnostics }] };
}

const repeated = (count: number, pair: (index: number) => string): string => Array.from({ length: count }, (_, index) => pair(index)).join("&");
const matchIds = (bundle: Bundle): string[] => (bundle.entry ?? []).map((entry) => entry.resource?.id ?? "");

describe("search limits", () => {
  it("ANDs 100 repeated name parameters", async () => {
    const response = await sendFhirRequest(db, `Patient?${repeated(100, (index) => (index % 2 === 0 ? "name=gom" : "name=ana"))}`);

    expect(response.status).toBe(200);
    expect(matchIds(response.body as Bundle)).toEqual(["pat-ana"]);
  });

  it("answers 100 unmatched name parameters", async () => {
    const response = await sendFhirRequest(db, `Patient?${repeated(100, (index) => `name=a${index}`)}`, { scope: { kind: "patients", patientIds: ["pat-ana"] } });

    expect(response.status).toBe(200);
    expect((response.body as Bundle).total).toBe(0);
  });

  it("rejects 101 parameters", async () => {
    const response = await sendFhirRequest(db, `Patient?${repeated(101, (index) => `name=a${index}`)}`);

    expect(response.status).toBe(400);
    expect(response.body).toEqual(
      outcome("invalid", "The search has 101 parameters, and this server takes at most 100; split it into several searches, or join values of one parameter with commas."),
    );
  });

  it("rejects 101 comma-joined values", async () => {
    const values = Array.from({ length: 101 }, (_, index) => `a${index}`).join(",");
    const response = await sendFhirRequest(db, `Patient?name=${values}`);

    expect(response.status).toBe(400);
    expect(response.body).toEqual(outcome("invalid", "The search has 101 values, and this server takes at most 100 in all parameters together; split it into several searches."));
  });

  it("counts POST _search body pairs", async () => {
    const response = await sendFhirRequest(db, "Patient/_search?name=gom", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: repeated(100, (index) => `name=a${index}`),
      scope: { kind: "patients", patientIds: ["pat-ana"] },
    });

    expect(response.status).toBe(400);
    expect((response.body as { issue: { diagnostics: string }[] }).issue[0]?.diagnostics).toMatch(/^The search has 101 parameters/);
  });
});

describe("withStatementTimeout", () => {
  it.runIf(process.env.TEST_DATABASE_URL)("maps a PostgreSQL timeout to too-costly", async () => {
    const error: unknown = await withStatementTimeout(db, 20, (sql) => sql.query("SELECT pg_sleep(2)")).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(FhirError);
    expect((error as FhirError).status).toBe(503);
    expect((error as FhirError).toOperationOutcome()).toEqual(
      outcome("too-costly", "The search ran longer than 20 ms and was stopped; narrow it with more selective parameters, fewer values or a smaller _count, and try again."),
    );
  });

  it.runIf(process.env.TEST_DATABASE_URL)("restores the surrounding transaction's timeout", async () => {
    const after = await db.transaction(async (sql) => {
      await withStatementTimeout(withinTransaction(db, sql), 5000, (inner) => inner.query("SELECT 1"));
      return sql.query<{ setting: string }>("SELECT current_setting('statement_timeout') AS setting");
    });
    const [outside] = await db.sql.query<{ setting: string }>("SELECT current_setting('statement_timeout') AS setting");

    expect(after[0]?.setting).toBe(outside?.setting);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("stops a slow statement inside a surrounding transaction", async () => {
    const error: unknown = await db
      .transaction((sql) => withStatementTimeout(withinTransaction(db, sql), 20, (inner) => inner.query("SELECT pg_sleep(2)")))
      .catch((caught: unknown) => caught);

    expect((error as FhirError).status).toBe(503);
  });

  it.runIf(process.env.TEST_DATABASE_URL)("leaves the pooled connections without its timeout", async () => {
    const [before] = await db.sql.query<{ setting: string }>("SELECT current_setting('statement_timeout') AS setting");
    const [inside] = await withStatementTimeout(db, 4321, (sql) => sql.query<{ setting: string }>("SELECT current_setting('statement_timeout') AS setting"));
    // Eight queries at once reach every connection of the pool.
    const after = await Promise.all(Array.from({ length: 8 }, () => db.sql.query<{ setting: string }>("SELECT current_setting('statement_timeout') AS setting, pg_sleep(0.05)")));

    expect(inside?.setting).toBe("4321ms");
    expect(after.map((rows) => rows[0]?.setting)).toEqual(Array.from({ length: 8 }, () => before?.setting));
  });

  it.runIf(!process.env.TEST_DATABASE_URL)("runs unlimited on PGlite", async () => {
    const rows = await withStatementTimeout(db, 1, (sql) => sql.query<{ one: number }>("SELECT 1 AS one"));

    expect(rows).toEqual([{ one: 1 }]);
  });
});
