import { createAccount } from "../auth/create-account";
import type { Database } from "../db/database";
import { FhirStore } from "../fhir/store/fhir-store";
import { seedSmartClients } from "../smart/seed-smart-clients";
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
 * stopped half-way can simply run again. The demo SMART clients are registered too; with
 * `smartKeyFile`, the backend client's private key is written there (see seedSmartClients).
 */
export async function seedDemoData(
  db: Database,
  options: { members: number; seed?: number; today?: Date; smartKeyFile?: string },
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

  await seedSmartClients(db, { keyFile: options.smartKeyFile });
  for (const account of data.accounts) {
    await createAccount(db, account);
  }
  return { members: options.members, resources: data.resources.length, accounts: data.accounts };
}
