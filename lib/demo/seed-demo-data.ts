import type { FhirResource } from "fhir/r4";

import { createAccount } from "../auth/create-account";
import type { Database } from "../db/database";
import { FhirStore } from "../fhir/store/fhir-store";
import { seedSmartClients } from "../smart/seed-smart-clients";
import type { DemoAccount } from "./generate-demo-data";
import { DEFAULT_DEMO_SEED, streamDemoData } from "./generate-demo-data";

/** Writes per store transaction; large enough to batch well, small enough to show progress. */
const batchSize = 2000;

/** How far a seed has come, reported after each batch is stored. */
export interface SeedProgress {
  membersDone: number;
  members: number;
  resources: number;
}

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
  options: { members: number; seed?: number; today?: Date; smartKeyFile?: string; onProgress?: (progress: SeedProgress) => void },
): Promise<SeedResult | null> {
  if ((await db.prisma.user.count()) > 0) {
    return null;
  }

  const data = streamDemoData({ members: options.members, seed: options.seed ?? DEFAULT_DEMO_SEED, today: options.today });
  const store = new FhirStore(db);
  let pending: FhirResource[] = [];
  let resources = 0;
  for (const chunk of data.chunks()) {
    pending.push(...chunk.resources);
    if (pending.length >= batchSize) {
      await store.writeAll(pending.map((resource) => ({ kind: "put", resource })));
      resources += pending.length;
      pending = [];
      options.onProgress?.({ membersDone: chunk.membersDone, members: options.members, resources });
    }
  }
  await store.writeAll(pending.map((resource) => ({ kind: "put", resource })));
  resources += pending.length;
  options.onProgress?.({ membersDone: options.members, members: options.members, resources });

  await seedSmartClients(db, { keyFile: options.smartKeyFile });
  for (const account of data.accounts) {
    await createAccount(db, account);
  }
  return { members: options.members, resources, accounts: data.accounts };
}
