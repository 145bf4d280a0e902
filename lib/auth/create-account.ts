import type { Database } from "../db/database";
import { Prisma } from "../db/generated/client";
import type { Role } from "../db/generated/enums";
import { FhirError, isFhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import { FhirStore } from "../fhir/store/fhir-store";
import { createAccountSchema, type CreateAccountInput } from "./create-account-schema";
import { hashPassword } from "./hash-password";

/** A stored sign-in account, without its password hash. */
export interface Account {
  id: string;
  email: string;
  name: string;
  role: Role;
  patientId: string | null;
}

/**
 * Creates a sign-in account. Validates the input, checks that every Patient it names is stored,
 * and that neither the email nor (for a member) the Patient has an account yet. Throws FhirError
 * "invalid" or "conflict" with one issue per problem, each naming the value and the fix.
 */
export async function createAccount(db: Database, input: CreateAccountInput): Promise<Account> {
  const parsed = createAccountSchema.safeParse(input);
  if (!parsed.success) {
    throw new FhirError(
      "invalid",
      parsed.error.issues.map((issue) => ({ diagnostics: issue.message, expression: issue.path.join(".") })),
    );
  }
  const account = parsed.data;
  const panelPatientIds = [...new Set(account.panelPatientIds ?? [])];

  await assertPatientsStored(new FhirStore(db), [...(account.patientId ? [account.patientId] : []), ...panelPatientIds]);
  await assertAccountIsNew(db, account.email, account.role === "member" ? account.patientId : undefined);

  const passwordHash = await hashPassword(account.password);
  try {
    const user = await db.prisma.user.create({
      data: {
        email: account.email,
        name: account.name,
        passwordHash,
        role: account.role,
        patientId: account.patientId ?? null,
        panel: { create: panelPatientIds.map((patientId) => ({ patientId })) },
      },
    });
    return { id: user.id, email: user.email, name: user.name, role: user.role, patientId: user.patientId };
  } catch (error) {
    // Another process may have created the same email between the check above and this insert.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw emailTaken(account.email);
    }
    throw error;
  }
}

async function assertPatientsStored(store: FhirStore, patientIds: string[]): Promise<void> {
  const issues: FhirErrorIssue[] = [];
  for (const patientId of patientIds) {
    try {
      await store.read("Patient", patientId);
    } catch (error) {
      if (!isFhirError(error, "not-found") && !isFhirError(error, "gone")) {
        throw error;
      }
      issues.push({
        diagnostics: `Patient "${patientId}" is not stored${error.code === "gone" ? " (it was deleted)" : ""}; import the patient first or check the id.`,
        expression: "patientId",
      });
    }
  }
  if (issues.length > 0) {
    throw new FhirError("invalid", issues);
  }
}

async function assertAccountIsNew(db: Database, email: string, memberPatientId: string | undefined): Promise<void> {
  if (await db.prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw emailTaken(email);
  }
  if (memberPatientId && (await db.prisma.user.findFirst({ where: { role: "member", patientId: memberPatientId }, select: { id: true } }))) {
    throw new FhirError("conflict", [
      {
        diagnostics: `Patient "${memberPatientId}" already has a member account; sign in with that account or remove it first.`,
        expression: "patientId",
      },
    ]);
  }
}

function emailTaken(email: string): FhirError {
  return new FhirError("conflict", [
    { diagnostics: `An account with email "${email}" already exists; choose another email.`, expression: "email" },
  ]);
}
