import fs from "node:fs";
import path from "node:path";
import type { Bundle, Resource } from "fhir/r4";

/** Public sample data (Synthea bundles, CARIN Blue Button examples) kept outside the repository. */
export const SAMPLE_DATA_DIR = path.resolve(import.meta.dirname, "../../../shared/data");
const SAMPLE_FOLDERS = ["synthea", "carin-bb"];

/** A sample resource and the file it came from, for failure messages. */
export interface SampleResource {
  file: string;
  resource: Resource;
}

/** Tells whether the sample data folders exist. Tests that read them skip when they do not. */
export function hasSampleData(): boolean {
  return SAMPLE_FOLDERS.every((folder) => fs.existsSync(path.join(SAMPLE_DATA_DIR, folder)));
}

/**
 * Reads every resource of the Synthea bundles and the CARIN examples. Bundle entries refer to each
 * other by `urn:uuid:` full URLs, which this rewrites to "Type/id" as an import does.
 */
export function readSampleResources(): SampleResource[] {
  const resources: SampleResource[] = [];
  for (const folder of SAMPLE_FOLDERS) {
    for (const file of listJsonFiles(path.join(SAMPLE_DATA_DIR, folder))) {
      const parsed: Resource = JSON.parse(fs.readFileSync(file, "utf8"));
      const relativeFile = path.relative(SAMPLE_DATA_DIR, file);
      for (const resource of isBundle(parsed) ? entriesOf(parsed) : [parsed]) {
        resources.push({ file: relativeFile, resource });
      }
    }
  }
  return resources;
}

function listJsonFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(folder, name));
}

function isBundle(resource: Resource): resource is Bundle {
  return resource.resourceType === "Bundle";
}

function entriesOf(bundle: Bundle): Resource[] {
  const localReferences = new Map<string, string>();
  for (const entry of bundle.entry ?? []) {
    if (entry.fullUrl && entry.resource?.id) {
      localReferences.set(entry.fullUrl, `${entry.resource.resourceType}/${entry.resource.id}`);
    }
  }
  return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [rewriteReferences(entry.resource, localReferences)] : []));
}

function rewriteReferences<T>(value: T, localReferences: Map<string, string>): T {
  const text = JSON.stringify(value, (key, field: unknown) =>
    key === "reference" && typeof field === "string" ? (localReferences.get(field) ?? field) : field,
  );
  return JSON.parse(text);
}
