import { createAccount } from "../auth/create-account";
import type { Database } from "../db/database";
import { FhirStore } from "../fhir/store/fhir-store";
import type { DemoAccount } from "./generate-demo-data";
import { DEFAULT_DEMO_SEED, generateDemoData } from "./generate-demo-data";

/** Writes per store transaction; large enough to batch well, small enough to show progress. */
const batchSize = 2000;

export interface SeedResult {
  members: number;
  resources: number;
  accounts: DemoAccount[];
}

/**
 * Loads the demo population into a database that has no accounts yet and returns what it
 * loaded, or null when accounts exist. Writes of unchanged resources are no-ops, so a seed that
 * stopped half-way can simply run again.
 */
export async function seedDemoData(
  db: Database,
  options: { members: number; seed?: number; today?: Date },
): Promise<SeedResult | null> {
  if ((await db.prisma.user.count()) > 0) {
    return null;
  }

  const data = generateDemoData({ members: options.members, seed: options.seed ?? DEFAULT_DEMO_SEED, today: options.today });
  const store = new FhirStore(db);
  for (let start = 0; start < data.resources.length; start += batchSize) {
    const batch = data.resources.slice(start, start + batchSize);
    await store.writeAll(batch.map((resource) => ({ kind: "put", resource })));
  }

  for (const account of data.accounts) {
    await createAccount(db, account);
  }
  return { members: options.members, resources: data.resources.length, accounts: data.accounts };
}
