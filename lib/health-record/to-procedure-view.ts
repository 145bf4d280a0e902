import type { Procedure } from "fhir/r4";

import { parseFhirDate, type CalendarDate } from "../claims/parse-fhir-date";
import { toConceptText } from "./to-concept-text";

/** One procedure on the procedures page. */
export interface ProcedureView {
  id: string;
  /** The procedure as text; null when not coded. */
  name: string | null;
  /** performedDateTime, else the start of performedPeriod; null when neither is recorded. */
  date: CalendarDate | null;
  /** Procedure.status: completed, in-progress, not-done and so on. */
  status: Procedure["status"];
  /** The reason for the procedure as text; null when not recorded. */
  reason: string | null;
}

/** Maps a Procedure to its view, or returns null for one entered in error or only in preparation. */
export function toProcedureView(procedure: Procedure): ProcedureView | null {
  if (procedure.status === "entered-in-error" || procedure.status === "preparation") {
    return null;
  }

  return {
    id: procedure.id ?? "",
    name: toConceptText(procedure.code),
    date: parseFhirDate(procedure.performedDateTime ?? procedure.performedPeriod?.start),
    status: procedure.status,
    reason: procedure.reasonCode?.map(toConceptText).find((text) => text !== null) ?? null,
  };
}
