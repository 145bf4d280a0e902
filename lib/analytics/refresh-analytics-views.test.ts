import { randomBytes } from "node:crypto";

import type { DetectedIssue, FhirResource, MeasureReport, Observation } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { generateDemoData } from "../demo/generate-demo-data";
import { FhirStore } from "../fhir/store/fhir-store";
import type { ViewColumnInfo } from "./compile-view-definition";
import { listMaterializedViews, type MaterializedView } from "./list-materialized-views";
import { refreshAnalyticsViews } from "./refresh-analytics-views";
import { toSqlType, toSqlValue } from "./sql-column";
import { removeStoredViewDefinition, saveViewDefinition } from "./stored-view-definitions";
import { toViewDefinitionBasic, VIEW_DEFINITION_EXTENSION_URL } from "./view-definition-basic";
import { quoteIdentifier } from "./write-view-rows";

// Each PostgreSQL test file has its own schema, so the analytics schema gets its own name too.
const SCHEMA = process.env.TEST_DATABASE_URL ? `analytics_${randomBytes(6).toString("hex")}` : "analytics";

const gapReport: MeasureReport = {
  resourceType: "MeasureReport",
  id: "mr-lakeview-cms125-demo-1-2026",
  status: "complete",
  type: "individual",
  measure: "https://lakeview.example/fhir/Measure/lakeview-cms125",
  period: { start: "2026-01-01", end: "2026-12-31" },
  group: [{ population: [{ code: { coding: [{ code: "denominator" }] }, count: 1 }, { code: { coding: [{ code: "numerator" }] }, count: 0 }] }],
};
const gap: DetectedIssue = {
  resourceType: "DetectedIssue",
  id: "gap-lakeview-cms125-demo-1-2026",
  status: "preliminary",
  code: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "CAREGAP" }] },
  identifiedDateTime: "2026-11-30",
  implicated: [{ reference: "Measure/lakeview-cms125" }],
  evidence: [{ detail: [{ reference: `MeasureReport/${gapReport.id ?? ""}` }] }],
  modifierExtension: [
    {
      url: "http://hl7.org/fhir/us/davinci-deqm/StructureDefinition/extension-gapStatus",
      valueCodeableConcept: { coding: [{ system: "http://hl7.org/fhir/us/davinci-deqm/CodeSystem/gaps-status", code: "open-gap" }] },
    },
  ],
};
const adminView = {
  resourceType: "ViewDefinition",
  name: "patient_birth",
  resource: "Patient",
  select: [{ column: [{ name: "id", path: "getResourceKey()", type: "id" }, { name: "birth_date", path: "birthDate", type: "date" }] }],
};

let db: Database;
let store: FhirStore;

beforeAll(async () => {
  db = await openTestDatabase();
  store = new FhirStore(db);
  const { resources } = generateDemoData({ members: 4, seed: 7 });
  const patientId = resources.find((resource) => resource.resourceType === "Patient")?.id ?? "";
  const withGaps: FhirResource[] = [...resources, { ...gapReport, subject: { reference: `Patient/${patientId}` } }, { ...gap, patient: { reference: `Patient/${patientId}` } }];
  await store.writeAll(withGaps.map((resource) => ({ kind: "put", resource })));
  await saveViewDefinition(db, adminView, "patient-birth");
});

afterAll(async () => {
  if (process.env.TEST_DATABASE_URL) await db?.exec(`DROP SCHEMA IF EXISTS ${quoteIdentifier(SCHEMA)} CASCADE; DROP SCHEMA IF EXISTS ${quoteIdentifier(`${SCHEMA}_moved`)} CASCADE`);
  await db?.close();
});

/** Serializes a value with sorted keys, so jsonb's own key order does not matter. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object" && value !== null) {
    return `{${Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Brings a table value (from row_to_json) and an engine value to one comparable form. */
function comparable(value: unknown, column: ViewColumnInfo): unknown {
  if (value === null || value === undefined) return null;
  switch (toSqlType(column)) {
    case "timestamptz":
      return new Date(String(value)).getTime();
    case "numeric":
    case "integer":
    case "bigint":
      return Number(value);
    case "jsonb":
      return canonicalJson(typeof value === "string" ? JSON.parse(value) : value);
    default:
      return value;
  }
}

async function readTable(view: MaterializedView): Promise<string[]> {
  const rows = await db.sql.query<{ row: Record<string, unknown> | string }>(`SELECT row_to_json(t) AS row FROM ${quoteIdentifier(SCHEMA)}.${quoteIdentifier(view.name)} t`);
  return rows
    .map(({ row }) => (typeof row === "string" ? (JSON.parse(row) as Record<string, unknown>) : row))
    .map((row) => canonicalJson(Object.fromEntries(view.view.columns.map((column) => [column.name, comparable(row[column.name], column)]))))
    .sort();
}

async function runEngine(view: MaterializedView): Promise<string[]> {
  const resources = await store.listAll(view.view.resourceType as FhirResource["resourceType"]);
  return resources
    .flatMap((resource) => view.view.evaluate(resource))
    .map((row) => canonicalJson(Object.fromEntries(view.view.columns.map((column) => [column.name, comparable(toSqlValue(row[column.name], column), column)]))))
    .sort();
}

async function snapshotTables(): Promise<Record<string, string[]>> {
  const snapshot: Record<string, string[]> = {};
  for (const view of await listMaterializedViews(db)) {
    const rows = await db.sql.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${quoteIdentifier(SCHEMA)}.${quoteIdentifier(view.name)} t ORDER BY 1`);
    snapshot[view.name] = rows.map(({ row }) => row);
  }
  return snapshot;
}

describe("refreshAnalyticsViews", () => {
  it("materializes every view as the engine evaluates it", async () => {
    const results = await refreshAnalyticsViews(db, { schema: SCHEMA, full: true });

    const views = await listMaterializedViews(db);
    expect(results.map((result) => result.view)).toEqual(views.map((view) => view.name));
    for (const view of views) {
      const expected = await runEngine(view);
      expect(expected.length, view.name).toBeGreaterThan(0);
      expect(await readTable(view), view.name).toEqual(expected);
    }
  });

  it("fills the care-gap and claim views", async () => {
    const [gapRow] = await db.sql.query<{ gap_status: string; measure_id: string }>(`SELECT gap_status, measure_id FROM ${SCHEMA}.care_gap`);
    const [lines] = await db.sql.query<{ n: number; allowed: string }>(`SELECT count(*)::int AS n, sum(allowed)::text AS allowed FROM ${SCHEMA}.claim_line`);

    expect(gapRow).toEqual({ gap_status: "open-gap", measure_id: "lakeview-cms125" });
    expect(lines?.n).toBeGreaterThan(0);
    expect(Number(lines?.allowed)).toBeGreaterThan(0);
  });

  it("indexes views by resource and patient", async () => {
    const indexes = await db.sql.query<{ table_name: string; definition: string }>(
      "SELECT tablename AS table_name, indexdef AS definition FROM pg_indexes WHERE schemaname = $1",
      [SCHEMA],
    );
    const indexedColumns = (table: string): (string | undefined)[] =>
      indexes.filter((index) => index.table_name === table).map((index) => /\((.+)\)$/.exec(index.definition)?.[1]).sort();

    expect(indexedColumns("claim_line")).toEqual(["_resource_id", "patient_id"]);
    expect(indexedColumns("care_gap")).toEqual(["_resource_id", "patient_id"]);
    expect(indexedColumns("view_patient_birth")).toEqual(["_resource_id"]);
  });

  it("adds the patient index to a table built without it", async () => {
    await db.exec(`DROP INDEX ${SCHEMA}.claim_line_patient_idx`);

    await refreshAnalyticsViews(db, { schema: SCHEMA });

    const [index] = await db.sql.query<{ name: string }>("SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1 AND tablename = 'claim_line' AND indexdef LIKE '%(patient_id)'", [SCHEMA]);
    expect(index?.name).toBe("claim_line_patient_idx");
  });

  it("applies updates and deletes like a full rebuild", async () => {
    await refreshAnalyticsViews(db, { schema: SCHEMA });
    const [observation] = (await store.listAll("Observation")).filter((resource) => resource.category?.some((category) => category.coding?.some((coding) => coding.code === "laboratory")));
    const [eob] = await store.listAll("ExplanationOfBenefit");
    const changed: Observation = { ...(observation as Observation), valueQuantity: { value: 123.45, unit: "mg/dL" } };
    await new Promise((resolve) => setTimeout(resolve, 5));
    await store.update(changed);
    await store.remove("ExplanationOfBenefit", eob?.id ?? "");

    const incremental = await refreshAnalyticsViews(db, { schema: SCHEMA, watermarkOverlapMs: 0 });
    const afterIncremental = await snapshotTables();
    await refreshAnalyticsViews(db, { schema: SCHEMA, full: true });
    const afterFull = await snapshotTables();

    expect(incremental.every((result) => result.mode === "incremental")).toBe(true);
    expect(incremental.find((result) => result.view === "lab_observation")?.resources).toBe(1);
    expect(incremental.find((result) => result.view === "claim_header")?.resources).toBe(1);
    expect(incremental.find((result) => result.view === "encounter")?.resources).toBe(0);
    expect(afterIncremental).toEqual(afterFull);
    expect(afterIncremental.lab_observation?.some((row) => row.includes('"value_quantity":123.45'))).toBe(true);
    expect(afterIncremental.claim_header?.some((row) => row.includes(`"eob_id":"${eob?.id ?? ""}"`))).toBe(false);
  });

  it("adds no duplicates when run again", async () => {
    const before = await snapshotTables();

    const results = await refreshAnalyticsViews(db, { schema: SCHEMA });

    expect(await snapshotTables()).toEqual(before);
    for (const result of results) expect(result.rowCount, result.view).toBe(before[result.view]?.length);
  });

  it("materializes and drops an admin view", async () => {
    const patients = await store.listAll("Patient");
    const [table] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}.view_patient_birth`);
    expect(table?.n).toBe(patients.length);

    await removeStoredViewDefinition(db, "patient-birth");
    await refreshAnalyticsViews(db, { schema: SCHEMA });

    const [gone] = await db.sql.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [`${SCHEMA}.view_patient_birth`]);
    expect(gone?.found).toBeNull();
  });

  it("rebuilds a view whose definition changed", async () => {
    await saveViewDefinition(db, adminView, "patient-birth");
    await refreshAnalyticsViews(db, { schema: SCHEMA });
    await saveViewDefinition(db, { ...adminView, select: [{ column: [{ name: "id", path: "getResourceKey()", type: "id" }, { name: "gender", path: "gender", type: "code" }] }] }, "patient-birth");

    const results = await refreshAnalyticsViews(db, { schema: SCHEMA });

    expect(results.find((result) => result.view === "view_patient_birth")?.mode).toBe("full");
    const columns = await db.sql.query<{ column_name: string }>("SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'view_patient_birth' ORDER BY ordinal_position", [SCHEMA]);
    expect(columns.map((column) => column.column_name)).toEqual(["_resource_id", "id", "gender"]);
  });

  it("moves tables to another schema", async () => {
    const results = await refreshAnalyticsViews(db, { schema: `${SCHEMA}_moved` });

    const [old] = await db.sql.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [`${SCHEMA}.claim_line`]);
    const [moved] = await db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${SCHEMA}_moved.claim_line`);
    expect(results.every((result) => result.mode === "full")).toBe(true);
    expect(old?.found).toBeNull();
    expect(moved?.n).toBe(results.find((result) => result.view === "claim_line")?.rowCount);
  });

  it("skips an invalid imported view", async () => {
    const invalid = toViewDefinitionBasic({ resourceType: "ViewDefinition", resource: "Patient", select: [{ column: [{ name: "x", path: "name.given" }] }] }, "imported-bad");
    await store.update({ ...invalid, extension: [{ url: VIEW_DEFINITION_EXTENSION_URL, valueString: JSON.stringify({ resource: "Patient", select: [] }) }] });

    const results = await refreshAnalyticsViews(db, { schema: `${SCHEMA}_moved` });

    expect(results.map((result) => result.view)).not.toContain("view_imported_bad");
    expect(results.every((result) => result.mode === "incremental")).toBe(true);
  });
});
