import type { Condition } from "fhir/r4";

import { parseFhirDate, type CalendarDate } from "../claims/parse-fhir-date";
import { findCode, toConceptText } from "./to-concept-text";

/** Condition.clinicalStatus codes (http://terminology.hl7.org/CodeSystem/condition-clinical). */
export type ConditionStatus = "active" | "recurrence" | "relapse" | "inactive" | "remission" | "resolved";

/** One diagnosis on the conditions page. */
export interface ConditionView {
  id: string;
  /** The diagnosis as text; null when the resource names none. */
  name: string | null;
  status: ConditionStatus;
  /** "active" for ongoing conditions (active, recurrence, relapse), else "past". */
  group: "active" | "past";
  onset: CalendarDate | null;
  /** When it resolved or went into remission; null when not recorded. */
  abatement: CalendarDate | null;
}

const activeStatuses: ReadonlySet<ConditionStatus> = new Set(["active", "recurrence", "relapse"]);
const knownStatuses: ReadonlySet<string> = new Set([...activeStatuses, "inactive", "remission", "resolved"]);

/**
 * Maps a Condition to its view, or returns null for one entered in error or refuted, which the
 * member must not see as a diagnosis. A Condition without clinicalStatus counts as resolved
 * when it has an abatement, else as active.
 */
export function toConditionView(condition: Condition): ConditionView | null {
  const verification = findCode(condition.verificationStatus);
  if (verification === "entered-in-error" || verification === "refuted") {
    return null;
  }

  const status = statusOf(condition);
  return {
    id: condition.id ?? "",
    name: toConceptText(condition.code),
    status,
    group: activeStatuses.has(status) ? "active" : "past",
    onset: parseFhirDate(condition.onsetDateTime ?? condition.onsetPeriod?.start),
    abatement: parseFhirDate(condition.abatementDateTime ?? condition.abatementPeriod?.start),
  };
}

function statusOf(condition: Condition): ConditionStatus {
  const code = findCode(condition.clinicalStatus);
  if (code && knownStatuses.has(code)) {
    return code as ConditionStatus;
  }
  const abated = condition.abatementDateTime ?? condition.abatementPeriod ?? condition.abatementString ?? condition.abatementAge;
  return abated === undefined ? "active" : "resolved";
}
