import type { SessionUser } from "../auth/session-user";
import type { Actor } from "./actor";

/**
 * Turns a signed-in user into an actor with the patients the caller already loaded: a care
 * manager's panel, a member's viewable dependents. Capability decisions read only the kind, so
 * they need neither list.
 */
export function toSessionActor(user: SessionUser, patients: { panelPatientIds?: readonly string[]; dependentIds?: readonly string[] } = {}): Actor {
  switch (user.role) {
    case "member":
      return { kind: "member", id: user.id, patientId: user.patientId, dependentIds: patients.dependentIds ?? [] };
    case "care_manager":
      return { kind: "care-manager", id: user.id, panelPatientIds: patients.panelPatientIds ?? [] };
    case "admin":
      return { kind: "admin", id: user.id };
  }
}
