import { loadActor } from "../../access/load-actor";
import { toActorScope } from "../../access/to-actor-scope";
import type { SessionUser } from "../../auth/session-user";
import type { Database } from "../../db/database";
import type { AccessScope } from "../search/access-scope";

/**
 * Returns what a signed-in portal user may read through the FHIR API, as the access policy
 * (lib/access) compiles it: a member their own Patient compartment, a care manager the
 * compartments of the patients on their panel (Coverage through its beneficiary only), and an
 * admin everything. A member account not linked to a Patient gets only the directory types.
 * A SMART access token of a staff user starts from this scope too (lib/smart/get-token-access.ts).
 */
export async function getAccessScope(db: Database, user: SessionUser): Promise<AccessScope> {
  return toActorScope(await loadActor(db, user));
}
