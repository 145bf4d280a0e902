import type { ExplanationOfBenefit } from "fhir/r4";

import type { Database } from "../db/database";
import type { FhirStore } from "../fhir/store/fhir-store";
import { toCalendarDay } from "./calendar-day";
import { claimPageSize, listedClaimStatuses, type ClaimListQuery } from "./claim-list-query";
import type { ClaimListPage, ClaimListRow } from "./claim-list-row";
import { computePlanPaid } from "./compute-plan-paid";
import { readReferenceNames } from "./read-reference-names";
import { toReferenceTarget, type ReferenceTarget } from "./reference-target";
import { dateTimePartsSql, dayNumberSql, epochSql, validDateSql } from "./service-date-sql";
import { toClaimSummary } from "./to-claim-summary";

/** HL7 claim type codes, as to-claim-summary.ts reads them. */
const claimTypeSystem = "http://terminology.hl7.org/CodeSystem/claim-type";
const knownClaimTypes = ["professional", "institutional", "pharmacy", "oral", "vision"];

interface PageRow {
  total: number;
  content: ExplanationOfBenefit | null;
}

/**
 * Lists one page of a patient's own claims, filtered and sorted in SQL, with the number of claims
 * the filters match. Only EOBs in the patient's compartment whose `patient` is this Patient and
 * whose status is active or cancelled are listed, as on the home page. The patient id must come
 * from the signed-in account, never from the request.
 *
 * NOTE: the service date is parsed from each body on every request, because the search index has
 * no billablePeriod parameter. Each page of a member with 5,000 claims reads all 5,000 bodies.
 */
export async function listClaimsPage(db: Database, store: FhirStore, patientId: string, query: ClaimListQuery): Promise<ClaimListPage> {
  const rows = await db.sql.query<PageRow>(pageSql(query.sort), pageParameters(patientId, query));
  const total = Number(rows[0]?.total ?? 0);
  const eobs = rows.map((row) => row.content).filter((content): content is ExplanationOfBenefit => content !== null);

  const providers = eobs.filter((eob) => !eob.provider.display).map((eob) => toReferenceTarget(eob.provider));
  const names = await readReferenceNames(store, providers.filter((target): target is ReferenceTarget => target !== null));
  return { rows: eobs.map((eob) => toClaimListRow(eob, names)), total, page: query.page, pageSize: claimPageSize };
}

function toClaimListRow(eob: ExplanationOfBenefit, names: ReadonlyMap<string, string>): ClaimListRow {
  const summary = toClaimSummary(eob, names);
  return { ...summary, serviceDate: toCalendarDay(summary.serviceDate), planPaid: computePlanPaid(eob) };
}

/** Numbers a "YYYY-MM-DD" date as the SQL's day_number does: 20261117 for Nov 17, 2026. */
function dayNumberOf(date: string | undefined): number | null {
  return date === undefined ? null : Number(date.replaceAll("-", ""));
}

function pageParameters(patientId: string, query: ClaimListQuery): unknown[] {
  const statuses = query.status ? [query.status] : [...listedClaimStatuses];
  return [
    patientId,
    statuses,
    query.type ?? null,
    query.provider ?? null,
    dayNumberOf(query.from),
    dayNumberOf(query.to),
    claimPageSize,
    (query.page - 1) * claimPageSize,
    claimTypeSystem,
    knownClaimTypes,
  ];
}

/**
 * Parameters: $1 patient id, $2 statuses, $3 claim type or null, $4 provider reference or null,
 * $5 and $6 first and last day number or null, $7 limit, $8 offset, $9 the claim type system,
 * $10 the claim type codes other than "other". json_to_record reads the few fields the filters
 * need in one pass, because each `->` on a stored body decompresses and parses it again. Only the
 * page's rows read their whole body. The left join keeps the total when the page is past the end,
 * with one row whose content is null.
 */
function pageSql(sort: ClaimListQuery["sort"]): string {
  const direction = sort === "oldest" ? "ASC" : "DESC";
  const orderBy = (table: string): string =>
    `${table}.day_number ${direction} NULLS LAST, ${table}.epoch ${direction} NULLS LAST, ${table}.id ASC`;
  return `
    WITH own AS MATERIALIZED (
      SELECT r.id, r.version_id, body.type, body.start_text, body.created
      FROM resource_compartment c
      JOIN resource r ON r.resource_type = c.resource_type AND r.id = c.resource_id AND NOT r.deleted
      JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
      CROSS JOIN LATERAL (
        SELECT fields.status, fields.patient->>'reference' AS patient_reference, fields.provider->>'reference' AS provider_reference,
          fields.type, fields."billablePeriod"->>'start' AS start_text, fields.created
        FROM json_to_record(v.content) AS fields(status text, patient json, provider json, type json, "billablePeriod" json, created text)
      ) AS body
      WHERE c.compartment_type = 'Patient' AND c.compartment_id = $1 AND c.resource_type = 'ExplanationOfBenefit'
        AND body.patient_reference = 'Patient/' || $1
        AND body.status = ANY($2::text[])
        AND ($4::text IS NULL OR body.provider_reference = $4::text)
    ),
    typed AS MATERIALIZED (
      SELECT own.id, own.version_id, (
        SELECT coding->>'code' FROM json_array_elements(COALESCE(own.type->'coding', '[]'::json)) AS coding
        WHERE coding->>'code' = ANY($10::text[]) AND (coding->>'system' IS NULL OR coding->>'system' = $9::text)
        LIMIT 1
      ) AS claim_type,
      ${dateTimePartsSql("own.start_text")} AS start_match,
      ${dateTimePartsSql("own.created")} AS created_match
      FROM own
    ),
    dated AS (
      SELECT id, version_id, claim_type,
        CASE WHEN ${validDateSql("start_match")} THEN ${dayNumberSql("start_match")}
          WHEN ${validDateSql("created_match")} THEN ${dayNumberSql("created_match")} END AS day_number,
        CASE WHEN ${validDateSql("start_match")} THEN ${epochSql("start_match")}
          WHEN ${validDateSql("created_match")} THEN ${epochSql("created_match")} END AS epoch
      FROM typed
    ),
    filtered AS MATERIALIZED (
      SELECT id, version_id, day_number, epoch
      FROM dated
      WHERE ($3::text IS NULL OR COALESCE(claim_type, 'other') = $3::text)
        AND ($5::int IS NULL OR day_number >= $5::int)
        AND ($6::int IS NULL OR day_number <= $6::int)
    )
    SELECT counted.total, page.content
    FROM (SELECT count(*)::int AS total FROM filtered) AS counted
    LEFT JOIN LATERAL (
      SELECT filtered.id, filtered.day_number, filtered.epoch, v.content
      FROM (SELECT * FROM filtered ORDER BY ${orderBy("filtered")} LIMIT $7 OFFSET $8) AS filtered
      JOIN resource_version v ON v.resource_type = 'ExplanationOfBenefit' AND v.id = filtered.id AND v.version_id = filtered.version_id
    ) AS page ON true
    ORDER BY ${orderBy("page")}`;
}
