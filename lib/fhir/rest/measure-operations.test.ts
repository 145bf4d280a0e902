import type { Bundle, DetectedIssue, FhirResource, MeasureReport, OperationOutcome, Parameters } from "fhir/r4";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { code, finalObservation, officeVisitOn } from "../../measures/own/build-test-patient";
import { recomputeStaleCareGaps } from "../../measures/pipeline/recompute-stale-care-gaps";
import { storeMeasures } from "../../measures/store-own-measures";
import { FhirStore } from "../store/fhir-store";
import type { AccessScope } from "../search/access-scope";
import { sendFhirRequest } from "./fhir-test-client";

const year = "periodStart=2026-01-01&periodEnd=2026-12-31";
const memberA: AccessScope = { kind: "patients", patientIds: ["pa"] };
const now = (): Date => new Date("2026-06-01T00:00:00Z");

function forPatient<T extends FhirResource>(resource: T, patientId: string): T {
  return { ...resource, id: `${resource.id ?? "r"}-${patientId}`, subject: { reference: `Patient/${patientId}` } };
}

function returnedBundles(response: { body?: unknown }): Bundle[] {
  return ((response.body as Parameters).parameter ?? []).map((parameter) => parameter.resource as Bundle);
}

function diagnosticsOf(response: { body?: unknown }): string {
  return (response.body as OperationOutcome).issue[0]?.diagnostics ?? "";
}

describe("measure operations", () => {
  let db: Database;

  beforeAll(async () => {
    db = await openTestDatabase();
    await storeMeasures(db);
    const resources: FhirResource[] = [
      { resourceType: "Patient", id: "pa", gender: "female", birthDate: "1960-03-03" },
      forPatient(officeVisitOn("2026-05-05"), "pa"),
      forPatient(finalObservation("mammo", code("http://loinc.org", "24604-1"), "2026-05-05"), "pa"),
      { resourceType: "Patient", id: "pb", gender: "female", birthDate: "1961-03-03" },
      forPatient(officeVisitOn("2026-05-06"), "pb"),
      { resourceType: "Group", id: "panel", type: "person", actual: true, member: [{ entity: { reference: "Patient/pa" } }, { entity: { reference: "Patient/pb" } }] },
    ];
    await new FhirStore(db).writeAll(resources.map((resource) => ({ kind: "put", resource })));
    await recomputeStaleCareGaps(db, { period: { start: "2026-01-01", end: "2026-12-31" }, now });
  });

  afterAll(async () => {
    await db.close();
  });

  describe("Measure/$care-gaps", () => {
    it("returns one document per patient", async () => {
      const response = await sendFhirRequest(db, `Measure/$care-gaps?${year}&subject=Patient/pa`);

      const [bundle] = returnedBundles(response);
      const types = bundle?.entry?.map((entry) => entry.resource?.resourceType);
      expect(response.status).toBe(200);
      expect(returnedBundles(response)).toHaveLength(1);
      expect(bundle?.type).toBe("document");
      expect(types?.[0]).toBe("Composition");
      expect(types).toEqual(expect.arrayContaining(["Patient", "DetectedIssue", "MeasureReport"]));
    });

    it("filters by status and measure", async () => {
      const response = await sendFhirRequest(db, `Measure/$care-gaps?${year}&subject=Patient/pa&status=closed-gap&measureId=lakeview-cms125`);

      const issues = returnedBundles(response)[0]?.entry?.flatMap((entry) => (entry.resource?.resourceType === "DetectedIssue" ? [entry.resource as DetectedIssue] : [])) ?? [];
      expect(issues.map((issue) => issue.id)).toEqual(["gap-lakeview-cms125-pa-2026"]);
    });

    it("reads a Group's members", async () => {
      const response = await sendFhirRequest(db, `Measure/$care-gaps?${year}&subject=Group/panel&status=open-gap`);

      const subjects = returnedBundles(response).map((bundle) => (bundle.entry?.[0]?.resource as { subject?: { reference?: string } }).subject?.reference);
      expect(subjects).toEqual(["Patient/pa", "Patient/pb"]);
      expect(response.auditPatientIds).toEqual(["pa", "pb"]);
    });

    it("takes a POSTed Parameters resource", async () => {
      const body: Parameters = {
        resourceType: "Parameters",
        parameter: [
          { name: "periodStart", valueDate: "2026-01-01" },
          { name: "periodEnd", valueDate: "2026-12-31" },
          { name: "subject", valueString: "Patient/pb" },
          { name: "status", valueCode: "open-gap" },
        ],
      };

      const response = await sendFhirRequest(db, "Measure/$care-gaps", { method: "POST", headers: { "Content-Type": "application/fhir+json" }, body: JSON.stringify(body) });

      expect(response.status).toBe(200);
      expect(returnedBundles(response)).toHaveLength(1);
    });

    it("gives a member only their own gaps", async () => {
      const own = await sendFhirRequest(db, `Measure/$care-gaps?${year}`, { scope: memberA });

      const patients = returnedBundles(own).map((bundle) => (bundle.entry?.[0]?.resource as { subject?: { reference?: string } }).subject?.reference);
      expect(patients).toEqual(["Patient/pa"]);
    });
  });

  describe("Measure/[id]/$evaluate-measure", () => {
    it("evaluates and returns the individual report", async () => {
      const response = await sendFhirRequest(db, `Measure/lakeview-cms125/$evaluate-measure?${year}&subject=Patient/pb`);

      const report = response.body as MeasureReport;
      expect(response.status).toBe(200);
      expect(report.resourceType).toBe("MeasureReport");
      expect(report.type).toBe("individual");
      expect(report.id).toBe("mr-lakeview-cms125-pb-2026");
      expect(report.subject?.reference).toBe("Patient/pb");
    });

    it("evaluates another period without storing", async () => {
      const response = await sendFhirRequest(db, "Measure/lakeview-cms125/$evaluate-measure?periodStart=2026-03-01&periodEnd=2026-08-31&subject=Patient/pa");

      const report = response.body as MeasureReport;
      expect(response.status).toBe(200);
      expect(report.id).toBeUndefined();
      expect(report.period).toEqual({ start: "2026-03-01", end: "2026-08-31" });
    });
  });

  describe("access", () => {
    const attacks: [string, string][] = [
      ["care gaps of another patient", `Measure/$care-gaps?${year}&subject=Patient/pb`],
      ["care gaps through a Group", `Measure/$care-gaps?${year}&subject=Group/panel`],
      ["evaluate another patient", `Measure/lakeview-cms125/$evaluate-measure?${year}&subject=Patient/pb`],
    ];

    for (const [name, url] of attacks) {
      it(`denies member A: ${name}`, async () => {
        const response = await sendFhirRequest(db, url, { scope: memberA });

        expect(response.status).toBe(404);
        expect(JSON.stringify(response.body)).not.toContain("gap-lakeview-cms125-pb");
      });
    }

    it("denies a token without DetectedIssue scope", async () => {
      const response = await sendFhirRequest(db, `Measure/$care-gaps?${year}`, { scope: { ...memberA, resourceTypes: ["Patient", "Observation"] } });

      expect(response.status).toBe(403);
      expect(diagnosticsOf(response)).toBe("Measure/$care-gaps returns MeasureReport resources, which this token's scopes do not cover; request a scope for MeasureReport.");
    });
  });

  describe("errors", () => {
    const cases: [string, string, number, string][] = [
      ["missing periodStart", "Measure/$care-gaps?periodEnd=2026-12-31&subject=Patient/pa", 400, "Measure/$care-gaps needs periodStart; give a date such as 2026-01-01."],
      ["malformed periodEnd", "Measure/$care-gaps?periodStart=2026-01-01&periodEnd=2026/12/31&subject=Patient/pa", 400, 'periodEnd "2026/12/31" is not a date of the form YYYY-MM-DD; give one such as 2026-01-01.'],
      [
        "period not a calendar year",
        "Measure/$care-gaps?periodStart=2026-02-01&periodEnd=2026-12-31&subject=Patient/pa",
        400,
        "Care gaps are stored per calendar year, and 2026-02-01 to 2026-12-31 is not one; give periodStart 2026-01-01 and periodEnd 2026-12-31.",
      ],
      ["unknown status", `Measure/$care-gaps?${year}&subject=Patient/pa&status=closed`, 400, 'status "closed" is not a gap status; give open-gap or closed-gap.'],
      ["unknown parameter", `Measure/$care-gaps?${year}&patient=Patient/pa`, 400, 'Measure/$care-gaps has no parameter "patient"; it takes periodStart, periodEnd, subject, status, measureId, measureUrl.'],
      ["no subject for full access", `Measure/$care-gaps?${year}`, 400, "Measure/$care-gaps needs a subject when the caller can see every patient; give subject=Patient/<id> or subject=Group/<id>."],
      ["bad subject", `Measure/$care-gaps?${year}&subject=Practitioner/x`, 400, 'subject "Practitioner/x" is not a Patient or Group reference; give subject=Patient/<id> or subject=Group/<id>.'],
      ["unknown patient", `Measure/$care-gaps?${year}&subject=Patient/nobody`, 404, "Patient/nobody is not stored; check the type and id."],
      [
        "evaluate without subject",
        `Measure/lakeview-cms125/$evaluate-measure?${year}`,
        400,
        "Measure/lakeview-cms125/$evaluate-measure needs subject=Patient/<id>; it evaluates one patient, and Measure/$care-gaps reads the stored results of a Group.",
      ],
      [
        "evaluate unknown measure",
        `Measure/cms999/$evaluate-measure?${year}&subject=Patient/pa`,
        404,
        "Measure/cms999 is not a measure this server evaluates; Measure/$care-gaps with measureId lists results of the known ones.",
      ],
    ];

    for (const [name, url, status, diagnostics] of cases) {
      it(`rejects ${name}`, async () => {
        const response = await sendFhirRequest(db, url);

        expect(response.status).toBe(status);
        expect(diagnosticsOf(response)).toBe(diagnostics);
      });
    }
  });
});
