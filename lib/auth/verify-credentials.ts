import type { Database } from "../db/database";
import { hashPassword, verifyPassword } from "./hash-password";
import { maxPasswordLength } from "./create-account-schema";
import type { SessionUser } from "./session-user";

let dummyHash: Promise<string> | undefined;

/**
 * Returns the account whose email and password match, or null. An unknown email still costs one
 * Argon2 verification against a throwaway hash, so response time does not reveal which emails
 * have accounts. Callers show one message for every failure.
 */
export async function verifyCredentials(db: Database, email: string, password: string): Promise<SessionUser | null> {
  if (password.length > maxPasswordLength) {
    return null;
  }

  const user = await db.prisma.user.findUnique({ where: { email: email.trim().toLowerCase() } });
  if (!user) {
    dummyHash ??= hashPassword("lakeview-dummy-password-for-timing");
    await verifyPassword(await dummyHash, password);
    return null;
  }

  if (!(await verifyPassword(user.passwordHash, password))) {
    return null;
  }
  return { id: user.id, name: user.name, role: user.role, patientId: user.patientId };
}
