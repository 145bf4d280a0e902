import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { Database } from "../../db/database";
import { openTestDatabase } from "../../db/open-test-database";
import { addUser, errorOf, patient, putAll } from "../testing/care-fixtures";
import { addPanelPatient } from "./add-panel-patient";
import { listCareManagerAccounts } from "./list-care-manager-accounts";
import { listPanelPatients } from "./list-panel-patients";
import { removePanelPatient } from "./remove-panel-patient";
import { searchPatients } from "./search-patients";

describe("panel administration", () => {
  let db: Database;
  let carol: string;
  let member: string;

  beforeAll(async () => {
    db = await openTestDatabase();
    await putAll(db, [patient("pat-1", "José", "Gómez", "1961-02-03"), patient("pat-2", "Joseph", "Gray", "1975-05-06"), patient("pat-3", "Ana", "Ruiz", "1980-07-08")]);
    carol = await addUser(db, "care_manager", "Carol Whitfield");
    member = await addUser(db, "member", "Ana Ruiz", "pat-3");
  });

  afterAll(async () => {
    await db.close();
  });

  it("searches by name words, accents ignored", async () => {
    expect((await searchPatients(db, "jose gomez")).map((found) => found.id)).toEqual(["pat-1"]);
    expect((await searchPatients(db, "jos")).map((found) => found.id)).toEqual(["pat-1", "pat-2"]);
    expect(await searchPatients(db, "   ")).toEqual([]);
  });

  it("searches by exact patient id", async () => {
    expect(await searchPatients(db, "pat-3")).toEqual([{ id: "pat-3", name: "Ana Ruiz", birthDate: "1980-07-08" }]);
  });

  it("adds once, lists and removes", async () => {
    await addPanelPatient(db, carol, "pat-1");
    await addPanelPatient(db, carol, "pat-1");
    await addPanelPatient(db, carol, "pat-2");

    expect((await listPanelPatients(db, carol)).map((listed) => listed.id)).toEqual(["pat-1", "pat-2"]);
    expect(await listCareManagerAccounts(db)).toEqual([{ id: carol, name: "Carol Whitfield", panelSize: 2 }]);

    await removePanelPatient(db, carol, "pat-1");
    expect((await listPanelPatients(db, carol)).map((listed) => listed.id)).toEqual(["pat-2"]);
  });

  it.each([
    ["an unknown patient", (): [string, string] => [carol, "pat-ghost"], "Patient/pat-ghost is not stored; search for the patient and add them from the results."],
    ["a member account as care manager", (): [string, string] => [member, "pat-1"], `is not a care manager account; pick one from the list.`],
  ])("rejects adding for %s", async (_name, args, message) => {
    const [careManagerId, patientId] = args();

    const error = await errorOf(addPanelPatient(db, careManagerId, patientId));

    expect(error.code).toBe("invalid");
    expect(error.message).toBe(message.startsWith("Patient/") ? message : `User ${careManagerId} ${message}`);
  });
});
