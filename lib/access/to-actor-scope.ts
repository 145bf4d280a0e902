import type { AccessScope } from "../fhir/search/access-scope";
import type { Actor } from "./actor";
import { listReachablePatients } from "./decide-access";

/**
 * A care manager reaches a Coverage only through its beneficiary. The Patient compartment also
 * holds a Coverage through its subscriber and policy holder, and a family Coverage names a panel
 * patient as subscriber while covering relatives who are not on the panel.
 */
const CARE_MANAGER_COMPARTMENT_PARAMS: Readonly<Record<string, readonly string[]>> = { Coverage: ["beneficiary"] };

/**
 * Compiles the actor's reachable data into the AccessScope every FHIR query applies: all data
 * for admins and backend clients, and for the others the Patient compartments of the patients
 * listReachablePatients returns. A token's scopes narrow the types.
 */
export function toActorScope(actor: Actor): AccessScope {
  const reachable = listReachablePatients(actor);
  const types = actor.resourceTypes === undefined ? {} : { resourceTypes: actor.resourceTypes };
  if (reachable === "all") return { kind: "all", ...types };

  const params = actor.kind === "care-manager" ? { compartmentParams: CARE_MANAGER_COMPARTMENT_PARAMS } : {};
  return { kind: "patients", patientIds: reachable, ...params, ...types };
}
