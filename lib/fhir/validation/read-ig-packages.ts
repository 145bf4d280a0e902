import fs from "node:fs";
import path from "node:path";
import type { CodeSystem, StructureDefinition, ValueSet } from "fhir/r4";

import { isJsonObject } from "../is-json-object";

/** The conformance resources of one FHIR package folder. */
export interface IgPackage {
  /** Package id, such as "hl7.fhir.us.core". */
  name: string;
  version: string;
  structureDefinitions: StructureDefinition[];
  valueSets: ValueSet[];
  codeSystems: CodeSystem[];
}

/**
 * Reads every FHIR package in a folder: each subfolder is one package in the npm package layout,
 * with its resources either in a `package/` folder or at its top level. The package id and
 * version come from `package.json`, else from a `name#version` folder name. Only the top-level
 * JSON files are read, and of them only StructureDefinitions, ValueSets and CodeSystems are kept.
 * `.index.json` is not used, because a reduced package may still list files it no longer has.
 * Throws an Error naming the file when a JSON file cannot be parsed.
 */
export function readIgPackages(dir: string): IgPackage[] {
  const packages: IgPackage[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const folder = path.join(dir, entry.name);
    const resourceDir = fs.existsSync(path.join(folder, "package")) ? path.join(folder, "package") : folder;
    packages.push(readPackage(entry.name, resourceDir));
  }
  return packages;
}

function readPackage(folderName: string, resourceDir: string): IgPackage {
  const [folderId, folderVersion] = folderName.split("#");
  const manifest = readManifest(resourceDir);
  const result: IgPackage = {
    name: manifest?.name ?? folderId ?? folderName,
    version: manifest?.version ?? folderVersion ?? "",
    structureDefinitions: [],
    valueSets: [],
    codeSystems: [],
  };

  for (const file of fs.readdirSync(resourceDir)) {
    // `._name` files are macOS resource forks that some packages carry; they are not JSON.
    if (!file.endsWith(".json") || file.startsWith(".") || file === "package.json") continue;
    const resource = readJsonFile(path.join(resourceDir, file));
    if (!isJsonObject(resource)) continue;
    if (resource.resourceType === "StructureDefinition") result.structureDefinitions.push(resource as unknown as StructureDefinition);
    if (resource.resourceType === "ValueSet") result.valueSets.push(resource as unknown as ValueSet);
    if (resource.resourceType === "CodeSystem") result.codeSystems.push(resource as unknown as CodeSystem);
  }
  return result;
}

function readManifest(resourceDir: string): { name?: string; version?: string } | undefined {
  const file = path.join(resourceDir, "package.json");
  if (!fs.existsSync(file)) return undefined;
  const manifest = readJsonFile(file);
  if (!isJsonObject(manifest)) return undefined;
  return {
    name: typeof manifest.name === "string" ? manifest.name : undefined,
    version: typeof manifest.version === "string" ? manifest.version : undefined,
  };
}

function readJsonFile(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The implementation guide file ${file} is not valid JSON (${reason}); replace it with the file from the published package, or remove it from LAKEVIEW_IG_DIR.`);
  }
}
