import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { generateDemoData } from "../../demo/generate-demo-data";
import { FhirError } from "../../fhir/fhir-error";
import { FhirStore } from "../../fhir/store/fhir-store";
import { ANALYTICS_SCHEMA, refreshAnalyticsViews } from "../refresh-analytics-views";
import { quoteIdentifier } from "../write-view-rows";
import { CONSOLE_SCHEMA } from "./analyst-query-limits";
import { runAnalystQuery } from "./run-analyst-query";

// Each PostgreSQL test file has its own schema, so the analytics schema gets its own name too.
const SCHEMA = process.env.TEST_DATABASE_URL ? `analytics_${randomBytes(6).toString("hex")}` : "analytics";
const onPostgres = process.env.TEST_DATABASE_URL !== undefined;

let db: Database;
/** The schema of the portal's own tables: public, or the test file's schema on PostgreSQL. */
let home = "public";

beforeAll(async () => {
  db = await openTestDatabase();
  const { resources } = generateDemoData({ members: 2, seed: 11 });
  await new FhirStore(db).writeAll(resources.map((resource) => ({ kind: "put", resource })));
  await refreshAnalyticsViews(db, { schema: SCHEMA });
  home = (await db.sql.query<{ schema: string }>("SELECT current_schema() AS schema"))[0]?.schema ?? home;
});

afterAll(async () => {
  if (onPostgres) await db?.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(SCHEMA)} CASCADE`);
  await db?.close();
});

/** Runs a query and returns the error it throws, or fails when it succeeds. */
async function errorOf(sql: string, timeoutMs?: number): Promise<FhirError> {
  const error = await runAnalystQuery(db, sql, { schema: SCHEMA, timeoutMs }).then(
    (result) => new Error(`expected an error, got ${result.rows.length} rows`),
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof FhirError)) throw error;
  return error;
}

describe("runAnalystQuery", () => {
  it("reads the schema the refresh writes", () => {
    expect(CONSOLE_SCHEMA).toBe(ANALYTICS_SCHEMA);
  });


  it("returns columns and rows of an analytics table", async () => {
    const [expected] = await db.sql.query<{ count: string }>(`SELECT count(*)::text AS count FROM ${quoteIdentifier(SCHEMA)}.claim_line`);

    const result = await runAnalystQuery(db, "SELECT count(*) AS line_count, 'a' AS a, 'b' AS a FROM claim_line;", { schema: SCHEMA });

    expect(result.columns).toEqual(["line_count", "a", "a"]);
    expect(result.rows).toEqual([[expected?.count, "a", "b"]]);
    expect(result.truncated).toBe(false);
  });

  it("returns column names of an empty result", async () => {
    const result = await runAnalystQuery(db, "SELECT eob_id, allowed FROM claim_line WHERE false", { schema: SCHEMA });

    expect(result.columns).toEqual(["eob_id", "allowed"]);
    expect(result.rows).toEqual([]);
  });

  it("keeps values as text and NULL as null", async () => {
    const result = await runAnalystQuery(db, "SELECT 12345678901234567890.123::numeric AS big, NULL::text AS nothing, true AS yes, '2024-03-01'::date AS day", { schema: SCHEMA });

    expect(result.rows).toEqual([["12345678901234567890.123", null, "true", "2024-03-01"]]);
  });

  it("cuts results at the row limit", async () => {
    const result = await runAnalystQuery(db, "SELECT n FROM generate_series(1, 25) AS n ORDER BY n", { schema: SCHEMA, rowLimit: 10 });

    expect(result.rows).toHaveLength(10);
    expect(result.rows.at(-1)).toEqual(["10"]);
    expect(result.truncated).toBe(true);
  });

  it("allows semicolons inside strings and comments", async () => {
    const result = await runAnalystQuery(db, "SELECT 'a;b' AS text, $$c;d$$ AS body -- trailing; comment\n;", { schema: SCHEMA });

    expect(result.rows).toEqual([["a;b", "c;d"]]);
  });

  it("leaves the connection's settings as they were", async () => {
    const before = await db.sql.query<{ path: string; role: string }>("SELECT current_setting('search_path') AS path, current_user AS role");

    await runAnalystQuery(db, "SELECT set_config('search_path', 'nowhere', false), set_config('statement_timeout', '1', false)", { schema: SCHEMA });
    const after = await db.sql.query<{ path: string; role: string }>("SELECT current_setting('search_path') AS path, current_user AS role");
    const [timeout] = await db.sql.query<{ timeout: string }>("SELECT current_setting('statement_timeout') AS timeout");

    expect(after).toEqual(before);
    expect(timeout?.timeout).toBe("0");
  });
});

describe("runAnalystQuery errors", () => {
  it.each([
    ["empty input", "  ;  ", "The SQL is empty; write one SELECT query over the analytics tables."],
    ["two statements", "SELECT 1;\nSELECT 2", 'The console runs one statement at a time, but a ";" at line 1, column 9 starts a second one; remove it or run the statements one by one.'],
    ["an INSERT", "INSERT INTO claim_line (eob_id) VALUES ('x')", 'The console only runs queries, and "INSERT" does not start one; start with SELECT, WITH, VALUES or TABLE.'],
    ["a syntax error", "SELECT eob_id\nFORM claim_line", 'syntax error at or near "claim_line" at line 2, column 6; fix the SQL there and run it again.'],
  ])("rejects %s", async (_case, sql, message) => {
    const error = await errorOf(sql);

    expect(error.code).toBe("invalid");
    expect(error.message).toBe(message);
  });

  it("lists the analytics tables for an unknown table", async () => {
    const error = await errorOf("SELECT * FROM claims");

    expect(error.code).toBe("invalid");
    expect(error.message).toBe(
      'relation "claims" does not exist at line 1, column 15. Only the analytics schema is visible; its tables are care_gap, claim_cost, claim_header, claim_line, condition, coverage_period, encounter, immunization, lab_observation, measure_report.',
    );
  });

  // PGlite does not enforce statement_timeout, so this query would run to its end there.
  it.runIf(onPostgres)("says the statement timeout and the fix", async () => {
    const error = await errorOf("SELECT count(*) FROM generate_series(1, 1000000000) AS a", 200);

    expect(error.code).toBe("invalid");
    expect(error.message).toBe("The query was canceled because it ran longer than the 0.2-second limit; narrow it with WHERE or LIMIT, or aggregate, and run it again.");
  });
});

/** Queries that reach past the analytics schema or change something, so each must fail. HOME is the portal's schema. */
const attacks: [string, string, RegExp][] = [
  ["the FHIR store", 'SELECT * FROM HOME."resource"', /permission denied for table resource/],
  ["the FHIR store by its home schema", "SELECT content FROM resource_version", /relation "resource_version" does not exist/],
  ["portal users and password hashes", "SELECT password_hash FROM HOME.app_user", /permission denied for table app_user/],
  ["session validity", "SELECT sessions_valid_after FROM HOME.app_user", /permission denied for table app_user/],
  ["OAuth client secrets", "SELECT client_secret_hash FROM HOME.oauth_client", /permission denied for table oauth_client/],
  ["the catalog's password hashes", "SELECT rolpassword FROM pg_authid", /permission denied for table pg_authid/],
  ["a server file", "SELECT pg_read_file('/etc/passwd')", /permission denied for function pg_read_file/],
  ["a server directory", "SELECT pg_ls_dir('.')", /permission denied for function pg_ls_dir/],
  ["COPY", "COPY claim_line TO STDOUT", /"COPY" does not start one/],
  ["COPY to a program", "COPY (SELECT 1) TO PROGRAM 'id'", /"COPY" does not start one/],
  ["a write in a CTE", "WITH gone AS (DELETE FROM claim_line RETURNING *) SELECT count(*) FROM gone", /WITH clause containing a data-modifying statement must be at the top level|read-only/],
  ["a DO block", "DO $$ BEGIN PERFORM 1; END $$", /"DO" does not start one/],
  ["SET ROLE", "SET ROLE postgres", /"SET" does not start one/],
  ["RESET ROLE", "RESET ROLE", /"RESET" does not start one/],
  ["set_config on role", "SELECT set_config('role', 'postgres', true)", /cannot set parameter "role" within security-definer function/],
  ["set_config then a query in a string", "SELECT set_config('role', 'postgres', true), query_to_xml('SELECT * FROM HOME.resource', true, false, '')", /cannot set parameter "role" within security-definer function/],
  ["session authorization", "SELECT set_config('session_authorization', 'postgres', true)", /cannot set parameter "session_authorization" within security-definer function|permission denied/],
  ["a query in a string", "SELECT query_to_xml('SELECT * FROM HOME.resource', true, false, '')", /permission denied for table resource/],
  ["dblink", "SELECT * FROM dblink('dbname=test', 'SELECT 1') AS t(x int)", /function dblink\(unknown, unknown\) does not exist/],
  ["a large object import", "SELECT lo_import('/etc/passwd')", /permission denied for function lo_import|must be superuser/],
  ["pg_sleep", "SELECT pg_sleep(30)", /permission denied for function pg_sleep/],
  ["a session advisory lock", "SELECT pg_advisory_lock(42)", /permission denied for function pg_advisory_lock/],
  ["a sequence", "SELECT nextval('some_sequence')", /does not exist|permission denied|read-only/],
  ["a closing parenthesis", "SELECT 1) AS q; DELETE FROM claim_line; SELECT (1", /one statement at a time/],
];

describe("runAnalystQuery attacks", () => {
  it.each(attacks)("rejects %s", async (_case, sql, pattern) => {
    const error = await errorOf(sql.replaceAll("HOME", quoteIdentifier(home)));

    expect(error.message).toMatch(pattern);
  });

  it("keeps a trailing comment out of the wrapper", async () => {
    const result = await runAnalystQuery(db, "SELECT 1 AS one -- ) AS q LIMIT 1", { schema: SCHEMA });

    expect(result.rows).toEqual([["1"]]);
  });

  it("leaves analytics tables unchanged", async () => {
    const before = await db.sql.query(`SELECT count(*)::int AS count FROM ${quoteIdentifier(SCHEMA)}.claim_line`);

    await errorOf("WITH gone AS (DELETE FROM claim_line RETURNING *) SELECT count(*) FROM gone");
    const after = await db.sql.query(`SELECT count(*)::int AS count FROM ${quoteIdentifier(SCHEMA)}.claim_line`);

    expect(after).toEqual(before);
  });
});
