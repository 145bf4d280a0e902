import type { Reference } from "fhir/r4";

import { careCodes } from "./care-codes";

/** Builds Task.owner for a portal account, as the contract fixes it: the user id as a logical identifier. */
export function toOwnerReference(user: { id: string; name: string }): Reference {
  return { identifier: { system: careCodes.userIdentifierSystem, value: user.id }, display: user.name };
}
