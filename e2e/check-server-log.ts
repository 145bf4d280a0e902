import { readFileSync } from "node:fs";

import type { Patient } from "fhir/r4";

import { DEFAULT_DEMO_SEED, generateDemoData } from "@/lib/demo/generate-demo-data";

import { syntheaMember } from "./imported-member";
import { serverLogPath } from "./server-log-path";

/**
 * Fails the end-to-end run when the portal's output, after every journey ran, contains a demo
 * member's name, birth date, Patient id, member id, email or phone number. The values come from
 * the same deterministic generator e2e/prepare-database.ts seeds with, so the list is complete.
 */
export default function checkServerLog(): void {
  const port = Number(process.env.E2E_PORT ?? 3100);
  const log = readFileSync(serverLogPath(port), "utf8");
  if (!log.includes('"service":"lakeview"')) {
    throw new Error(`${serverLogPath(port)} has no log lines from the portal, so the PHI check would prove nothing; check that npm start's output is written there.`);
  }

  const leaks = listDemoIdentifiers().filter((value) => log.includes(value.text));
  if (leaks.length > 0) {
    const kinds = [...new Set(leaks.map((leak) => leak.kind))].join(", ");
    throw new Error(`The portal's output in ${serverLogPath(port)} contains ${leaks.length} demo member values (${kinds}); log ids and counts, never PHI.`);
  }
}

/** Lists the identifying values of every seeded member and of the imported Synthea member. */
function listDemoIdentifiers(): { kind: string; text: string }[] {
  const patients = generateDemoData({ members: 25, seed: DEFAULT_DEMO_SEED }).resources.filter((resource): resource is Patient => resource.resourceType === "Patient");
  const values = patients.flatMap((patient) => [
    ...(patient.name ?? []).map((name) => ({ kind: "name", text: `${name.given?.join(" ") ?? ""} ${name.family ?? ""}`.trim() })),
    { kind: "birth date", text: patient.birthDate ?? "" },
    { kind: "Patient id", text: patient.id ?? "" },
    ...(patient.identifier ?? []).map((identifier) => ({ kind: "member id", text: identifier.value ?? "" })),
    ...(patient.telecom ?? []).map((telecom) => ({ kind: telecom.system ?? "contact", text: telecom.value ?? "" })),
  ]);
  values.push({ kind: "name", text: syntheaMember.name }, { kind: "Patient id", text: syntheaMember.patientId });
  return values.filter((value) => value.text.length >= 6);
}
