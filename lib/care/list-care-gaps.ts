import type { DetectedIssue, Measure, MeasureReport } from "fhir/r4";

import type { Database } from "../db/database";
import { careCodes } from "./care-codes";

/** One care gap as the contract shared with the measure pipeline fixes it. */
export interface CareGap {
  id: string;
  patientId: string;
  measureId: string;
  measureTitle: string;
  status: "open" | "closed";
  /** The measurement period of the MeasureReport behind the gap, as written there; "" when it is not stored. */
  periodStart: string;
  periodEnd: string;
  identified: string;
}

interface GapRow {
  issue: DetectedIssue;
  measure: Measure | null;
  report: MeasureReport | null;
}

/**
 * Lists the care gaps of the given patients: DetectedIssues coded CAREGAP whose `patient` is one
 * of them, with the title of the implicated Measure and the period of the MeasureReport. The
 * caller must have checked that it may see every patient in `patientIds`.
 *
 * NOTE: a stand-in for listCareGaps of lib/care-gaps/list-care-gaps.ts, which the measures branch
 * provides with the same signature. Swap the import when that lands, then delete this file.
 */
export async function listCareGaps(db: Database, patientIds: readonly string[], options: { status?: "open" | "closed" } = {}): Promise<CareGap[]> {
  if (patientIds.length === 0) return [];

  const rows = await db.sql.query<GapRow>(
    `SELECT v.content AS issue, mv.content AS measure, rv.content AS report
     FROM search_reference ref
     JOIN resource r ON r.resource_type = ref.resource_type AND r.id = ref.resource_id AND NOT r.deleted
     JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
     LEFT JOIN resource mr ON mr.resource_type = 'Measure' AND mr.id = split_part(v.content->'implicated'->0->>'reference', '/', 2) AND NOT mr.deleted
     LEFT JOIN resource_version mv ON mv.resource_type = mr.resource_type AND mv.id = mr.id AND mv.version_id = mr.version_id
     LEFT JOIN resource rr ON rr.resource_type = 'MeasureReport' AND rr.id = split_part(v.content->'evidence'->0->'detail'->0->>'reference', '/', 2) AND NOT rr.deleted
     LEFT JOIN resource_version rv ON rv.resource_type = rr.resource_type AND rv.id = rr.id AND rv.version_id = rr.version_id
     WHERE ref.resource_type = 'DetectedIssue' AND ref.param = 'patient' AND ref.target_type = 'Patient' AND ref.target_id = ANY($1::text[])
       AND EXISTS (SELECT 1 FROM search_token t WHERE t.resource_type = 'DetectedIssue' AND t.resource_id = ref.resource_id
         AND t.param = 'code' AND t.code = $2 AND t.system = $3)
     ORDER BY v.content->>'identifiedDateTime' DESC NULLS LAST, ref.resource_id`,
    [patientIds, careCodes.careGapCode, careCodes.actCodeSystem],
  );

  const gaps = rows.map(toCareGap);
  return options.status ? gaps.filter((gap) => gap.status === options.status) : gaps;
}

function toCareGap(row: GapRow): CareGap {
  const { issue } = row;
  const measureId = issue.implicated?.[0]?.reference?.split("/")[1] ?? "";
  return {
    id: issue.id ?? "",
    patientId: issue.patient?.reference?.split("/")[1] ?? "",
    measureId,
    measureTitle: row.measure?.title ?? row.measure?.name ?? measureId,
    status: gapStatusOf(issue),
    periodStart: row.report?.period.start ?? "",
    periodEnd: row.report?.period.end ?? "",
    identified: issue.identifiedDateTime ?? issue.identifiedPeriod?.start ?? "",
  };
}

/** Reads the DEQM gapStatus modifier extension, falling back on the status (preliminary while open). */
function gapStatusOf(issue: DetectedIssue): "open" | "closed" {
  const extension = issue.modifierExtension?.find((candidate) => candidate.url === careCodes.gapStatusExtension);
  const code = extension?.valueCodeableConcept?.coding?.[0]?.code;
  if (code === "open-gap") return "open";
  if (code === "closed-gap") return "closed";
  return issue.status === "preliminary" ? "open" : "closed";
}
