// Prepares the end-to-end database before `npm start` serves it: the demo population, plus two
// imported Synthea patients and the CARIN examples when ../shared/data is present, with a member
// account for one Synthea patient, and one recorded import run of a small HL7 v2 file with a
// warning and a rejected message for the admin imports journey. `npm start` then finds accounts
// and leaves the data alone.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import { createAccount } from "@/lib/auth/create-account";
import type { Database } from "@/lib/db/database";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { databaseOptionsFromEnv, openDatabase } from "@/lib/db/database";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { importPaths } from "@/lib/ingest/import-paths";
import { recordImportRun } from "@/lib/ingest/record-import-run";

import { demoAccounts } from "./demo-accounts";
import { sharedDataDir, syntheaMember } from "./imported-member";
import { importsFixture } from "./imports-fixture";

const db = await openDatabase(databaseOptionsFromEnv());
try {
  await applyMigrations(db);
  await seedDemoData(db, { members: 25 });
  await addSecondCareManager(db);

  if (existsSync(sharedDataDir)) {
    const synthea = path.join(sharedDataDir, "synthea/smart-generated-sample-data-r4");
    const report = await importPaths(db, [
      path.join(synthea, syntheaMember.file),
      path.join(synthea, syntheaMember.otherFile),
      path.join(sharedDataDir, "carin-bb/stu2.0.0"),
    ]);
    if (report.rejections.length > 0) {
      throw new Error(`The end-to-end import rejected ${report.rejections.length} entries; run npm run import on the same files to see them.`);
    }
    await createAccount(db, {
      email: syntheaMember.email,
      password: syntheaMember.password,
      name: syntheaMember.name,
      role: "member",
      patientId: syntheaMember.patientId,
    });
    console.log("Imported the Synthea and CARIN samples for the end-to-end suite.");
  } else {
    console.log(`${sharedDataDir} is absent, so the end-to-end suite runs on demo data only.`);
  }

  const fixtureDir = await mkdtemp(path.join(tmpdir(), "lakeview-e2e-imports-"));
  try {
    await writeFile(path.join(fixtureDir, importsFixture.fileName), importsFixture.text);
    await recordImportRun(db, "cli", async () => ({ report: await importPaths(db, [fixtureDir]) }));
  } finally {
    await rm(fixtureDir, { recursive: true, force: true });
  }
} finally {
  await db.close();
}

/**
 * Creates a second care manager whose panel is every demo patient that is not on the first care
 * manager's panel, so the attack suite has two care managers with disjoint panels.
 */
async function addSecondCareManager(database: Database): Promise<void> {
  const rows = await database.sql.query<{ id: string }>(
    `SELECT r.id FROM resource r
     WHERE r.resource_type = 'Patient' AND NOT r.deleted
       AND NOT EXISTS (SELECT 1 FROM care_panel_member member WHERE member.patient_id = r.id)
     ORDER BY r.id`,
  );
  await createAccount(database, {
    email: demoAccounts.careManager2.email,
    password: demoAccounts.careManager2.password,
    name: "Casey Lindqvist",
    role: "care_manager",
    panelPatientIds: rows.map((row) => row.id),
  });
}
