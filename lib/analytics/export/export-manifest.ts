import { readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/** What one view's files were written from, so an unchanged view is not written again. */
export interface ExportedView {
  /** analytics_view_state.definition_hash at export. */
  definitionHash: string;
  /** analytics_view_state.watermark at export, as an ISO instant, or null. */
  watermark: string | null;
  rowCount: number;
  resourceType: string;
  periodColumn: string | null;
  files: number;
  bytes: number;
  exportedAt: string;
}

/** `_manifest.json` in the output folder: one entry per exported view, keyed by view name. */
export interface ExportManifest {
  views: Record<string, ExportedView>;
}

const MANIFEST_FILE = "_manifest.json";

/** Reads the manifest of `outDir`; a missing one is empty. */
export async function readExportManifest(outDir: string): Promise<ExportManifest> {
  try {
    return JSON.parse(await readFile(path.join(outDir, MANIFEST_FILE), "utf8")) as ExportManifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { views: {} };
    throw error;
  }
}

/** Writes the manifest through a temporary file and a rename, so a crash leaves the old one whole. */
export async function writeExportManifest(outDir: string, manifest: ExportManifest): Promise<void> {
  const temporary = path.join(outDir, `.${MANIFEST_FILE}.${process.pid}`);
  await writeFile(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(temporary, path.join(outDir, MANIFEST_FILE));
}
