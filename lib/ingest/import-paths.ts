import { readFile } from "node:fs/promises";

import type { Database } from "../db/database";
import { readIgDir } from "../config/read-ig-dir";
import { isFhirError, type FhirErrorIssue } from "../fhir/fhir-error";
import { getIgCatalog } from "../fhir/validation/get-ig-catalog";
import { FhirStore } from "../fhir/store/fhir-store";
import { ConditionalMatcher } from "./conditional-matcher";
import type { FilePlan } from "./file-plan";
import { countOutcome, countStored, createImportReport, type ImportReport } from "./import-report";
import type { ImportUnit } from "./import-unit";
import { ImportedFileRegistry, importedFileKey } from "./imported-file-registry";
import { inputFormatOf } from "./input-format-of";
import { listInputFiles, type InputFile } from "./list-input-files";
import { planMessages, type MessageScope } from "./message/plan-messages";
import type { MessagesInput } from "./message/read-messages-input";
import { parseInputFile } from "./parse-input-file";
import { PendingResources } from "./pending-resources";
import { planBundle } from "./plan-bundle";
import { planResources } from "./plan-resources";
import type { PrecomputePool } from "./precompute-pool";
import { createValidationSummary, type ImportValidation } from "./validation-summary";
import { WriteBatcher, type BatchListener, type UnitOutcome } from "./write-batcher";

/** How far an import has come; sent after every file and every committed batch. */
export interface ImportProgress {
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  resourcesStored: number;
  rejections: number;
}

export interface ImportOptions {
  /** Import files again even when imported_file lists them as finished. */
  force?: boolean;
  /** Writes per FhirStore.writeAll transaction; a transaction bundle is never split. Default 2000. */
  batchSize?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Folder of FHIR packages to validate profiles against; defaults to LAKEVIEW_IG_DIR. */
  igDir?: string;
  /**
   * Checks declared and default profiles when an IG folder is configured. Default true. Profile
   * checks take about 20 times the CPU of the rest of an import (see BENCHMARKS.md), so a bulk load of trusted
   * data may turn them off. Base R4 validation always runs.
   */
  profileValidation?: boolean;
  /**
   * The worker thread that hashes resources and formats their index rows, on PostgreSQL only
   * (see PrecomputePool). The caller starts and closes it. Without it, this thread does that work.
   */
  precomputePool?: PrecomputePool;
}

interface FileState {
  path: string;
  /** The imported_file key, from importedFileKey. */
  key: string;
  resources: number;
  rejected: number;
  /** Units handed to the batcher and not yet stored or rejected. */
  outstanding: number;
  planned: boolean;
  /** False for kept messages read again, because imported_file records only whole files. */
  recorded: boolean;
}

export const defaultBatchSize = 2000;

/**
 * Imports FHIR Bundles, single resources and NDJSON from files and folders into the store, in
 * load order (see listInputFiles). Re-importing the same input adds no resources and no
 * versions: creates keep the id of their `urn:uuid:` fullUrl, and unchanged content is not
 * written again. A file that stored at least one resource with no rejection is recorded in
 * imported_file, and later runs skip it unless `force` is set. Later runs read any other file
 * again and report its rejections again. Problems with the input are collected in the report.
 * Database failures throw, and so does a path that does not exist or a folder with no import files.
 */
export async function importPaths(db: Database, paths: readonly string[], options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const files = await listInputFiles(paths);
  const run = new ImportRun(db, files, await ImportedFileRegistry.load(db.sql), options);

  for (const file of files) {
    await run.importFile(file);
  }
  await run.finish();

  run.report.elapsedMs = performance.now() - started;
  return run.report;
}

/**
 * The state of one import while it runs: it plans and queues files or kept messages and collects
 * the report. The import_run table row of a run is written by recordImportRun, not here.
 */
export class ImportRun implements BatchListener {
  readonly report: ImportReport;
  private readonly matcher: ConditionalMatcher;
  private readonly batcher: WriteBatcher;
  private readonly states = new Map<string, FileState>();
  private readonly finished: FileState[] = [];
  private readonly seenKeys = new Set<string>();
  private readonly progress: ImportProgress;
  private readonly messageScope: MessageScope;
  private readonly validation: ImportValidation;

  constructor(
    db: Database,
    files: InputFile[],
    private readonly registry: ImportedFileRegistry,
    private readonly options: ImportOptions,
  ) {
    const pending = new PendingResources();
    const store = new FhirStore(db);
    this.validation = createImportValidation(options);
    this.report = createImportReport(files.length, this.validation.summary);
    this.matcher = new ConditionalMatcher(store, pending);
    this.messageScope = { matcher: this.matcher, store, sql: db.sql, validation: this.validation };
    const pool = db.sql.copyFrom ? options.precomputePool : undefined;
    this.batcher = new WriteBatcher(store, db.sql, pending, this.matcher, this, options.batchSize ?? defaultBatchSize, pool);
    const bytesTotal = files.reduce((sum, file) => sum + file.size, 0);
    this.progress = { filesDone: 0, filesTotal: files.length, bytesDone: 0, bytesTotal, resourcesStored: 0, rejections: 0 };
  }

  /** Reads, plans and queues one file. A file recorded by an earlier run, or read earlier in this run, is only counted. */
  async importFile(file: InputFile): Promise<void> {
    const bytes = await this.readBytes(file.path);
    if (bytes) {
      await this.importBytes(file.path, bytes);
    }

    this.progress.filesDone++;
    this.progress.bytesDone += file.size;
    this.sendProgress();
  }

  async finish(): Promise<void> {
    await this.batcher.drain();
    await this.recordFinishedFiles();
  }

  unitStored(unit: ImportUnit, outcomes: UnitOutcome[]): void {
    for (const outcome of outcomes) countOutcome(this.report, outcome.resourceType, outcome.kind);
    this.unitDone(unit);
  }

  unitRejected(unit: ImportUnit, issues: FhirErrorIssue[]): void {
    this.report.rejections.push({ ...unit.rejectAs, issues });
    const state = this.states.get(unit.file);
    if (state) state.rejected++;
    this.unitDone(unit);
  }

  async batchCommitted(): Promise<void> {
    await this.recordFinishedFiles();
    this.sendProgress();
  }

  /** Reads a file, or reports it as rejected when the operating system refuses (permissions, a vanished file). */
  private async readBytes(path: string): Promise<Buffer | undefined> {
    try {
      return await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
      this.report.files.failed++;
      this.report.rejections.push({ file: path, issues: [{ diagnostics: `File could not be read (${code}); check that it exists and is readable.` }] });
      return undefined;
    }
  }

  // NOTE: each file is read and parsed whole, so memory grows with the largest file. A bulk
  // export with NDJSON files of several GB needs line streaming here first.
  private async importBytes(path: string, bytes: Buffer): Promise<void> {
    const key = importedFileKey(inputFormatOf(path), bytes);
    if (this.seenKeys.has(key)) {
      this.report.files.duplicates++;
      return;
    }
    this.seenKeys.add(key);
    if (!this.options.force && this.registry.has(key)) {
      this.report.files.skipped++;
      return;
    }
    await this.planAndQueue(path, key, bytes.toString("utf8"));
  }

  /**
   * Plans and queues messages kept in failed_message as if read from the file at `path`. The
   * imported_file registry is neither read nor written, because the messages are not a whole file.
   */
  async importMessages(path: string, input: MessagesInput): Promise<void> {
    const plan = await planMessages(path, input, this.messageScope);
    await this.queuePlan(path, `retry:${path}`, plan);
  }

  private async planAndQueue(path: string, key: string, text: string): Promise<void> {
    const plan = await this.planFile(path, text);
    if (!plan) return;
    await this.queuePlan(path, key, plan);
  }

  private async queuePlan(path: string, key: string, plan: FilePlan): Promise<void> {
    this.report.files.read++;
    this.report.rejections.push(...plan.rejections);
    this.report.warnings.push(...(plan.warnings ?? []));
    for (const resourceType of plan.unchangedTypes ?? []) countOutcome(this.report, resourceType, "unchanged");
    const state: FileState = { path, key, resources: plan.resourceCount, rejected: plan.rejections.length, outstanding: plan.units.length, planned: false, recorded: !key.startsWith("retry:") };
    this.states.set(path, state);

    for (const unit of plan.units) {
      await this.batcher.add(unit);
    }
    state.planned = true;
    if (state.outstanding === 0) this.finished.push(state);
  }

  /** Plans a file, or reports it as failed when it is not FHIR input at all. */
  private async planFile(path: string, text: string): Promise<FilePlan | undefined> {
    try {
      const parsed = parseInputFile(path, text.replace(/^\uFEFF/, ""));
      if (parsed.kind === "messages") return await planMessages(path, parsed, this.messageScope);
      return parsed.kind === "bundle" ? await planBundle(path, parsed, this.matcher, this.validation) : await planResources(path, parsed, this.matcher, this.validation);
    } catch (error) {
      if (!isFhirError(error, "invalid")) throw error;
      this.report.files.failed++;
      this.report.rejections.push({ file: path, issues: error.issues });
      return undefined;
    }
  }

  private unitDone(unit: ImportUnit): void {
    const state = this.states.get(unit.file);
    if (!state) return;
    state.outstanding--;
    if (state.planned && state.outstanding === 0) this.finished.push(state);
  }

  /** Records the finished files that stored something and had no rejection; the others are read again by the next run. */
  private async recordFinishedFiles(): Promise<void> {
    const complete = this.finished.splice(0).filter((state) => state.recorded && state.rejected === 0 && state.resources > 0);
    await this.registry.record(complete.map((state) => ({ key: state.key, path: state.path, resources: state.resources, rejected: state.rejected })));
  }

  private sendProgress(): void {
    this.progress.resourcesStored = countStored(this.report);
    this.progress.rejections = this.report.rejections.length;
    this.options.onProgress?.({ ...this.progress });
  }
}

/** Loads the IG catalog when profile checks are on and a folder is configured. Throws when LAKEVIEW_IG_DIR is not a folder. */
function createImportValidation(options: ImportOptions): ImportValidation {
  if (options.profileValidation === false) {
    return { catalog: undefined, summary: createValidationSummary("off") };
  }
  const problems: string[] = [];
  const igDir = options.igDir ?? readIgDir(process.env, problems);
  if (problems.length > 0) throw new Error(problems.join("\n"));
  if (igDir === undefined) {
    return { catalog: undefined, summary: createValidationSummary("not-configured") };
  }
  return { catalog: getIgCatalog(igDir), summary: createValidationSummary("checked") };
}
