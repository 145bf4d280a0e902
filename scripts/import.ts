// `npm run import -- PATH...`: loads FHIR files into the database the environment names and
// prints counts, rejections, time and rate. Run with --help for the options and exit codes.
import { parseArgs } from "node:util";

import { refreshAnalyticsViews } from "@/lib/analytics/refresh-analytics-views";
import { applyMigrations } from "@/lib/db/apply-migrations";
import { databaseOptionsFromEnv, openDatabase } from "@/lib/db/database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { ANALYZE_AFTER_WRITES, analyzeStore } from "@/lib/fhir/store/analyze-store";
import { createProgressReporter } from "@/lib/ingest/create-progress-reporter";
import { formatImportReport } from "@/lib/ingest/format-import-report";
import { defaultBatchSize, importPaths, type ImportOptions } from "@/lib/ingest/import-paths";
import { PrecomputePool } from "@/lib/ingest/precompute-pool";
import { logger } from "@/lib/log/logger";
import { toErrorFields } from "@/lib/log/to-error-fields";
import { countWritten, type ImportReport } from "@/lib/ingest/import-report";
import { retryFailedMessages } from "@/lib/ingest/message/retry-failed-messages";
import { recordImportRun } from "@/lib/ingest/record-import-run";
import { updateCareGaps } from "@/lib/measures/pipeline/update-care-gaps";

const help = `Usage: npm run import -- [options] PATH...
       npm run import -- --retry-failed [options]

Loads FHIR R4 data into the database that DATABASE_URL names (PostgreSQL), or else the PGlite
folder in LAKEVIEW_DATA_DIR (default .data/pglite). Migrations are applied first.

PATH is a file or a folder; folders are searched recursively for *.json, *.ndjson, *.jsonl,
*.hl7, X12 files (*.x12, *.edi, *.837, *.837i, *.837p, *.835, *.834, *.270, *.271) and *.txt
files that start with "ISA". A .json file holds one Bundle (transaction, batch, collection,
searchset or document) or one resource; .ndjson and .jsonl files hold one resource per line.
HL7 v2 and X12 messages are converted to FHIR, each message stored whole or not at all; a
message that fails is reported with its line and kept in the failed_message table (see
docs/hl7v2-x12.md). X12 835 files load last, after the claims they pay. Synthea's hospitalInformation*
and practitionerInformation* bundles load first, then files named after provider types
(Organization*, Practitioner*, ...), then the rest in path order.

Every resource is validated against base FHIR R4. When LAKEVIEW_IG_DIR names a folder of FHIR
packages, resources are also checked against the profiles in their meta.profile and the portal's
default US Core, CARIN BB and DEQM profiles (docs/validation.md): errors of a declared profile
reject the resource, and warnings are counted per rule in the report.

A transaction bundle is stored whole or not at all. In other bundles and NDJSON files an invalid
entry is rejected and the rest load. Created resources keep the id of their urn:uuid fullUrl,
so importing the same data again adds no resources and no versions; a POST entry whose id is
already stored keeps the stored version.

DELETE entries in transaction and batch bundles delete stored resources, as FHIR transactions
do: DELETE Patient/123 deletes that patient (its history is kept), and DELETE
Patient?identifier=system|value deletes the one match. A transaction applies its deletes first.

A file whose every entry or line loaded is recorded, and later runs skip files with the same
format (JSON or NDJSON) and bytes. A file with rejections, or with no resource in it, is read and
reported again on every run; the content it writes again is unchanged and adds no versions.

An HL7 v2 or X12 value that is invalid but not required (a PID-7 birth date, a DMG03 gender) is
left out and the message stored, with a warning that names the message control id, the field,
the value and the fix. docs/hl7v2-x12.md lists which fields warn and which reject the message.

Each run is recorded in import_run and import_issue with its counts, rejections and warnings;
administrators see them at /admin/imports. --retry-failed imports the messages kept in
failed_message again, for example after a converter fix, and removes those that now store.

The report quotes rejected values and file paths, and Synthea names files after patients, so it
may contain PHI. Keep it in the operator's terminal, not in shared logs.

After the import, the care gaps of every patient whose data changed are evaluated again and
stored (docs/care-gaps.md); progress goes to standard error.

Options:
  --force            import files again even if an earlier run recorded them; HL7 v2 and X12
                     messages that an earlier run stored are still not written again
  --retry-failed     import the messages kept in failed_message again instead of PATHs
  --strict           exit with code 1 when anything at all was rejected
  --skip-profiles    validate against base R4 only, even when LAKEVIEW_IG_DIR is set; profile
                     checks take about 20 times the CPU of the rest of an import
  --batch-size N     writes per database transaction (default ${defaultBatchSize}); a transaction
                     bundle is never split
  -h, --help         show this text

Exit codes:
  0  every file was read; rejected entries, lines and transaction bundles are listed
  1  a file could not be read as FHIR at all (empty, not JSON, not a resource, unsupported Bundle
     type), the database failed, or --strict and something was rejected
  2  the command line is wrong, a PATH does not exist, or a folder PATH contains no file of the
     kinds listed above
`;

interface CommandLine {
  paths: string[];
  force: boolean;
  strict: boolean;
  retryFailed: boolean;
  skipProfiles: boolean;
  batchSize: number;
}

function parseCommandLine(): CommandLine {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      force: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      "retry-failed": { type: "boolean", default: false },
      "skip-profiles": { type: "boolean", default: false },
      "batch-size": { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  if (values.help) {
    process.stdout.write(help);
    process.exit(0);
  }

  const batchSize = values["batch-size"] === undefined ? defaultBatchSize : Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new UsageError(`--batch-size "${values["batch-size"]}" is not a positive whole number of writes.`);
  }
  const retryFailed = values["retry-failed"];
  if (retryFailed && positionals.length > 0) {
    throw new UsageError(`--retry-failed reads the failed_message table, so it takes no PATH; remove ${positionals.join(" ")} or run the two imports separately.`);
  }
  if (!retryFailed && positionals.length === 0) {
    throw new UsageError("No PATH given; name at least one file or folder to import, or pass --retry-failed.");
  }
  return { paths: positionals, force: values.force, strict: values.strict, retryFailed, skipProfiles: values["skip-profiles"], batchSize };
}

class UsageError extends Error {}

async function main(): Promise<number> {
  const { paths, force, strict, retryFailed, skipProfiles, batchSize } = parseCommandLine();
  const db = await openDatabase(databaseOptionsFromEnv());
  const progress = createProgressReporter(process.stderr);

  // On PostgreSQL a worker thread hashes and indexes resources while this one parses and writes.
  // An import without it stores the same, only slower.
  const precomputePool = db.sql.copyFrom
    ? await PrecomputePool.start().catch((error: unknown) => {
        logger.warn(toErrorFields(error), "precompute worker did not start; importing without it");
        return undefined;
      })
    : undefined;

  try {
    await applyMigrations(db);
    const options: ImportOptions = { force, batchSize, profileValidation: !skipProfiles, onProgress: (state) => progress.update(state), precomputePool };
    const { report, runId, summary } = await recordImportRun(db, "cli", async (): Promise<{ report: ImportReport; summary?: string }> => {
      if (!retryFailed) return { report: await importPaths(db, paths, options) };
      const outcome = await retryFailedMessages(db, options);
      return { report: outcome.report, summary: `Retried ${outcome.retried} failed messages; ${outcome.resolved} stored and were removed from failed_message.` };
    });
    progress.stop();
    console.log(formatImportReport(report));
    if (summary) console.log(summary);
    console.log(`Recorded as import run ${runId}.`);
    if (countWritten(report) >= ANALYZE_AFTER_WRITES) await analyzeStore(db);
    await updateCareGaps(db, { print: (line) => console.error(line) });
    const views = await refreshAnalyticsViews(db);
    console.error(`Refreshed ${views.length} analytics views.`);
    if (report.files.failed > 0) return 1;
    return strict && report.rejections.length > 0 ? 1 : 0;
  } finally {
    progress.stop();
    await precomputePool?.close();
    await db.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof UsageError || (error instanceof Error && "code" in error && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION")) {
    console.error(`${error.message}\nRun with --help for usage.`);
    process.exitCode = 2;
  } else if (isFhirError(error, "not-found")) {
    console.error(error.message);
    process.exitCode = 2;
  } else {
    console.error(`Import failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
