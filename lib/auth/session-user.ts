import type { Role } from "../db/generated/enums";

/** The signed-in person as pages see it: no email, no password hash. */
export interface SessionUser {
  id: string;
  name: string;
  role: Role;
  /** The Patient resource a member account is for; null for staff and for unlinked members. */
  patientId: string | null;
}
