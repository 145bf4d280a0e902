import type { Bundle, Resource } from "fhir/r4";

/** System of the `meta.tag` that records a care manager's review of member-reported evidence. */
export const evidenceReviewSystem = "https://lakeview.example/fhir/CodeSystem/evidence-review";

/** Review codes whose resources no measure may count: awaiting review, or turned down. */
const uncountedReviewCodes: ReadonlySet<string> = new Set(["pending", "rejected"]);

/**
 * Returns a copy of a patient Bundle without the resources whose evidence-review tag is `pending`
 * or `rejected`, because member-reported evidence counts only once a care manager accepts it.
 * A resource tagged `accepted` stays, and so does one without a review tag (clinical data from
 * claims and providers).
 */
export function dropUnreviewedEvidence(patientData: Bundle): Bundle {
  const entry = (patientData.entry ?? []).filter((item) => !item.resource || !isUnreviewed(item.resource));
  return { ...patientData, entry };
}

function isUnreviewed(resource: Resource): boolean {
  return (resource.meta?.tag ?? []).some((tag) => tag.system === evidenceReviewSystem && tag.code !== undefined && uncountedReviewCodes.has(tag.code));
}
