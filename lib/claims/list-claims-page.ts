import type { ExplanationOfBenefit } from "fhir/r4";

import type { Database } from "../db/database";
import type { FhirStore } from "../fhir/store/fhir-store";
import { toCalendarDay } from "./calendar-day";
import { claimPageSize, listedClaimStatuses, type ClaimListQuery } from "./claim-list-query";
import type { ClaimListPage, ClaimListRow } from "./claim-list-row";
import { computePlanPaid } from "./compute-plan-paid";
import { readReferenceNames } from "./read-reference-names";
import { toReferenceTarget, type ReferenceTarget } from "./reference-target";
import { dayNumberSql, epochSql, fhirDateTimeMatchSql, validDateSql } from "./service-date-sql";
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
 * NOTE: the service date is read from each body on every request, because the search index has no
 * billablePeriod parameter; a member with 5,000 claims costs one pass over 5,000 bodies per page.
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
 * $10 the claim type codes other than "other". The left join keeps the total when the page is
 * past the end, with one row whose content is null.
 */
function pageSql(sort: ClaimListQuery["sort"]): string {
  const direction = sort === "oldest" ? "ASC" : "DESC";
  const orderBy = (table: string): string =>
    `${table}.day_number ${direction} NULLS LAST, ${table}.epoch ${direction} NULLS LAST, ${table}.id ASC`;
  return `
    WITH own AS (
      SELECT r.id, v.content
      FROM resource_compartment c
      JOIN resource r ON r.resource_type = c.resource_type AND r.id = c.resource_id AND NOT r.deleted
      JOIN resource_version v ON v.resource_type = r.resource_type AND v.id = r.id AND v.version_id = r.version_id
      WHERE c.compartment_type = 'Patient' AND c.compartment_id = $1 AND c.resource_type = 'ExplanationOfBenefit'
        AND v.content->'patient'->>'reference' = 'Patient/' || $1
        AND v.content->>'status' = ANY($2::text[])
        AND ($4::text IS NULL OR v.content->'provider'->>'reference' = $4::text)
    ),
    typed AS MATERIALIZED (
      SELECT own.id, own.content, (
        SELECT coding->>'code' FROM jsonb_array_elements(COALESCE(own.content->'type'->'coding', '[]'::jsonb)) AS coding
        WHERE coding->>'code' = ANY($10::text[]) AND (coding->>'system' IS NULL OR coding->>'system' = $9::text)
        LIMIT 1
      ) AS claim_type,
      regexp_match(own.content->'billablePeriod'->>'start', ${fhirDateTimeMatchSql}) AS start_match,
      regexp_match(own.content->>'created', ${fhirDateTimeMatchSql}) AS created_match
      FROM own
    ),
    dated AS (
      SELECT id, content, claim_type,
        CASE WHEN ${validDateSql("start_match")} THEN ${dayNumberSql("start_match")}
          WHEN ${validDateSql("created_match")} THEN ${dayNumberSql("created_match")} END AS day_number,
        CASE WHEN ${validDateSql("start_match")} THEN ${epochSql("start_match")}
          WHEN ${validDateSql("created_match")} THEN ${epochSql("created_match")} END AS epoch
      FROM typed
    ),
    filtered AS MATERIALIZED (
      SELECT id, content, day_number, epoch
      FROM dated
      WHERE ($3::text IS NULL OR COALESCE(claim_type, 'other') = $3::text)
        AND ($5::int IS NULL OR day_number >= $5::int)
        AND ($6::int IS NULL OR day_number <= $6::int)
    )
    SELECT counted.total, page.content
    FROM (SELECT count(*)::int AS total FROM filtered) AS counted
    LEFT JOIN LATERAL (
      SELECT id, content, day_number, epoch FROM filtered
      ORDER BY ${orderBy("filtered")}
      LIMIT $7 OFFSET $8
    ) AS page ON true
    ORDER BY ${orderBy("page")}`;
}
