import { resolveExportDir } from "../bulk/resolve-export-dir";
import { DEFAULT_EXPORT_RUN_OPTIONS, type ExportRunOptions } from "../bulk/run-bulk-export";
import type { FhirContext } from "./fhir-request";

/** Returns the export run settings of a request: the context's, else the defaults. */
export function exportRunOptions(context: FhirContext): ExportRunOptions {
  return {
    ...DEFAULT_EXPORT_RUN_OPTIONS,
    exportDir: context.bulkExport?.exportDir ?? resolveExportDir(),
    ...(context.bulkExport?.maxResourcesPerFile ? { maxResourcesPerFile: context.bulkExport.maxResourcesPerFile } : {}),
  };
}
