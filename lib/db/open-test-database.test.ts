import { describe, expect, it } from "vitest";

import { openTestDatabase } from "./open-test-database";

// `npm test` names each pass's backend in LAKEVIEW_TEST_PASS, so this catches a pass that ran on
// the other backend, as the PGlite pass once did when CI exported TEST_DATABASE_URL.
const pass = process.env.LAKEVIEW_TEST_PASS;

describe.skipIf(!pass)("openTestDatabase", () => {
  it("opens the backend of the current pass", async () => {
    const db = await openTestDatabase();

    const kind = db.kind;
    await db.close();

    expect(kind).toBe(pass);
  });
});
