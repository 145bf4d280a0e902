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

/**
 * The facts the risk score counts, per current resource that names the panel member in its
 * `patient` search parameter. Here and for the names in `pageSql`, search index rows are joined by
 * resource id only and sorted out with FILTER, so PostgreSQL reads one member's rows through the id
 * indexes whatever its estimates. A condition such as code = 'EMER' in the join would let it start
 * from every member's matching rows instead, which grows with the plan's size.
 */
const ownedResourcesSql = `
  SELECT ref.resource_type, ref.resource_id,
    bool_or(t.param = 'category' AND t.code = 'problem-list-item') AS problem_list,
    bool_or(t.param = 'clinical-status' AND t.code = ANY($9::text[])) AS current_status,
    bool_or(t.param = 'class' AND t.code = ANY($10::text[]) AND t.system IN ($13::text, '')) AS inpatient_class,
    bool_or(t.param = 'class' AND t.code = ANY($11::text[]) AND t.system IN ($13::text, '')) AS emergency_class,
    bool_or(t.param = 'code' AND t.code = $14::text AND t.system = $13::text) AS care_gap,
    bool_or(t.param = 'status' AND t.code = 'preliminary') AS preliminary,
    bool_or(t.param = 'status' AND t.code = ANY($12::text[])) AS open_task,
    bool_or(t.param = 'category' AND t.code = '${careCodes.careNoteCategory}') AS care_note,
    bool_or(d.param = 'date' AND d.start >= $3::timestamptz) AS recent,
    max(d.start) FILTER (WHERE d.param = 'sent') AS sent
  FROM search_reference ref
  JOIN resource r ON r.resource_type = ref.resource_type AND r.id = ref.resource_id AND NOT r.deleted
  LEFT JOIN search_token t ON t.resource_type = ref.resource_type AND t.resource_id = ref.resource_id
  LEFT JOIN search_date d ON d.resource_type = ref.resource_type AND d.resource_id = ref.resource_id AND d.param IN ('date', 'sent')
  WHERE ref.target_type = 'Patient' AND ref.target_id = panel.patient_id AND ref.param = 'patient'
    AND ref.resource_type IN ('Condition', 'Encounter', 'DetectedIssue', 'Task', 'Communication')
  GROUP BY ref.resource_type, ref.resource_id`;

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
  return `
    WITH panel AS MATERIALIZED (
      SELECT member.patient_id, names.family, names.given, born.birth FROM care_panel_member member
      JOIN resource r ON r.resource_type = 'Patient' AND r.id = member.patient_id AND NOT r.deleted
      CROSS JOIN LATERAL (
        SELECT array_agg(s.value) FILTER (WHERE s.param = 'name') AS name_parts,
          min(s.value) FILTER (WHERE s.param = 'family') AS family,
          min(s.value) FILTER (WHERE s.param = 'given') AS given
        FROM search_string s WHERE s.resource_type = 'Patient' AND s.resource_id = member.patient_id
      ) AS names
      CROSS JOIN LATERAL (
        SELECT min(d.start) FILTER (WHERE d.param = 'birthdate') AS birth
        FROM search_date d WHERE d.resource_type = 'Patient' AND d.resource_id = member.patient_id
      ) AS born
      WHERE member.care_manager_id = $1::uuid
        AND NOT EXISTS (
          SELECT 1 FROM unnest($2::text[]) AS word(pattern)
          WHERE NOT EXISTS (SELECT 1 FROM unnest(names.name_parts) AS part(value) WHERE part.value LIKE word.pattern ESCAPE '\\')
        )
    ),
    counted AS MATERIALIZED (
      SELECT panel.*, facts.*
      FROM panel
      CROSS JOIN LATERAL (
        SELECT
          count(*) FILTER (WHERE owned.resource_type = 'Condition' AND owned.problem_list AND owned.current_status)::int AS chronic,
          count(*) FILTER (WHERE owned.resource_type = 'Encounter' AND owned.inpatient_class AND owned.recent)::int AS inpatient,
          count(*) FILTER (WHERE owned.resource_type = 'Encounter' AND owned.emergency_class AND owned.recent)::int AS emergency,
          count(*) FILTER (WHERE owned.resource_type = 'DetectedIssue' AND owned.care_gap AND owned.preliminary)::int AS open_gaps,
          count(*) FILTER (WHERE owned.resource_type = 'Task' AND owned.open_task)::int AS open_tasks,
          max(owned.sent) FILTER (WHERE owned.resource_type = 'Communication' AND owned.care_note IS NOT TRUE) AS last_contact
        FROM (${ownedResourcesSql}) AS owned
      ) AS facts
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
