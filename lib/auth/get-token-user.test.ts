import type { Patient } from "fhir/r4";
import type { JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../db/database";
import { openTestDatabase } from "../db/open-test-database";
import { FhirStore } from "../fhir/store/fhir-store";
import { toAuthTime } from "./auth-time";
import { createAccount, type Account } from "./create-account";
import { getTokenUser } from "./get-token-user";
import { revokeSessions } from "./revoke-sessions";
import { sessionMaxAgeSeconds } from "./session-max-age";

const password = "a long enough password";
const signOutAt = new Date("2026-12-04T10:00:00.500Z");
const hourMs = 60 * 60 * 1000;
/** Time of the checks that involve signOutAt, within the session max age of it. */
const checkedAt = new Date(signOutAt.getTime() + hourMs);

describe("getTokenUser", () => {
  let db: Database;
  let member: Account;
  let neverSignedOut: Account;

  beforeAll(async () => {
    db = await openTestDatabase();
    await new FhirStore(db).writeAll(
      ["p-1", "p-2"].map((id) => ({ kind: "put" as const, resource: { resourceType: "Patient", id } satisfies Patient })),
    );
    member = await createAccount(db, { email: "alma@example.org", name: "Alma Reyes", password, role: "member", patientId: "p-1" });
    neverSignedOut = await createAccount(db, { email: "ben@example.org", name: "Ben Ortiz", password, role: "member", patientId: "p-2" });
    await revokeSessions(db, member.id, signOutAt);
  });

  afterAll(async () => {
    await db.close();
  });

  it("accepts a token signed in after sign-out", async () => {
    const signedInAt = new Date(signOutAt.getTime() + 1);
    const token = { sub: member.id, auth_time: toAuthTime(signedInAt) } satisfies JWT;

    expect(await getTokenUser(db, token, checkedAt)).toEqual({
      id: member.id,
      name: "Alma Reyes",
      role: "member",
      patientId: "p-1",
    });
  });

  it("returns an account that never signed out", async () => {
    const token = { sub: neverSignedOut.id, auth_time: toAuthTime(new Date()) } satisfies JWT;

    expect(await getTokenUser(db, token)).toMatchObject({ id: neverSignedOut.id });
  });

  it("accepts a token signed in 7 hours ago", async () => {
    const token = { sub: neverSignedOut.id, auth_time: toAuthTime(new Date(Date.now() - 7 * hourMs)) } satisfies JWT;

    expect(await getTokenUser(db, token)).toMatchObject({ id: neverSignedOut.id });
  });

  it("rejects a token signed in 9 hours ago", async () => {
    const token = { sub: neverSignedOut.id, auth_time: toAuthTime(new Date(Date.now() - 9 * hourMs)) } satisfies JWT;

    expect(await getTokenUser(db, token)).toBeNull();
  });

  it("accepts a token at the session max age", async () => {
    const now = new Date();
    const token = { sub: neverSignedOut.id, auth_time: toAuthTime(new Date(now.getTime() - sessionMaxAgeSeconds * 1000)) } satisfies JWT;

    expect(await getTokenUser(db, token, now)).toMatchObject({ id: neverSignedOut.id });
    expect(await getTokenUser(db, token, new Date(now.getTime() + 1))).toBeNull();
  });

  const rejectedCases: { name: string; token: () => JWT | null }[] = [
    { name: "no token", token: () => null },
    { name: "token without subject", token: () => ({ auth_time: toAuthTime(signOutAt) }) },
    { name: "token without auth_time", token: () => ({ sub: member.id }) },
    { name: "token signed in before sign-out", token: () => ({ sub: member.id, auth_time: toAuthTime(new Date(signOutAt.getTime() - 1)) }) },
    { name: "token signed in the same second before sign-out", token: () => ({ sub: member.id, auth_time: toAuthTime(new Date("2026-12-04T10:00:00.100Z")) }) },
    { name: "token signed in at the sign-out millisecond", token: () => ({ sub: member.id, auth_time: toAuthTime(signOutAt) }) },
    { name: "token of a deleted account", token: () => ({ sub: "00000000-0000-4000-8000-000000000000", auth_time: toAuthTime(new Date(signOutAt.getTime() + 1)) }) },
    { name: "token whose subject is no UUID", token: () => ({ sub: "alma@example.org", auth_time: toAuthTime(new Date(signOutAt.getTime() + 1)) }) },
  ];

  it.each(rejectedCases)("rejects $name", async ({ token }) => {
    expect(await getTokenUser(db, token(), checkedAt)).toBeNull();
  });
});

describe("revokeSessions", () => {
  let db: Database;
  let account: Account;

  beforeAll(async () => {
    db = await openTestDatabase();
    account = await createAccount(db, { email: "admin@example.org", name: "Admin", password, role: "admin" });
  });

  afterAll(async () => {
    await db.close();
  });

  it("keeps the later of two sign-outs", async () => {
    const later = new Date("2026-12-04T12:00:00.000Z");

    await revokeSessions(db, account.id, later);
    await revokeSessions(db, account.id, new Date("2026-12-04T11:00:00.000Z"));

    const stored = await db.prisma.user.findUniqueOrThrow({ where: { id: account.id } });
    expect(stored.sessionsValidAfter).toEqual(later);
  });

  it("ignores an account that does not exist", async () => {
    await expect(revokeSessions(db, "00000000-0000-4000-8000-000000000000")).resolves.toBeUndefined();
  });
});
