import type { Patient } from "fhir/r4";

import { toDisplayName } from "../claims/to-display-name";
import type { Database } from "../db/database";
import { ageInYears } from "../dependents/age-in-years";
import { normalizeSearchString } from "../fhir/normalize-search-string";
import { careCodes, openTaskStatuses } from "./care-codes";
import {
  currentClinicalStatuses,
  emergencyClassCodes,
  inpatientClassCodes,
  riskBandFloors,
  riskWeights,
  toRiskBand,
  type RiskBand,
} from "./risk-score";
import { worklistPageSize, type WorklistQuery, type WorklistSort } from "./worklist-query";
import type { WorklistPage, WorklistRow } from "./worklist-row";

interface PageRow {
  total: number;
  patient_id: string | null;
  chronic: number;
  inpatient: number;
  emergency: number;
  open_gaps: number;
  open_tasks: number;
  score: number;
  last_contact: Date | null;
  content: Patient | null;
}

/**
 * Lists one page of a care manager's panel with each member's risk score and its inputs, open
 * tasks and last contact. Search, filters, sort and paging run in one SQL statement over the
 * store's search index tables, so only the page's Patient bodies are read. `careManagerId` must
 * come from the signed-in account, never from the request.
 */
export async function listWorklistPage(db: Database, careManagerId: string, query: WorklistQuery, now: Date = new Date()): Promise<WorklistPage> {
  const rows = await db.sql.query<PageRow>(pageSql(query.sort), pageParameters(careManagerId, query, now));
  const total = Number(rows[0]?.total ?? 0);
  const listed = rows.filter((row): row is PageRow & { patient_id: string } => row.patient_id !== null);
  return { rows: listed.map((row) => toWorklistRow(row, now)), total, page: query.page, pageSize: worklistPageSize };
}

function toWorklistRow(row: PageRow & { patient_id: string }, now: Date): WorklistRow {
  const score = Number(row.score);
  return {
    patientId: row.patient_id,
    name: toDisplayName(row.content?.name),
    age: ageInYears(row.content?.birthDate, now),
    risk: {
      score,
      band: toRiskBand(score),
      inputs: {
        chronicConditions: Number(row.chronic),
        inpatientStays: Number(row.inpatient),
        emergencyVisits: Number(row.emergency),
        openGaps: Number(row.open_gaps),
      },
    },
    lastContact: row.last_contact ? new Date(row.last_contact).toISOString() : null,
    openTasks: Number(row.open_tasks),
  };
}

/** Escapes LIKE's wildcards so a searched "%" or "_" matches itself. */
function toLikePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function bandRange(band: RiskBand | undefined): [number | null, number | null] {
  switch (band) {
    case undefined:
      return [null, null];
    case "low":
      return [null, riskBandFloors.medium - 1];
    case "medium":
      return [riskBandFloors.medium, riskBandFloors.high - 1];
    case "high":
      return [riskBandFloors.high, null];
  }
}

function pageParameters(careManagerId: string, query: WorklistQuery, now: Date): unknown[] {
  const words = query.q ? normalizeSearchString(query.q).split(" ").filter((word) => word.length > 0) : [];
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  const [minScore, maxScore] = bandRange(query.band);
  return [
    careManagerId,
    words.map(toLikePattern),
    since,
    query.gaps === "open",
    minScore,
    maxScore,
    worklistPageSize,
    (query.page - 1) * worklistPageSize,
    [...currentClinicalStatuses],
    [...inpatientClassCodes],
    [...emergencyClassCodes],
    [...openTaskStatuses],
    careCodes.actCodeSystem,
    careCodes.careGapCode,
  ];
}

const orderBy: Record<WorklistSort, (table: string) => string> = {
  risk: (table) => `${table}.score DESC, ${table}.family ASC NULLS LAST, ${table}.patient_id ASC`,
  name: (table) => `${table}.family ASC NULLS LAST, ${table}.given ASC NULLS LAST, ${table}.patient_id ASC`,
  age: (table) => `${table}.birth ASC NULLS LAST, ${table}.patient_id ASC`,
  gaps: (table) => `${table}.open_gaps DESC, ${table}.score DESC, ${table}.patient_id ASC`,
  "last-contact": (table) => `${table}.last_contact ASC NULLS FIRST, ${table}.score DESC, ${table}.patient_id ASC`,
};

/** Counts the current resources of one type whose `patient` search parameter names the panel member. */
function countSql(resourceType: string, condition: string): string {
  return `(SELECT count(DISTINCT ref.resource_id)::int FROM search_reference ref
    JOIN resource r ON r.resource_type = ref.resource_type AND r.id = ref.resource_id AND NOT r.deleted
    WHERE ref.target_type = 'Patient' AND ref.target_id = panel.patient_id AND ref.param = 'patient'
      AND ref.resource_type = '${resourceType}' AND ${condition})`;
}

/** Tells whether the resource `ref.resource_id` has a token row for `param` matching `codeCondition`. */
function tokenSql(resourceType: string, param: string, codeCondition: string): string {
  return `EXISTS (SELECT 1 FROM search_token t WHERE t.resource_type = '${resourceType}' AND t.resource_id = ref.resource_id
    AND t.param = '${param}' AND ${codeCondition})`;
}

function encounterClassSql(codesParameter: string): string {
  return `${tokenSql("Encounter", "class", `t.code = ANY(${codesParameter}::text[]) AND t.system IN ($13::text, '')`)}
    AND EXISTS (SELECT 1 FROM search_date d WHERE d.resource_type = 'Encounter' AND d.resource_id = ref.resource_id
      AND d.param = 'date' AND d.start >= $3::timestamptz)`;
}

/**
 * Builds the page query. Its parameters are: $1 care manager id, $2 LIKE patterns that must each
 * match a name part, $3 the start of the 12 months counted, $4 only members with open gaps, and
 * $5 and $6 the score range or null. Then $7 limit, $8 offset, $9 current clinical statuses,
 * $10 inpatient and $11 emergency encounter classes, $12 open task statuses, $13 the v3-ActCode
 * system and $14 the care-gap code. Last contact leaves out care notes, because a note is not a
 * contact with the member. The left join keeps the total when the page is past the end, with one
 * row of nulls.
 */
function pageSql(sort: WorklistSort): string {
  const chronic = countSql(
    "Condition",
    `${tokenSql("Condition", "category", "t.code = 'problem-list-item'")} AND ${tokenSql("Condition", "clinical-status", "t.code = ANY($9::text[])")}`,
  );
  const inpatient = countSql("Encounter", encounterClassSql("$10"));
  const emergency = countSql("Encounter", encounterClassSql("$11"));
  const openGaps = countSql(
    "DetectedIssue",
    `${tokenSql("DetectedIssue", "code", `t.code = $14::text AND t.system = '${careCodes.actCodeSystem}'`)} AND ${tokenSql("DetectedIssue", "status", "t.code = 'preliminary'")}`,
  );
  const openTasks = countSql("Task", tokenSql("Task", "status", "t.code = ANY($12::text[])"));

  return `
    WITH panel AS MATERIALIZED (
      SELECT member.patient_id FROM care_panel_member member
      JOIN resource r ON r.resource_type = 'Patient' AND r.id = member.patient_id AND NOT r.deleted
      WHERE member.care_manager_id = $1::uuid
        AND NOT EXISTS (
          SELECT 1 FROM unnest($2::text[]) AS word(pattern)
          WHERE NOT EXISTS (SELECT 1 FROM search_string s WHERE s.resource_type = 'Patient' AND s.resource_id = member.patient_id
            AND s.param = 'name' AND s.value LIKE word.pattern ESCAPE '\\')
        )
    ),
    counted AS MATERIALIZED (
      SELECT panel.patient_id,
        ${chronic} AS chronic,
        ${inpatient} AS inpatient,
        ${emergency} AS emergency,
        ${openGaps} AS open_gaps,
        ${openTasks} AS open_tasks,
        (SELECT max(d.start) FROM search_reference ref
          JOIN resource r ON r.resource_type = ref.resource_type AND r.id = ref.resource_id AND NOT r.deleted
          JOIN search_date d ON d.resource_type = 'Communication' AND d.resource_id = ref.resource_id AND d.param = 'sent'
          WHERE ref.target_type = 'Patient' AND ref.target_id = panel.patient_id AND ref.param = 'patient'
            AND ref.resource_type = 'Communication'
            AND NOT ${tokenSql("Communication", "category", `t.code = '${careCodes.careNoteCategory}'`)}) AS last_contact,
        (SELECT min(s.value) FROM search_string s WHERE s.resource_type = 'Patient' AND s.resource_id = panel.patient_id AND s.param = 'family') AS family,
        (SELECT min(s.value) FROM search_string s WHERE s.resource_type = 'Patient' AND s.resource_id = panel.patient_id AND s.param = 'given') AS given,
        (SELECT min(d.start) FROM search_date d WHERE d.resource_type = 'Patient' AND d.resource_id = panel.patient_id AND d.param = 'birthdate') AS birth
      FROM panel
    ),
    scored AS (
      SELECT counted.*,
        ${riskWeights.chronicConditions} * chronic + ${riskWeights.inpatientStays} * inpatient
          + ${riskWeights.emergencyVisits} * emergency + ${riskWeights.openGaps} * open_gaps AS score
      FROM counted
    ),
    filtered AS MATERIALIZED (
      SELECT * FROM scored
      WHERE (NOT $4::boolean OR open_gaps > 0)
        AND ($5::int IS NULL OR score >= $5::int)
        AND ($6::int IS NULL OR score <= $6::int)
    )
    SELECT totals.total, page.*
    FROM (SELECT count(*)::int AS total FROM filtered) AS totals
    LEFT JOIN LATERAL (
      SELECT filtered.*, v.content
      FROM (SELECT * FROM filtered ORDER BY ${orderBy[sort]("filtered")} LIMIT $7 OFFSET $8) AS filtered
      JOIN resource r ON r.resource_type = 'Patient' AND r.id = filtered.patient_id
      JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
    ) AS page ON true
    ORDER BY ${orderBy[sort]("page")}`;
}
