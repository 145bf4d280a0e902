import { Worker } from "node:worker_threads";

import type { FhirResource } from "fhir/r4";

import { indexTableNames, type IndexCopyText } from "../fhir/store/replace-search-index";
import { precomputeOrLeave, type PrecomputedWrite } from "../fhir/store/precompute-write";
import { serializeWithoutHash } from "../fhir/store/serialize-resource";
import { logger } from "../log/logger";
import { toErrorFields } from "../log/to-error-fields";
import { offsetStride, type ChunkItem, type ChunkResult } from "./precompute-chunk";
import type { ChunkRequest } from "./precompute-worker";

/** A write the pool precomputes: `precomputed` is set once its chunk comes back. */
export interface PoolWrite {
  resource: FhirResource;
  precomputed?: PrecomputedWrite;
}

/** Resources per message to the worker. A Synthea patient bundle has a few hundred entries. */
const chunkSize = 128;

/**
 * Hashes resources and formats their index COPY text in a worker thread, while the main thread
 * parses, validates and writes. The main thread serializes each resource once, as it would
 * anyway, and sends the JSON: cloning parsed objects to the worker would cost about as much as
 * the work it moves (see docs/import.md). The worker sends the COPY text back as bytes, ready for
 * the socket. For PostgreSQL only, where index rows go through COPY.
 *
 * If the worker fails, the writes it had are precomputed on the main thread instead, and so is
 * every later one. The worker keeps the process alive only while results are due; `close` ends it.
 */
export class PrecomputePool {
  private readonly worker: Worker;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (result: ChunkResult) => void; reject: (error: unknown) => void }>();
  private chunk: { write: PoolWrite; item: ChunkItem }[] = [];
  private outstanding: Promise<void>[] = [];
  private failed = false;
  private workerWrites = 0;

  private constructor(worker: Worker) {
    this.worker = worker;
    this.worker.on("message", (message: ChunkResult & { id: number }) => {
      this.waiting.get(message.id)?.resolve(message);
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) this.worker.unref();
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`The precompute worker stopped with exit code ${code}.`)));
  }

  /**
   * Starts the worker and waits until it has loaded its code and compiled the search parameters,
   * so that an import does not wait for that on its first chunk. Throws when the worker fails to start.
   */
  static async start(): Promise<PrecomputePool> {
    const worker = new Worker(new URL("./precompute-worker.mjs", import.meta.url));
    await new Promise<void>((resolve, reject) => {
      const onExit = (code: number): void => reject(new Error(`The precompute worker stopped with exit code ${code} before it was ready.`));
      worker.once("error", reject).once("exit", onExit);
      worker.once("message", () => {
        // Only these two, because removeAllListeners would also remove the worker's own
        // listeners, which deliver messages.
        worker.off("error", reject).off("exit", onExit);
        resolve();
      });
    });
    worker.unref();
    return new PrecomputePool(worker);
  }

  /** Queues a write. Its `precomputed` is set by the time `settled` resolves. */
  add(write: PoolWrite): void {
    if (this.failed) {
      precomputeHere(write);
      return;
    }
    const { resource } = write;
    let item: ChunkItem;
    try {
      item = { ...serializeWithoutHash(resource), metaJson: resource.meta === undefined ? undefined : JSON.stringify(resource.meta) };
    } catch {
      // Deliberately ignored: the store serializes the resource again in the unit's transaction,
      // and that failure rejects the unit there.
      return;
    }
    this.chunk.push({ write, item });
    if (this.chunk.length >= chunkSize) this.send();
  }

  /** Waits until every write added so far has its `precomputed` set. */
  async settled(): Promise<void> {
    this.send();
    const outstanding = this.outstanding;
    this.outstanding = [];
    await Promise.all(outstanding);
  }

  /** Counts the writes whose precomputation came from the worker, for tests and diagnostics. */
  get precomputedInWorker(): number {
    return this.workerWrites;
  }

  /** Ends the worker; writes added later are precomputed on this thread. */
  async close(): Promise<void> {
    this.failed = true;
    await this.worker.terminate();
  }

  private send(): void {
    if (this.chunk.length === 0) return;
    const chunk = this.chunk;
    this.chunk = [];
    // Writes queued after the worker stopped are precomputed here, because it would never reply.
    if (this.failed) {
      for (const entry of chunk) precomputeHere(entry.write);
      return;
    }
    const id = this.nextId++;
    const result = new Promise<ChunkResult>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    const request: ChunkRequest = { id, items: chunk.map((entry) => entry.item) };
    // The worker is referenced while results are due, so that awaiting them keeps the
    // process running.
    this.worker.ref();
    this.worker.postMessage(request);
    this.outstanding.push(
      result.then(
        (answer) => {
          chunk.forEach((entry, index) => (entry.write.precomputed = fromChunkResult(entry.item, answer, index)));
          this.workerWrites += chunk.length;
        },
        () => chunk.forEach((entry) => precomputeHere(entry.write)),
      ),
    );
  }

  private fail(error: unknown): void {
    if (!this.failed) logger.warn(toErrorFields(error), "precompute worker failed; the import goes on without it");
    this.failed = true;
    for (const { reject } of this.waiting.values()) reject(error);
    this.waiting.clear();
  }
}

/** Precomputes a write on this thread, as the import does without a worker on PostgreSQL. */
function precomputeHere(write: PoolWrite): void {
  write.precomputed = precomputeOrLeave(write.resource, true);
}

function fromChunkResult(item: ChunkItem, result: ChunkResult, index: number): PrecomputedWrite | undefined {
  const hash = result.hashes[index];
  if (!hash) return undefined;
  const indexCopyText: IndexCopyText = {};
  const base = index * offsetStride;
  indexTableNames.forEach((table, position) => {
    const start = result.offsets[base + position] ?? 0;
    const end = result.offsets[base + position + 1] ?? 0;
    if (end > start) indexCopyText[table] = result.bytes.subarray(start, end);
  });
  return { serialized: { hash, body: item.body, keptMetaJson: item.keptMetaJson }, indexCopyText };
}
