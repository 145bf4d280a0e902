import { open, readdir, stat } from "node:fs/promises";
import path from "node:path";

import { FhirError } from "../fhir/fhir-error";
import { x12Extensions } from "./input-format-of";

/** A file the import will read. */
export interface InputFile {
  path: string;
  /** Size in bytes, for progress. */
  size: number;
}

const inputExtensions = [".json", ".ndjson", ".jsonl", ".hl7", ...x12Extensions];

// Synthea writes the Organizations and Practitioners that every patient bundle refers to in
// these companion bundles, and bulk exports name NDJSON files after their resource type. Loading
// them first lets conditional references and conditional creates in later files find them.
const providerBundleName = /^(hospitalInformation|practitionerInformation)/;
const providerTypeName = /^(Organization|Practitioner|PractitionerRole|Location|HealthcareService|Endpoint)([-_.]|$)/;

/**
 * Lists the import files under the given files and folders, without duplicates. Folders are
 * searched recursively for *.json, *.ndjson, *.jsonl, *.hl7, the X12 extensions, and *.txt files
 * that start with "ISA". The load order is Synthea provider bundles first, then files named after
 * provider resource types, then the rest, then X12 835 remittances, each group sorted by path.
 * A path given explicitly is kept whatever its extension. Throws not-found for a missing path and
 * for a folder that contains no file with one of those extensions.
 */
export async function listInputFiles(paths: readonly string[]): Promise<InputFile[]> {
  const found = new Map<string, InputFile>();
  for (const inputPath of paths) {
    for (const file of await listOne(inputPath)) {
      found.set(path.resolve(file.path), file);
    }
  }
  return [...found.values()].sort(compareLoadOrder);
}

async function listOne(inputPath: string): Promise<InputFile[]> {
  const info = await stat(inputPath).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") {
      throw new FhirError("not-found", `Input path ${inputPath} was not found; check the spelling or give the folder that contains it.`);
    }
    throw error;
  });
  if (info.isFile()) {
    return [{ path: inputPath, size: info.size }];
  }

  const entries = await readdir(inputPath, { recursive: true, withFileTypes: true });
  const candidates = entries.filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isCandidate(entry.name));
  const described = await Promise.all(candidates.map((entry) => describeFile(path.join(entry.parentPath, entry.name))));
  const kept = await Promise.all(described.map(async (file) => (file && (await isInputText(file.path)) ? file : undefined)));
  const files = kept.flatMap((file) => (file ? [file] : []));
  if (files.length === 0) {
    throw new FhirError("not-found", `Folder ${inputPath} contains no *.json, *.ndjson, *.jsonl, *.hl7 or X12 file, so there is nothing to import. Give the folder that contains the files, or name the files.`);
  }
  return files;
}

function isCandidate(name: string): boolean {
  const extension = path.extname(name).toLowerCase();
  return extension === ".txt" || inputExtensions.includes(extension);
}

/** Keeps a .txt file found in a folder only when it is an X12 interchange, which starts with "ISA". */
async function isInputText(filePath: string): Promise<boolean> {
  if (path.extname(filePath).toLowerCase() !== ".txt") return true;
  const handle = await open(filePath, "r").catch(() => undefined);
  if (!handle) return true;
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8), 0, 8, 0);
    return buffer.subarray(0, bytesRead).toString("latin1").replace(/^\xEF\xBB\xBF/, "").trimStart().startsWith("ISA");
  } finally {
    await handle.close();
  }
}

/** Stats a listed file, following symbolic links; a link to a folder is left out, a broken one kept so reading it reports the error. */
async function describeFile(filePath: string): Promise<InputFile | undefined> {
  const info = await stat(filePath).catch(() => undefined);
  if (info && !info.isFile()) return undefined;
  return { path: filePath, size: info?.size ?? 0 };
}

function compareLoadOrder(a: InputFile, b: InputFile): number {
  const byRank = loadRank(a.path) - loadRank(b.path);
  if (byRank !== 0) return byRank;
  if (a.path === b.path) return 0;
  return a.path < b.path ? -1 : 1;
}

function loadRank(filePath: string): number {
  const name = path.basename(filePath);
  if (providerBundleName.test(name)) return 0;
  if (providerTypeName.test(name)) return 1;
  // Remittances (835) load after claims (837), so that their explanations of benefit find the claim.
  if (path.extname(name).toLowerCase() === ".835") return 3;
  return 2;
}
