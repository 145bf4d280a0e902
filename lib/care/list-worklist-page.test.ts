import type { FhirResource } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { computeRiskScore, toRiskBand, type RiskInputs } from "./risk-score";
import { listWorklistPage } from "./list-worklist-page";
import { addToPanel, addUser, call, careGap, chronicCondition, encounter, outreachTask, patient, putAll, testNow } from "./testing/care-fixtures";
import { worklistPageSize, worklistQuerySchema, type WorklistQuery } from "./worklist-query";

const families = ["Abbott", "Baker", "Chen", "Díaz", "Evans", "Fischer", "García", "Hughes", "Ito", "Jones"];
const givens = ["Ana", "Ben", "Cara", "Dev", "Eli"];
const memberCount = 45;

interface Member {
  id: string;
  family: string;
  birthDate: string;
  inputs: RiskInputs;
  lastContact: string | null;
  openTasks: number;
}

/** Member `index` with counts that vary independently, so every filter and sort has ties and gaps. */
function member(index: number): Member {
  return {
    id: `pat-${String(index).padStart(3, "0")}`,
    family: families[index % families.length] ?? "Abbott",
    birthDate: `${1940 + ((index * 7) % 60)}-0${1 + (index % 9)}-15`,
    inputs: { chronicConditions: index % 4, inpatientStays: index % 5 === 0 ? 1 : 0, emergencyVisits: index % 3, openGaps: index % 6 === 1 ? 2 : index % 2 },
    lastContact: index % 4 === 0 ? null : `2026-0${1 + (index % 5)}-${String(10 + (index % 17)).padStart(2, "0")}T15:00:00Z`,
    openTasks: index % 3 === 2 ? 1 : 0,
  };
}

/** The resources of a member, plus records that must not count: resolved conditions, old and outpatient visits, closed gaps, done tasks. */
function resourcesOf(m: Member, index: number): FhirResource[] {
  const given = givens[index % givens.length] ?? "Ana";
  const resources: FhirResource[] = [patient(m.id, given, m.family, m.birthDate)];
  for (let n = 0; n < m.inputs.chronicConditions; n += 1) resources.push(chronicCondition(`${m.id}-cond-${n}`, m.id));
  resources.push(chronicCondition(`${m.id}-resolved`, m.id, "resolved"));
  resources.push(chronicCondition(`${m.id}-acute`, m.id, "active", "encounter-diagnosis"));
  for (let n = 0; n < m.inputs.inpatientStays; n += 1) resources.push(encounter(`${m.id}-imp-${n}`, m.id, "IMP", "2026-02-01T08:00:00Z"));
  for (let n = 0; n < m.inputs.emergencyVisits; n += 1) resources.push(encounter(`${m.id}-er-${n}`, m.id, "EMER", `2025-0${7 + n}-20T23:00:00Z`));
  resources.push(encounter(`${m.id}-old-er`, m.id, "EMER", "2025-06-14T10:00:00Z"));
  resources.push(encounter(`${m.id}-amb`, m.id, "AMB", "2026-05-01T10:00:00Z"));
  const measures = ["lakeview-cms125", "lakeview-cms130", "lakeview-cms122"];
  for (let n = 0; n < m.inputs.openGaps; n += 1) resources.push(careGap(m.id, measures[n] ?? "x", "open"));
  resources.push(careGap(m.id, "lakeview-cms165", "closed"));
  if (m.lastContact) resources.push(call(`${m.id}-call-1`, m.id, m.lastContact), call(`${m.id}-call-0`, m.id, "2025-12-01T10:00:00Z"));
  for (let n = 0; n < m.openTasks; n += 1) resources.push(outreachTask(`${m.id}-task-${n}`, m.id));
  resources.push(outreachTask(`${m.id}-done`, m.id, "completed"));
  return resources;
}

const members = Array.from({ length: memberCount }, (_, index) => member(index));
const scoreOf = (m: Member): number => computeRiskScore(m.inputs);

function query(overrides: Partial<WorklistQuery> = {}): WorklistQuery {
  return { ...worklistQuerySchema.parse({}), ...overrides };
}

async function listAll(db: Database, careManagerId: string, overrides: Partial<WorklistQuery>): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; page < 10; page += 1) {
    const result = await listWorklistPage(db, careManagerId, query({ ...overrides, page }), testNow);
    ids.push(...result.rows.map((row) => row.patientId));
    if (result.rows.length < worklistPageSize) break;
  }
  return ids;
}

describe("listWorklistPage", () => {
  let db: Database;
  let managerA: string;
  let managerB: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    await putAll(db, members.flatMap((m, index) => resourcesOf(m, index)));
    await putAll(db, [patient("pat-outside", "Zed", "Abbott", "1950-01-01")]);
    managerA = await addUser(db, "care_manager", "Manager A");
    managerB = await addUser(db, "care_manager", "Manager B");
    await addToPanel(db, managerA, members.map((m) => m.id));
    await addToPanel(db, managerB, ["pat-outside"]);
  });

  afterAll(async () => {
    await db.close();
  });

  it("computes each risk input from the stored resources", async () => {
    const rows = (await Promise.all([1, 2, 3].map((page) => listWorklistPage(db, managerA, query({ page }), testNow)))).flatMap((result) => result.rows);

    expect(rows).toHaveLength(memberCount);
    for (const m of members) {
      const row = rows.find((candidate) => candidate.patientId === m.id);
      expect(row?.risk.inputs, m.id).toEqual(m.inputs);
      expect(row?.risk.score, m.id).toBe(scoreOf(m));
      expect(row?.risk.band, m.id).toBe(toRiskBand(scoreOf(m)));
      expect(row?.openTasks, m.id).toBe(m.openTasks);
      expect(row?.lastContact, m.id).toBe(m.lastContact === null ? null : new Date(m.lastContact).toISOString());
    }
  });

  it("shows name and age from the Patient", async () => {
    const result = await listWorklistPage(db, managerA, query({ q: "pat" }), testNow);
    const all = await listWorklistPage(db, managerA, query({ sort: "name" }), testNow);

    expect(result.total).toBe(0);
    expect(all.rows[0]?.name).toBe("Ana Abbott");
    expect(all.rows[0]?.age).toBe(2026 - 1940 - 0);
  });

  it("sorts by risk, highest first", async () => {
    const expected = [...members].sort((a, b) => scoreOf(b) - scoreOf(a)).map(scoreOf);

    const ids = await listAll(db, managerA, { sort: "risk" });

    expect(ids.map((id) => scoreOf(members.find((m) => m.id === id) ?? members[0]!))).toEqual(expected);
  });

  it("sorts by age, oldest first", async () => {
    const expected = [...members].sort((a, b) => a.birthDate.localeCompare(b.birthDate) || a.id.localeCompare(b.id)).map((m) => m.id);

    expect(await listAll(db, managerA, { sort: "age" })).toEqual(expected);
  });

  it("sorts by last contact, never contacted first", async () => {
    const contactTime = (m: Member): number => (m.lastContact === null ? -Infinity : Date.parse(m.lastContact));
    const expected = [...members].sort((a, b) => contactTime(a) - contactTime(b) || scoreOf(b) - scoreOf(a) || a.id.localeCompare(b.id)).map((m) => m.id);

    expect(await listAll(db, managerA, { sort: "last-contact" })).toEqual(expected);
  });

  it("sorts by name, accents folded", async () => {
    const ids = await listAll(db, managerA, { sort: "name" });
    const familiesInOrder = ids.map((id) => members.find((m) => m.id === id)?.family);

    expect(familiesInOrder.indexOf("Díaz")).toBeGreaterThan(familiesInOrder.lastIndexOf("Chen"));
    expect(familiesInOrder.indexOf("Díaz")).toBeLessThan(familiesInOrder.indexOf("Evans"));
  });

  it("filters members with open gaps", async () => {
    const expected = members.filter((m) => m.inputs.openGaps > 0).map((m) => m.id).sort();

    const result = await listWorklistPage(db, managerA, query({ gaps: "open" }), testNow);
    const ids = await listAll(db, managerA, { gaps: "open" });

    expect(result.total).toBe(expected.length);
    expect([...ids].sort()).toEqual(expected);
  });

  it.each(["low", "medium", "high"] as const)("filters the %s risk band", async (band) => {
    const expected = members.filter((m) => toRiskBand(scoreOf(m)) === band).map((m) => m.id).sort();

    const ids = await listAll(db, managerA, { band });

    expect(expected.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(expected);
  });

  it("searches by name words, accents and case ignored", async () => {
    const expected = members.filter((m, index) => m.family === "Díaz" && givens[index % givens.length] === "Dev").map((m) => m.id).sort();

    const ids = await listAll(db, managerA, { q: "dev DIAZ" });

    expect(expected.length).toBeGreaterThan(0);
    expect([...ids].sort()).toEqual(expected);
  });

  it("treats LIKE wildcards in a search as text", async () => {
    const result = await listWorklistPage(db, managerA, query({ q: "%" }), testNow);

    expect(result.total).toBe(0);
  });

  it("pages without overlap and keeps the total past the end", async () => {
    const first = await listWorklistPage(db, managerA, query({ page: 1 }), testNow);
    const second = await listWorklistPage(db, managerA, query({ page: 2 }), testNow);
    const pastEnd = await listWorklistPage(db, managerA, query({ page: 9 }), testNow);

    expect(first.rows).toHaveLength(worklistPageSize);
    expect(first.total).toBe(memberCount);
    expect(second.rows.some((row) => first.rows.some((other) => other.patientId === row.patientId))).toBe(false);
    expect(pastEnd.rows).toHaveLength(0);
    expect(pastEnd.total).toBe(memberCount);
  });

  it("lists only the care manager's own panel", async () => {
    const a = await listAll(db, managerA, {});
    const b = await listWorklistPage(db, managerB, query(), testNow);
    const nobody = await listWorklistPage(db, "00000000-0000-4000-8000-000000000000", query(), testNow);

    expect(a).not.toContain("pat-outside");
    expect(b.rows.map((row) => row.patientId)).toEqual(["pat-outside"]);
    expect(nobody.total).toBe(0);
  });
});
