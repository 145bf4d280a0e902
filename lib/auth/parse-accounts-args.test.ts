import { describe, expect, it } from "vitest";

import { FhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import { parseAccountsArgs, type AccountsCommand } from "./parse-accounts-args";

const password = "a long enough password";
const withPassword = ["--password", password];

function issuesOf(args: string[], env: Record<string, string> = {}): { code: string; issues: FhirErrorIssue[] } {
  try {
    parseAccountsArgs(args, env);
  } catch (error) {
    if (error instanceof FhirError) {
      return { code: error.code, issues: error.issues };
    }
    throw error;
  }
  throw new Error(`expected parseAccountsArgs to reject ${args.join(" ")}`);
}

describe("parseAccountsArgs", () => {
  const commandCases: { name: string; args: string[]; env?: Record<string, string>; expected: AccountsCommand }[] = [
    {
      name: "member with patient",
      args: ["--patient", "p-1", "--email", "alma@example.org", ...withPassword],
      expected: { kind: "one", password, email: "alma@example.org", role: "member", name: undefined, patientId: "p-1", panelPatientIds: undefined },
    },
    {
      name: "care manager with panel",
      args: ["--role", "care_manager", "--email", "cm@example.org", "--name", "Casey Morgan", "--panel", "p-1, p-2,,", ...withPassword],
      expected: { kind: "one", password, email: "cm@example.org", role: "care_manager", name: "Casey Morgan", patientId: undefined, panelPatientIds: ["p-1", "p-2"] },
    },
    {
      name: "member with password from environment",
      args: ["--patient", "p-1", "--email", "alma@example.org"],
      env: { LAKEVIEW_MEMBER_PASSWORD: password },
      expected: { kind: "one", password, email: "alma@example.org", role: "member", name: undefined, patientId: "p-1", panelPatientIds: undefined },
    },
    {
      name: "all patients ignoring the environment password",
      args: ["--all-patients"],
      env: { LAKEVIEW_MEMBER_PASSWORD: password },
      expected: { kind: "all-patients" },
    },
    {
      name: "all patients with explicit member role",
      args: ["--all-patients", "--role", "member"],
      expected: { kind: "all-patients" },
    },
    {
      name: "all patients with output file",
      args: ["--all-patients", "--out", "accounts.tsv"],
      expected: { kind: "all-patients", outPath: "accounts.tsv" },
    },
    { name: "help among other flags", args: ["--email", "x", "-h"], expected: { kind: "help" } },
    {
      name: "unlock of an email ignoring the environment password",
      args: ["--unlock", " Alma@Example.org "],
      env: { LAKEVIEW_MEMBER_PASSWORD: password },
      expected: { kind: "unlock", key: { email: "Alma@Example.org" } },
    },
    { name: "unlock of an address", args: ["--unlock-address", "203.0.113.7 "], expected: { kind: "unlock", key: { ip: "203.0.113.7" } } },
  ];

  it.each(commandCases)("reads $name", ({ args, env, expected }) => {
    expect(parseAccountsArgs(args, env ?? {})).toEqual(expected);
  });

  const errorCases: { name: string; args: string[]; env?: Record<string, string>; issues: FhirErrorIssue[] }[] = [
    {
      name: "all patients with email",
      args: ["--all-patients", "--email", "x@example.org"],
      issues: [
        {
          diagnostics: "--all-patients makes one member account per Patient and takes no --email; leave out --email, or leave out --all-patients to create one account.",
          expression: "--email",
        },
      ],
    },
    {
      name: "all patients with one-account flags and staff role",
      args: ["--all-patients", "--name", "Alma", "--patient", "p-1", "--panel", "p-2", "--role", "admin"],
      issues: [
        {
          diagnostics: "--all-patients makes one member account per Patient and takes no --name; leave out --name, or leave out --all-patients to create one account.",
          expression: "--name",
        },
        {
          diagnostics: "--all-patients makes one member account per Patient and takes no --patient; leave out --patient, or leave out --all-patients to create one account.",
          expression: "--patient",
        },
        {
          diagnostics: "--all-patients makes one member account per Patient and takes no --panel; leave out --panel, or leave out --all-patients to create one account.",
          expression: "--panel",
        },
        { diagnostics: "--all-patients makes member accounts only, and --role is admin; leave out --role.", expression: "--role" },
      ],
    },
    {
      name: "all patients with password",
      args: ["--all-patients", ...withPassword],
      issues: [
        {
          diagnostics: "--all-patients generates a random password for each account and takes no --password; leave out --password.",
          expression: "--password",
        },
      ],
    },
    {
      name: "all patients with empty output file",
      args: ["--all-patients", "--out", ""],
      issues: [{ diagnostics: "--out is empty; pass the path of a new file for the emails and passwords.", expression: "--out" }],
    },
    {
      name: "one account with output file",
      args: ["--patient", "p-1", "--email", "alma@example.org", "--out", "accounts.tsv", ...withPassword],
      issues: [{ diagnostics: "--out is only for --all-patients, which generates the passwords; leave out --out.", expression: "--out" }],
    },
    {
      name: "member without patient",
      args: ["--email", "alma@example.org", "--name", "Alma", ...withPassword],
      issues: [
        {
          diagnostics:
            "A member account needs --patient, the id of the member's Patient resource; pass it, or pass --role care_manager or --role admin for a staff account.",
          expression: "--patient",
        },
      ],
    },
    {
      name: "admin with patient",
      args: ["--role", "admin", "--email", "admin@example.org", "--name", "Admin", "--patient", "p-1", ...withPassword],
      issues: [{ diagnostics: "--patient is only for member accounts, and --role is admin; leave out --patient.", expression: "--patient" }],
    },
    {
      name: "member with panel",
      args: ["--patient", "p-1", "--email", "alma@example.org", "--panel", "p-2", ...withPassword],
      issues: [{ diagnostics: "--panel is only for care_manager accounts, and --role is member; leave out --panel.", expression: "--panel" }],
    },
    {
      name: "staff without name",
      args: ["--role", "care_manager", "--email", "cm@example.org", ...withPassword],
      issues: [{ diagnostics: "No name given; pass --name, the name shown in the portal header.", expression: "--name" }],
    },
    {
      name: "missing email and password",
      args: ["--patient", "p-1"],
      issues: [
        { diagnostics: "No password given; pass --password or set LAKEVIEW_MEMBER_PASSWORD.", expression: "--password" },
        { diagnostics: "No email given; pass --email, or --all-patients to make one member account per Patient.", expression: "--email" },
      ],
    },
    {
      name: "unknown role alone",
      args: ["--role", "owner", "--email", "o@example.org", "--patient", "p-1", ...withPassword],
      issues: [{ diagnostics: '--role "owner" is not one of member, care_manager or admin.', expression: "--role" }],
    },
    {
      name: "unlock with account flags",
      args: ["--unlock", "alma@example.org", "--role", "admin", "--email", "x@example.org", "--all-patients", ...withPassword],
      issues: [
        { diagnostics: "--unlock deletes a sign-in lock and creates no account, so it takes no --role; leave out --role.", expression: "--role" },
        { diagnostics: "--unlock deletes a sign-in lock and creates no account, so it takes no --email; leave out --email.", expression: "--email" },
        {
          diagnostics: "--unlock deletes a sign-in lock and creates no account, so it takes no --password; leave out --password.",
          expression: "--password",
        },
        { diagnostics: "--unlock deletes a sign-in lock and creates no account; leave out --all-patients.", expression: "--all-patients" },
      ],
    },
    {
      name: "unlock-address with output file",
      args: ["--unlock-address", "203.0.113.7", "--out", "accounts.tsv"],
      issues: [
        { diagnostics: "--unlock-address deletes a sign-in lock and creates no account, so it takes no --out; leave out --out.", expression: "--out" },
      ],
    },
    {
      name: "unlock of an email and an address",
      args: ["--unlock", "alma@example.org", "--unlock-address", "203.0.113.7"],
      issues: [
        {
          diagnostics: "--unlock and --unlock-address each delete one lock; run the command once for the email and once for the address.",
          expression: "--unlock-address",
        },
      ],
    },
    {
      name: "empty unlock values",
      args: ["--unlock", " ", "--unlock-address", ""],
      issues: [
        {
          diagnostics: "--unlock and --unlock-address each delete one lock; run the command once for the email and once for the address.",
          expression: "--unlock-address",
        },
        { diagnostics: "--unlock is empty; pass the email whose sign-in lock to delete.", expression: "--unlock" },
        { diagnostics: "--unlock-address is empty; pass the client IP address whose sign-in lock to delete.", expression: "--unlock-address" },
      ],
    },
    // node:util parseArgs writes these two messages, and its wording differs between Node versions.
    {
      name: "unknown option",
      args: ["--emial", "alma@example.org"],
      issues: [{ diagnostics: expect.stringMatching(/^Unknown option '--emial'/) as string }],
    },
    {
      name: "positional argument",
      args: ["alma@example.org"],
      issues: [{ diagnostics: expect.stringMatching(/^Unexpected argument 'alma@example.org'/) as string }],
    },
  ];

  it.each(errorCases)("rejects $name", ({ args, env, issues }) => {
    expect(issuesOf(args, env)).toEqual({ code: "invalid", issues });
  });
});
