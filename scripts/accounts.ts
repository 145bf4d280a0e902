// `npm run accounts`: creates sign-in accounts for the portal and deletes sign-in locks. Run with
// --help for the options.
import { createAccount, type Account } from "@/lib/auth/create-account";
import type { CreateAccountInput } from "@/lib/auth/create-account-schema";
import { createMemberAccounts, fallbackMemberName, type MemberAccountsReport } from "@/lib/auth/create-member-accounts";
import { createCredentialsFile, credentialsHeader, toCredentialsLine, type CredentialsFile } from "@/lib/auth/credentials-file";
import { parseAccountsArgs, type AccountsCommand } from "@/lib/auth/parse-accounts-args";
import { SignInThrottle, type SignInThrottleKey } from "@/lib/auth/sign-in-throttle";
import { toDisplayName } from "@/lib/claims/to-display-name";
import { applyMigrations } from "@/lib/db/apply-migrations";
import type { Database } from "@/lib/db/database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { FhirStore } from "@/lib/fhir/store/fhir-store";

import { openDatabaseOrExit } from "./open-database-or-exit";
import { portalSecretFile, readPortalSecret } from "./read-portal-secret";

const help = `Creates sign-in accounts for Lakeview, and deletes sign-in locks.

One account, with the password from --password or LAKEVIEW_MEMBER_PASSWORD:
  npm run accounts -- --patient <PatientId> --email <email> [--name <name>]
  npm run accounts -- --role care_manager --email <email> --name <name> [--panel <id,id>]
  npm run accounts -- --role admin --email <email> --name <name>

A member account, with its own random password, for every stored Patient that has none and is
not deceased:
  npm run accounts -- --all-patients [--out <file>]

  The output contains the new passwords: hand each member only their own line, over a secure
  channel, and delete the output afterwards. The passwords are stored nowhere else.

The failed sign-in count and lock of one email, or of one client address, deleted so that it
can sign in again at once:
  npm run accounts -- --unlock <email>
  npm run accounts -- --unlock-address <ip>

  Counts are stored under an HMAC of the email or address, so the command needs the secret the
  portal runs with: NEXTAUTH_SECRET, else the file .data/nextauth-secret that npm start creates.
  It prints whether there was a count to delete; either way it exits with 0.

Options:
  --role <role>        account role: member (default), care_manager or admin
  --patient <id>       id of the Patient resource a member account is for
  --email <email>      sign-in email; stored in lower case
  --name <name>        name shown in the portal header; defaults to the Patient's name,
                       else "Member"
  --panel <ids>        comma-separated Patient ids on a care manager's panel
  --all-patients       create member accounts for every Patient without one, with emails
                       made from the patient's name and id, such as
                       adan-portillo-22bbe238@members.lakeview.example (first 8 digits of
                       a UUID id) or ana-ruiz-demo-pat-0001@members.lakeview.example;
                       takes none of --email, --name, --patient, --panel or --password.
                       Each account gets a random 24-character password. Prints one
                       tab-separated line per account to stdout: email, password, Patient id.
                       Patients marked deceased (deceasedBoolean true or a
                       deceasedDateTime) are skipped and counted. A Patient whose email is
                       taken is reported and the others still get accounts
  --out <file>         with --all-patients, write the emails and passwords to this new file,
                       created with mode 0600 (owner only), instead of stdout; an existing
                       file is not overwritten
  --password <text>    password of the one account, at least 12 characters; prefer the
                       LAKEVIEW_MEMBER_PASSWORD environment variable, which keeps it out of
                       the shell history
  --unlock <email>     delete the failed sign-in count and lock of this email; letter case
                       does not matter
  --unlock-address <ip>
                       delete the failed sign-in count and lock of this client IP address,
                       written as in the ip field of the portal's "sign-in locked out" log
                       lines
  -h, --help           show this text

The database is the one the environment names: DATABASE_URL (PostgreSQL), else the PGlite
folder LAKEVIEW_DATA_DIR (default .data/pglite), which only one process can open at a time, so
stop the portal first.`;

const command = readCommand();
if (command.kind === "help") {
  console.log(help);
  process.exit(0);
}

if (command.kind === "unlock") {
  // The secret is read first, so that a missing one is reported before the database is opened.
  const throttle = new SignInThrottle({ hashSecret: readPortalSecretOrExit() });
  process.exitCode = await withDatabase((db) => unlock(db, throttle, command.key));
} else {
  process.exitCode = await withDatabase(async (db) => {
    const failures = command.kind === "all-patients" ? await createForAllPatients(db, command.outPath) : await createOne(db, command);
    return failures > 0 ? 1 : 0;
  });
}

/** Opens and migrates the database, runs `work` and returns its exit code. */
async function withDatabase(work: (database: Database) => Promise<number>): Promise<number> {
  const db = await openDatabaseOrExit();
  try {
    await applyMigrations(db);
    return await work(db);
  } finally {
    await db.close();
  }
}

function readCommand(): AccountsCommand {
  try {
    return parseAccountsArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!isFhirError(error, "invalid")) throw error;
    for (const issue of error.issues) {
      console.error(issue.diagnostics);
    }
    console.error("Run with --help for the options.");
    process.exit(2);
  }
}

async function createOne(database: Database, account: Extract<AccountsCommand, { kind: "one" }>): Promise<number> {
  const patientName = account.patientId ? await readPatientName(database, account.patientId) : null;
  const input: CreateAccountInput = {
    email: account.email,
    name: account.name ?? patientName ?? fallbackMemberName,
    password: account.password,
    role: account.role,
    patientId: account.patientId,
    panelPatientIds: account.panelPatientIds,
  };
  try {
    printAccount(await createAccount(database, input));
    return 0;
  } catch (error) {
    if (!isFhirError(error)) throw error;
    console.error(`Could not create ${input.email}:\n  ${error.issues.map((issue) => issue.diagnostics).join("\n  ")}`);
    return 1;
  }
}

async function createForAllPatients(database: Database, outPath: string | undefined): Promise<number> {
  // The file is created before any account, so a bad path fails before passwords exist.
  let file: CredentialsFile | undefined;
  if (outPath !== undefined) {
    try {
      file = await createCredentialsFile(outPath);
    } catch (error) {
      console.error(`Could not create the credentials file ${outPath}: ${error instanceof Error ? error.message : String(error)}. Pass --out with the path of a new file in a folder you can write to.`);
      return 1;
    }
  } else {
    console.log(credentialsHeader);
  }

  let report: MemberAccountsReport;
  try {
    report = await createMemberAccounts(database, (account, password) =>
      file ? file.write(account, password) : console.log(toCredentialsLine(account, password)),
    );
  } catch (error) {
    if (!isFhirError(error, "invalid")) throw error;
    console.error(`No accounts created:\n  ${error.issues.map((issue) => issue.diagnostics).join("\n  ")}`);
    return 1;
  } finally {
    await file?.close();
  }

  for (const failure of report.failures) {
    console.error(`No account for Patient "${failure.patientId}":\n  ${failure.messages.join("\n  ")}`);
  }
  // With --out the summary goes to stdout; without it, to stderr, so stdout holds only credentials.
  const summary = `Member accounts created: ${report.created.length}${outPath ? `, passwords written to ${outPath}` : ""}. Patients skipped because they have one: ${report.skipped}. Skipped because deceased: ${report.skippedDeceased}. Failed: ${report.failures.length}.`;
  if (outPath) {
    console.log(summary);
  } else {
    console.error(summary);
  }
  return report.failures.length;
}

/** Returns the portal's session secret, or prints why there is none and exits with 1. */
function readPortalSecretOrExit(): string {
  let secret: string | null;
  try {
    secret = readPortalSecret();
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)} Set NEXTAUTH_SECRET to the value the portal runs with.`);
    process.exit(1);
  }
  if (secret === null) {
    console.error(
      `NEXTAUTH_SECRET is not set and ${portalSecretFile} does not exist, so the portal's secret, under which sign-in locks are stored, is unknown. ` +
        "Set NEXTAUTH_SECRET to the value the portal runs with and run the command again. No secret was created, because a new one would find no lock.",
    );
    process.exit(1);
  }
  return secret;
}

async function unlock(database: Database, throttle: SignInThrottle, key: SignInThrottleKey): Promise<number> {
  const name = "email" in key ? `email ${key.email}` : `address ${key.ip}`;

  const deleted = await throttle.unlock(database, key);

  if (deleted) {
    console.log(`Deleted the failed sign-in count of ${name}: ${deleted.failures} failures since ${new Date(deleted.windowStart).toISOString()}, ${describeLock(deleted.lockedUntil)}.`);
  } else {
    const spelling = "email" in key ? "the email's spelling" : `that the address is written as in the ip field of the portal's "sign-in locked out" log lines`;
    console.log(
      `No failed sign-ins are counted for ${name}, so it is not locked. If the portal still reports it locked, check ${spelling}, and that NEXTAUTH_SECRET is the portal's: under another secret no count is found.`,
    );
  }
  return 0;
}

function describeLock(lockedUntil: number | null): string {
  if (lockedUntil === null) {
    return "not locked";
  }
  const until = new Date(lockedUntil).toISOString();
  return lockedUntil > Date.now() ? `locked until ${until}` : `its lock ended at ${until}`;
}

function printAccount(account: Account): void {
  console.log(`${account.role}\t${account.email}\t${account.patientId ?? ""}`);
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
