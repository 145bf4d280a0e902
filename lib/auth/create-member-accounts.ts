import { randomBytes } from "node:crypto";

import type { Patient } from "fhir/r4";

import type { Database } from "../db/database";
import { toDisplayName } from "../claims/to-display-name";
import { FhirError, isFhirError } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { createAccount, type Account } from "./create-account";
import { createAccountSchema } from "./create-account-schema";
import { toMemberEmail } from "./to-member-email";

/** Account name for a Patient resource that has no name. */
export const fallbackMemberName = "Member";

/** A Patient that got no account, and why. */
export interface MemberAccountFailure {
  patientId: string;
  email: string;
  /** Messages that name each problem and its fix, one per problem. */
  messages: string[];
}

/** Outcome of createMemberAccounts. */
export interface MemberAccountsReport {
  created: Account[];
  /** Number of Patients passed over because they already have a member account. */
  skipped: number;
  /** Number of Patients passed over because they are deceased. */
  skippedDeceased: number;
  failures: MemberAccountFailure[];
}

/** Random bytes in a generated member password: 144 bits, 24 base64url characters. */
const generatedPasswordBytes = 18;

/** Generates a random member password of 24 base64url characters (144 bits). */
export function generateMemberPassword(): string {
  return randomBytes(generatedPasswordBytes).toString("base64url");
}

/**
 * Creates a member account for every stored Patient that has none and is not deceased, named as
 * the Patient, with an email from toMemberEmail and its own password from `generatePassword`
 * (the work of `npm run accounts -- --all-patients`). The emails are guessable, so the passwords
 * must differ. `onCreated` receives each account with its password, which is stored nowhere else,
 * and is awaited before the next account. A Patient whose account cannot be made, such as one
 * whose email is taken, is listed in `failures`, and the others still get theirs. Throws FhirError
 * "invalid" before creating any account when a generated password fails the length rules.
 */
export async function createMemberAccounts(
  db: Database,
  onCreated: (account: Account, password: string) => void | Promise<void> = () => undefined,
  generatePassword: () => string = generateMemberPassword,
): Promise<MemberAccountsReport> {
  const passwordCheck = createAccountSchema.shape.password.safeParse(generatePassword());
  if (!passwordCheck.success) {
    throw new FhirError("invalid", passwordCheck.error.issues.map((issue) => ({ diagnostics: issue.message, expression: "password" })));
  }

  const patients = await new FhirStore(db).listAll("Patient");
  const linked = await db.prisma.user.findMany({ where: { role: "member", patientId: { not: null } }, select: { patientId: true } });
  const linkedIds = new Set(linked.map((user) => user.patientId));

  const report: MemberAccountsReport = { created: [], skipped: 0, skippedDeceased: 0, failures: [] };
  for (const patient of patients) {
    if (linkedIds.has(patient.id ?? "")) {
      report.skipped += 1;
      continue;
    }
    if (isDeceased(patient)) {
      report.skippedDeceased += 1;
      continue;
    }
    const password = generatePassword();
    const outcome = await createForPatient(db, patient, password);
    if ("messages" in outcome) {
      report.failures.push(outcome);
    } else {
      report.created.push(outcome);
      await onCreated(outcome, password);
    }
  }
  return report;
}

/** Tells whether a Patient is recorded as deceased, by `deceasedBoolean` true or any `deceasedDateTime`. */
function isDeceased(patient: Patient): boolean {
  return patient.deceasedBoolean === true || patient.deceasedDateTime !== undefined;
}

async function createForPatient(db: Database, patient: Patient, password: string): Promise<Account | MemberAccountFailure> {
  const patientId = patient.id ?? "";
  const name = toDisplayName(patient.name);
  const email = toMemberEmail(name, patientId);
  try {
    return await createAccount(db, { email, name: name ?? fallbackMemberName, password, role: "member", patientId });
  } catch (error) {
    if (!isFhirError(error)) {
      throw error;
    }
    const emailTaken = error.code === "conflict" && error.issues.some((issue) => issue.expression === "email");
    const messages = emailTaken ? [toEmailTakenMessage(patientId, email)] : error.issues.map((issue) => issue.diagnostics);
    return { patientId, email, messages };
  }
}

function toEmailTakenMessage(patientId: string, email: string): string {
  return `Email "${email}", made from the name and id of Patient "${patientId}", is taken by another account; create this member with --patient ${patientId} --email <another email>.`;
}
