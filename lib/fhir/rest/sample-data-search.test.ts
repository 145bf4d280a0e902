import path from "node:path";

import type { Bundle, ExplanationOfBenefit } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { importPaths } from "../../ingest/import-paths";
import { toDateRange } from "../date-range";
import { hasSampleData, SAMPLE_DATA_DIR } from "../read-sample-resources";
import { FhirStore } from "../store/fhir-store";
import type { AccessScope } from "../search/access-scope";
import type { FhirResponse } from "./fhir-request";
import { sendFhirRequest } from "./fhir-test-client";

const IRIS = path.join(SAMPLE_DATA_DIR, "synthea/iris-fhir-template");
const SAMPLE_FILES = [
  path.join(IRIS, "hospitalInformation1596649672088.json"),
  path.join(IRIS, "practitionerInformation1596649672088.json"),
  path.join(IRIS, "Frankie174_Jast432_a5b737fb-1f94-4767-802b-1112051f5101.json"),
  path.join(IRIS, "Carroll471_O'Hara248_274f5452-2a39-44c4-a7cb-f36de467762e.json"),
  path.join(SAMPLE_DATA_DIR, "carin-bb/stu2.0.0"),
];
const FRANKIE = "a5b737fb-1f94-4767-802b-1112051f5101";
const CARROLL = "274f5452-2a39-44c4-a7cb-f36de467762e";

let db: Database;

beforeAll(async () => {
  if (!hasSampleData()) return;
  db = await openTestDatabase();
  await importPaths(db, SAMPLE_FILES);
});

afterAll(async () => {
  await db?.close();
});

function bundleOf(response: FhirResponse): Bundle {
  expect(response.status).toBe(200);
  return response.body as Bundle;
}

async function collectAllPages(url: string, scope?: AccessScope): Promise<Bundle["entry"]> {
  const entries: NonNullable<Bundle["entry"]> = [];
  let next: string | undefined = url;
  while (next) {
    const bundle = bundleOf(await sendFhirRequest(db, next, { scope }));
    entries.push(...(bundle.entry ?? []));
    next = bundle.link?.find((link) => link.relation === "next")?.url;
  }
  return entries;
}

describe.skipIf(!hasSampleData())("search on Synthea and CARIN samples", () => {
  it("finds a member's claims by patient, as the compartment lists them", async () => {
    const inCompartment = await new FhirStore(db).listInPatientCompartment(FRANKIE, "ExplanationOfBenefit");

    const entries = await collectAllPages(`ExplanationOfBenefit?patient=${FRANKIE}&_count=7`);

    expect(inCompartment.length).toBe(30);
    expect(entries?.map((entry) => entry.resource?.id).sort()).toEqual(inCompartment.map((eob) => eob.id).sort());
  });

  it("sorts a member's claims by created date, newest first, across pages", async () => {
    const entries = await collectAllPages(`ExplanationOfBenefit?patient=${FRANKIE}&_sort=-created&_count=8`);
    const created = (entries ?? []).map((entry) => toDateRange((entry.resource as ExplanationOfBenefit).created)?.start.getTime() ?? 0);

    expect(created.length).toBe(30);
    expect(created).toEqual([...created].sort((a, b) => b - a));
  });

  it("includes the claims' providers from the directory", async () => {
    const bundle = bundleOf(await sendFhirRequest(db, `ExplanationOfBenefit?patient=${FRANKIE}&_include=ExplanationOfBenefit:provider&_count=5`));
    const included = (bundle.entry ?? []).filter((entry) => entry.search?.mode === "include");

    expect(included.length).toBeGreaterThan(0);
    expect(included.every((entry) => ["Organization", "Practitioner"].includes(entry.resource?.resourceType ?? ""))).toBe(true);
  });

  it("limits a member to their own claims", async () => {
    const scope: AccessScope = { kind: "patients", patientIds: [CARROLL] };

    const [own, other, everything] = await Promise.all([
      sendFhirRequest(db, `ExplanationOfBenefit?patient=${CARROLL}&_summary=count`, { scope }),
      sendFhirRequest(db, `ExplanationOfBenefit?patient=${FRANKIE}&_summary=count`, { scope }),
      sendFhirRequest(db, "ExplanationOfBenefit?_summary=count", { scope }),
    ]);

    expect(bundleOf(other).total).toBe(0);
    expect(bundleOf(everything).total).toBe(bundleOf(own).total);
    expect(bundleOf(own).total).toBeGreaterThan(0);
  });

  it("finds CARIN claims by type and by chained patient name", async () => {
    const byType = bundleOf(await sendFhirRequest(db, "ExplanationOfBenefit?type=http://terminology.hl7.org/CodeSystem/claim-type|oral&_summary=count"));
    const byName = bundleOf(await sendFhirRequest(db, "ExplanationOfBenefit?patient.name=jast&_summary=count"));

    expect(byType.total).toBeGreaterThan(0);
    expect(byName.total).toBe(30);
  });
});
