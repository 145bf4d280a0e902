import path from "node:path";

/** The public sample data beside the project; the journeys that need it skip without it. */
export const sharedDataDir = path.resolve(import.meta.dirname, "../../shared/data");

/**
 * A Synthea patient that e2e/prepare-database.ts imports and gives a sign-in, and a second one
 * whose claims must never show on the first one's pages.
 */
export const syntheaMember = {
  file: "Louis_Maggio_2e275d4b-855a-4eb2-9021-5410aa8acd4f.json",
  otherFile: "Morris_Lockman_cd9e9826-aea1-4682-adc0-c1d97633bf31.json",
  patientId: "bae2bf00-eca1-47fb-bb43-272f8de1449c",
  name: "Louis Maggio",
  email: "synthea.member@lakeview.example",
  password: "synthea-member-2026",
};
