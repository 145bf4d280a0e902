import type { SqlClient } from "../db/sql-client";
import { isFhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import type { FhirStore } from "../fhir/store/fhir-store";
import { precomputeOrLeave } from "../fhir/store/precompute-write";
import type { WriteOutcomeKind } from "../fhir/store/resource-write";
import type { ConditionalMatcher } from "./conditional-matcher";
import { filterExistingCreates } from "./filter-existing-creates";
import type { CountKind } from "./import-report";
import type { ImportUnit } from "./import-unit";
import type { PendingResources } from "./pending-resources";
import type { PrecomputePool } from "./precompute-pool";

/** The outcome for one resource of a stored unit. */
export interface UnitOutcome {
  resourceType: string;
  kind: CountKind;
}

/** Receives the fate of every unit handed to the batcher. */
export interface BatchListener {
  unitStored(unit: ImportUnit, outcomes: UnitOutcome[]): void;
  unitRejected(unit: ImportUnit, issues: FhirErrorIssue[]): void;
  /** Runs after each batch, once its units are reported; the import records finished files here. */
  batchCommitted(): Promise<void>;
}

const countKindOf: Record<WriteOutcomeKind, CountKind> = {
  created: "created",
  updated: "updated",
  unchanged: "unchanged",
  deleted: "deleted",
  absent: "unchanged",
};

/**
 * Collects import units into batches of about `batchSize` writes and stores each batch with one
 * FhirStore.writeAll transaction, never splitting a unit. One batch commits while the caller
 * parses the next, so PostgreSQL works while Node parses. When a batch fails, its units are
 * retried one by one so that only the failing unit is rejected.
 */
export class WriteBatcher {
  private queued: ImportUnit[] = [];
  private queuedWrites = 0;
  private inFlight: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly store: FhirStore,
    private readonly sql: SqlClient,
    private readonly pending: PendingResources,
    private readonly matcher: ConditionalMatcher,
    private readonly listener: BatchListener,
    private readonly batchSize: number,
    /**
     * The worker thread that precomputes writes, when given. Only PostgreSQL uses it, because only
     * there are index rows copied.
     */
    private readonly pool?: PrecomputePool,
  ) {}

  /**
   * Queues a unit, making its resources visible to conditional matching, and starts a batch when
   * enough writes are queued. The store's work that does not depend on stored data (JSON, hashes,
   * index rows) is started here, while the batch in flight commits, so Node and PostgreSQL work at
   * the same time.
   */
  async add(unit: ImportUnit): Promise<void> {
    for (const resource of unit.pendingResources) this.pending.add(resource);
    for (const { write } of unit.writes) {
      if (write.kind !== "put") continue;
      if (this.pool) this.pool.add(write);
      else write.precomputed = precomputeOrLeave(write.resource, this.sql.copyFrom !== undefined);
    }
    this.queued.push(unit);
    this.queuedWrites += unit.writes.length;
    if (this.queuedWrites >= this.batchSize) {
      await this.flush();
    }
  }

  /**
   * Waits for the batch in flight, then starts committing what is queued. Batches commit one at a
   * time, so the check for existing creates finds every earlier write. A second concurrent batch
   * measured no faster on two cores, because Node is the busier side there.
   */
  async flush(): Promise<void> {
    await this.inFlight;
    this.throwFailure();
    if (this.queued.length === 0) return;

    const batch = this.queued;
    this.queued = [];
    this.queuedWrites = 0;
    const precomputed = this.pool?.settled();
    // Held, not awaited, so parsing goes on; the failure is rethrown by the next flush or drain.
    this.inFlight = this.commit(batch, precomputed).catch((error: unknown) => {
      this.failure = { error };
    });
  }

  /** Commits everything queued and waits for it. */
  async drain(): Promise<void> {
    await this.flush();
    await this.inFlight;
    this.throwFailure();
  }

  private async commit(batch: ImportUnit[], precomputed: Promise<void> | undefined): Promise<void> {
    await precomputed;
    try {
      await this.commitUnits(batch);
    } catch (error) {
      if (batch.length === 1 && batch[0]) {
        await this.rejectOrRethrow(batch[0], error);
      } else {
        await this.commitOneByOne(batch);
      }
    }

    for (const unit of batch) {
      for (const resource of unit.pendingResources) this.pending.remove(resource);
    }
    this.matcher.forgetStored();
    await this.listener.batchCommitted();
  }

  private async commitOneByOne(batch: ImportUnit[]): Promise<void> {
    for (const unit of batch) {
      try {
        await this.commitUnits([unit]);
      } catch (error) {
        await this.rejectOrRethrow(unit, error);
      }
    }
  }

  private async commitUnits(units: ImportUnit[]): Promise<void> {
    const { sends, skipped } = await filterExistingCreates(this.sql, units);
    const outcomes = await this.store.writeAll(sends.map((send) => send.write));

    const perUnit: UnitOutcome[][] = units.map((unit) => unit.matchedTypes.map((resourceType) => ({ resourceType, kind: "existing" })));
    for (const skip of skipped) {
      perUnit[skip.unitIndex]?.push({ resourceType: skip.resourceType, kind: skip.kind });
    }
    outcomes.forEach((outcome, index) => {
      const unitIndex = sends[index]?.unitIndex ?? 0;
      perUnit[unitIndex]?.push({ resourceType: outcome.resourceType, kind: countKindOf[outcome.kind] });
    });
    units.forEach((unit, index) => this.listener.unitStored(unit, perUnit[index] ?? []));
  }

  /**
   * Rejects a unit whose write failed because of its data. A failure that also breaks a trivial
   * query means the database is unreachable, so it is rethrown and ends the import instead.
   */
  private async rejectOrRethrow(unit: ImportUnit, error: unknown): Promise<void> {
    if (isFhirError(error)) {
      this.listener.unitRejected(unit, error.issues);
      return;
    }
    await this.sql.query("SELECT 1").catch(() => {
      throw error;
    });
    this.listener.unitRejected(unit, [{ diagnostics: describeDatabaseError(error) }]);
  }

  private throwFailure(): void {
    if (this.failure) throw this.failure.error;
  }
}

/**
 * Names a database failure by its code only: PostgreSQL quotes the offending JSON in its
 * messages, and that is resource content.
 */
function describeDatabaseError(error: unknown): string {
  const code = databaseErrorCode(error);
  return `The database rejected this write (${code ? `error code ${code}` : "no error code"}); its message is left out because it can quote resource content. Check the resource for NUL characters (\\u0000) or values PostgreSQL cannot store.`;
}

function databaseErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const meta = "meta" in error ? error.meta : undefined;
  if (typeof meta === "object" && meta !== null && "code" in meta && typeof meta.code === "string") return meta.code;
  return "code" in error && typeof error.code === "string" ? error.code : undefined;
}

