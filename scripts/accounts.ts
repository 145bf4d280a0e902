// `npm run accounts`: creates sign-in accounts for the portal. Run with --help for the options.
import { parseArgs } from "node:util";

import { createAccount } from "@/lib/auth/create-account";
import type { CreateAccountInput } from "@/lib/auth/create-account-schema";
import { toMemberEmail } from "@/lib/auth/to-member-email";
import { toDisplayName } from "@/lib/claims/to-display-name";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { databaseOptionsFromEnv, openDatabase, type Database } from "@/lib/db/database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

const help = `Creates sign-in accounts for Lakeview.

One account:
  npm run accounts -- --patient <PatientId> --email <email> [--name <name>]
  npm run accounts -- --role care_manager --email <email> --name <name> [--panel <id,id>]
  npm run accounts -- --role admin --email <email> --name <name>

A member account for every stored Patient that has none:
  npm run accounts -- --all-patients

Options:
  --role <role>        account role: member (default), care_manager or admin
  --patient <id>       id of the Patient resource a member account is for
  --email <email>      sign-in email; stored in lower case
  --name <name>        name shown in the portal header; defaults to the Patient's name,
                       else "Member"
  --panel <ids>        comma-separated Patient ids on a care manager's panel
  --all-patients       create member accounts for every Patient without one, with emails
                       made from the patient's name and id, such as
                       adan-portillo-22bbe238@members.lakeview.example
  --password <text>    password for the new accounts, at least 12 characters; prefer the
                       LAKEVIEW_MEMBER_PASSWORD environment variable, which keeps it out of
                       the shell history
  -h, --help           show this text

The database is the one the environment names: DATABASE_URL (PostgreSQL), else the PGlite
folder LAKEVIEW_DATA_DIR (default .data/pglite).`;

/** Account name for a Patient resource that has no name. */
const fallbackMemberName = "Member";

const optionSpec = {
  role: { type: "string", default: "member" },
  patient: { type: "string" },
  email: { type: "string" },
  name: { type: "string" },
  panel: { type: "string" },
  "all-patients": { type: "boolean", default: false },
  password: { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

const { values } = parseOptions();

function parseOptions() {
  try {
    return parseArgs({ options: optionSpec, strict: true });
  } catch (error) {
    // parseArgs rejects unknown options and missing values with a readable message.
    console.error(error instanceof Error ? error.message : String(error));
    console.error("Run with --help for the options.");
    process.exit(2);
  }
}

if (values.help) {
  console.log(help);
  process.exit(0);
}

const password = values.password ?? process.env.LAKEVIEW_MEMBER_PASSWORD;
if (!password) {
  console.error("No password given; pass --password or set LAKEVIEW_MEMBER_PASSWORD. Run with --help for the options.");
  process.exit(2);
}

const db = await openDatabase(databaseOptionsFromEnv());
try {
  await applyMigrations(db);
  const failures = values["all-patients"] ? await createForAllPatients(db, password) : await createOne(db, password);
  process.exitCode = failures > 0 ? 1 : 0;
} finally {
  await db.close();
}

async function createOne(database: Database, accountPassword: string): Promise<number> {
  if (!values.email) {
    console.error("No email given; pass --email, or --all-patients to make one per patient. Run with --help for the options.");
    return 1;
  }
  if (!values.name && !values.patient) {
    console.error("No name given; pass --name. Run with --help for the options.");
    return 1;
  }
  const patientName = values.patient ? await readPatientName(database, values.patient) : null;
  const input: CreateAccountInput = {
    email: values.email,
    name: values.name ?? patientName ?? fallbackMemberName,
    password: accountPassword,
    role: values.role as CreateAccountInput["role"],
    patientId: values.patient,
    panelPatientIds: values.panel?.split(",").map((id) => id.trim()).filter((id) => id.length > 0),
  };
  return (await tryCreate(database, input)) ? 0 : 1;
}

async function createForAllPatients(database: Database, accountPassword: string): Promise<number> {
  const patients = await new FhirStore(database).listAll("Patient");
  const linked = await database.prisma.user.findMany({ where: { role: "member", patientId: { not: null } }, select: { patientId: true } });
  const linkedIds = new Set(linked.map((user) => user.patientId));

  let created = 0;
  let skipped = 0;
  let failures = 0;
  for (const patient of patients) {
    const id = patient.id ?? "";
    if (linkedIds.has(id)) {
      skipped += 1;
      continue;
    }
    const name = toDisplayName(patient.name);
    const input: CreateAccountInput = { email: toMemberEmail(name, id), name: name ?? fallbackMemberName, password: accountPassword, role: "member", patientId: id };
    if (await tryCreate(database, input)) {
      created += 1;
    } else {
      failures += 1;
    }
  }
  console.log(`Member accounts created: ${created}. Patients skipped because they have one: ${skipped}. Failed: ${failures}.`);
  return failures;
}

async function tryCreate(database: Database, input: CreateAccountInput): Promise<boolean> {
  try {
    const account = await createAccount(database, input);
    console.log(`${account.role}\t${account.email}\t${account.patientId ?? ""}`);
    return true;
  } catch (error) {
    if (!isFhirError(error)) throw error;
    console.error(`Could not create ${input.email}:\n  ${error.issues.map((issue) => issue.diagnostics).join("\n  ")}`);
    return false;
  }
}

async function readPatientName(database: Database, patientId: string): Promise<string | null> {
  try {
    const patient = await new FhirStore(database).read("Patient", patientId);
    return toDisplayName(patient.name);
  } catch (error) {
    if (isFhirError(error, "not-found") || isFhirError(error, "gone")) return null;
    throw error;
  }
}
