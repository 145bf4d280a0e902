import { parseArgs } from "node:util";

import type { Role } from "../db/generated/enums";
import { FhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import type { SignInThrottleKey } from "./sign-in-throttle";

/** The task of one run of `npm run accounts`. */
export type AccountsCommand =
  | { kind: "help" }
  | {
      kind: "one";
      password: string;
      email: string;
      role: Role;
      /** Absent for a member, whose name then comes from the Patient resource. */
      name?: string;
      patientId?: string;
      panelPatientIds?: string[];
    }
  | {
      kind: "all-patients";
      /** File to write each new account's email and password to, instead of stdout. */
      outPath?: string;
    }
  | {
      kind: "unlock";
      /** The email or client IP address whose sign-in throttle row to delete. */
      key: SignInThrottleKey;
    };

const roles: readonly Role[] = ["member", "care_manager", "admin"];

const optionSpec = {
  role: { type: "string" },
  patient: { type: "string" },
  email: { type: "string" },
  name: { type: "string" },
  panel: { type: "string" },
  "all-patients": { type: "boolean", default: false },
  password: { type: "string" },
  out: { type: "string" },
  unlock: { type: "string" },
  "unlock-address": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

type AccountsOptions = ReturnType<typeof parseArgs<{ options: typeof optionSpec }>>["values"];

/** Flags that name one account, so --all-patients, which makes one account per Patient, takes none of them. */
const oneAccountFlags = ["email", "name", "patient", "panel"] as const;

/** Flags that create accounts, which --unlock and --unlock-address take none of. */
const createFlags = ["role", "patient", "email", "name", "panel", "password", "out"] as const;

/**
 * Reads the arguments of `npm run accounts`. For one account the password comes from --password,
 * else from LAKEVIEW_MEMBER_PASSWORD in `env`. --all-patients generates a password per account, so
 * it rejects --password and ignores LAKEVIEW_MEMBER_PASSWORD. --unlock and --unlock-address
 * create no account and ignore LAKEVIEW_MEMBER_PASSWORD too. Throws FhirError "invalid" with one
 * issue per problem, each naming the flag (as `expression`) and what to pass instead. The email's
 * form, the password's length and whether the Patients exist are left to createAccount.
 */
export function parseAccountsArgs(args: string[], env: Readonly<Record<string, string | undefined>>): AccountsCommand {
  const values = readOptions(args);
  if (values.help) {
    return { kind: "help" };
  }
  if (values.unlock !== undefined || values["unlock-address"] !== undefined) {
    return readUnlockCommand(values);
  }

  const allPatients = values["all-patients"];
  const password = allPatients ? undefined : (values.password ?? env.LAKEVIEW_MEMBER_PASSWORD);
  const role = values.role ?? "member";
  const issues = [...(allPatients ? [] : listPasswordIssues(password)), ...listRoleIssues(role)];
  // The other checks depend on the role, so an unknown role is reported alone.
  if (isRole(role)) {
    issues.push(...(allPatients ? listAllPatientsIssues(values, role) : listOneAccountIssues(values, role)));
  }

  if (issues.length === 0 && isRole(role)) {
    if (allPatients) {
      return values.out === undefined ? { kind: "all-patients" } : { kind: "all-patients", outPath: values.out };
    }
    if (values.email && password) {
      return { kind: "one", password, email: values.email, role, name: values.name, patientId: values.patient, panelPatientIds: toIdList(values.panel) };
    }
  }
  throw new FhirError("invalid", issues);
}

function readUnlockCommand(values: AccountsOptions): AccountsCommand {
  const email = values.unlock?.trim();
  const ip = values["unlock-address"]?.trim();
  const issues = listUnlockIssues(values, email, ip);

  if (issues.length === 0) {
    if (email) return { kind: "unlock", key: { email } };
    if (ip) return { kind: "unlock", key: { ip } };
  }
  throw new FhirError("invalid", issues);
}

function listUnlockIssues(values: AccountsOptions, email: string | undefined, ip: string | undefined): FhirErrorIssue[] {
  const flag = email === undefined ? "--unlock-address" : "--unlock";
  const issues = createFlags
    .filter((other) => values[other] !== undefined)
    .map((other) => issue(`--${other}`, `${flag} deletes a sign-in lock and creates no account, so it takes no --${other}; leave out --${other}.`));
  if (values["all-patients"]) {
    issues.push(issue("--all-patients", `${flag} deletes a sign-in lock and creates no account; leave out --all-patients.`));
  }
  if (email !== undefined && ip !== undefined) {
    issues.push(issue("--unlock-address", "--unlock and --unlock-address each delete one lock; run the command once for the email and once for the address."));
  }
  if (email === "") {
    issues.push(issue("--unlock", "--unlock is empty; pass the email whose sign-in lock to delete."));
  }
  if (ip === "") {
    issues.push(issue("--unlock-address", "--unlock-address is empty; pass the client IP address whose sign-in lock to delete."));
  }
  return issues;
}

function readOptions(args: string[]): AccountsOptions {
  try {
    return parseArgs({ args, options: optionSpec, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // parseArgs rejects unknown options, missing values and positionals with a readable message.
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      throw new FhirError("invalid", [{ diagnostics: error.message }]);
    }
    throw error;
  }
}

function isRole(role: string): role is Role {
  return roles.some((known) => known === role);
}

function listPasswordIssues(password: string | undefined): FhirErrorIssue[] {
  return password ? [] : [issue("--password", "No password given; pass --password or set LAKEVIEW_MEMBER_PASSWORD.")];
}

function listRoleIssues(role: string): FhirErrorIssue[] {
  return isRole(role) ? [] : [issue("--role", `--role ${JSON.stringify(role)} is not one of member, care_manager or admin.`)];
}

function listAllPatientsIssues(values: AccountsOptions, role: Role): FhirErrorIssue[] {
  const issues = oneAccountFlags
    .filter((flag) => values[flag] !== undefined)
    .map((flag) =>
      issue(`--${flag}`, `--all-patients makes one member account per Patient and takes no --${flag}; leave out --${flag}, or leave out --all-patients to create one account.`),
    );
  if (role !== "member") {
    issues.push(issue("--role", `--all-patients makes member accounts only, and --role is ${role}; leave out --role.`));
  }
  if (values.password !== undefined) {
    issues.push(issue("--password", "--all-patients generates a random password for each account and takes no --password; leave out --password."));
  }
  if (values.out === "") {
    issues.push(issue("--out", "--out is empty; pass the path of a new file for the emails and passwords."));
  }
  return issues;
}

function listOneAccountIssues(values: AccountsOptions, role: Role): FhirErrorIssue[] {
  const issues: FhirErrorIssue[] = [];
  if (values.out !== undefined) {
    issues.push(issue("--out", "--out is only for --all-patients, which generates the passwords; leave out --out."));
  }
  if (!values.email) {
    issues.push(issue("--email", "No email given; pass --email, or --all-patients to make one member account per Patient."));
  }
  if (role === "member" && !values.patient) {
    issues.push(
      issue("--patient", "A member account needs --patient, the id of the member's Patient resource; pass it, or pass --role care_manager or --role admin for a staff account."),
    );
  }
  if (role !== "member" && values.patient !== undefined) {
    issues.push(issue("--patient", `--patient is only for member accounts, and --role is ${role}; leave out --patient.`));
  }
  if (role !== "care_manager" && values.panel !== undefined) {
    issues.push(issue("--panel", `--panel is only for care_manager accounts, and --role is ${role}; leave out --panel.`));
  }
  if (role !== "member" && !values.name) {
    issues.push(issue("--name", "No name given; pass --name, the name shown in the portal header."));
  }
  return issues;
}

function toIdList(ids: string | undefined): string[] | undefined {
  return ids?.split(",").map((id) => id.trim()).filter((id) => id.length > 0);
}

function issue(flag: string, diagnostics: string): FhirErrorIssue {
  return { diagnostics, expression: flag };
}
