import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

import type { Library, Measure, ValueSet } from "fhir/r4";

import { isJsonObject } from "@/lib/fhir/is-json-object";

import { measureSettingsFile } from "./read-measure-settings";

/** The measure resource types a bundle folder contributes. Every other type in it is ignored. */
export type MeasureContentResource = Measure | Library | ValueSet;

/** One Measure, Library or ValueSet found in a bundle folder, with the file it came from. */
export interface MeasureContentItem {
  resource: MeasureContentResource;
  /** Path of the file relative to the folder, for messages. */
  file: string;
  /** Set when the resource is an entry of a Bundle that also contains a Measure, so the Bundle is self-contained. */
  completeBundle?: string;
}

/** An item whose resource is known to be of type `T`. */
export type MeasureContentItemOf<T extends MeasureContentResource> = MeasureContentItem & { resource: T };

/** Tells whether an item contains a resource of the given type. */
export function isContentOfType<K extends MeasureContentResource["resourceType"]>(
  item: MeasureContentItem,
  resourceType: K,
): item is MeasureContentItemOf<Extract<MeasureContentResource, { resourceType: K }>> {
  return item.resource.resourceType === resourceType;
}

/**
 * Reads every `.json` file under `dir` except the settings file at its root: single Measure,
 * Library and ValueSet resources, and Bundles of any type whose entries are read the same way. Returns the items found and one problem line
 * per file that is not JSON or not a FHIR resource.
 */
export function readMeasureContent(dir: string): { items: MeasureContentItem[]; problems: string[] } {
  const items: MeasureContentItem[] = [];
  const problems: string[] = [];

  for (const file of listJsonFiles(dir)) {
    const parsed = parseJsonFile(path.join(dir, file));
    if (!isJsonObject(parsed) || typeof parsed.resourceType !== "string") {
      problems.push(`${file} is not a FHIR resource in JSON; fix it or move it out of the folder.`);
      continue;
    }
    items.push(...itemsOf(parsed, file));
  }
  return { items, problems };
}

function itemsOf(resource: Record<string, unknown>, file: string): MeasureContentItem[] {
  if (resource.resourceType !== "Bundle") {
    return isMeasureContent(resource) ? [{ resource, file }] : [];
  }

  const entries = Array.isArray(resource.entry) ? resource.entry : [];
  const resources = entries.flatMap((entry: unknown) => (isJsonObject(entry) && isJsonObject(entry.resource) ? [entry.resource] : []));
  const content = resources.filter(isMeasureContent);
  const completeBundle = content.some((item) => item.resourceType === "Measure") ? file : undefined;
  return content.map((item) => ({ resource: item, file, ...(completeBundle ? { completeBundle } : {}) }));
}

function isMeasureContent(resource: Record<string, unknown>): resource is Record<string, unknown> & MeasureContentResource {
  return resource.resourceType === "Measure" || resource.resourceType === "Library" || resource.resourceType === "ValueSet";
}

function parseJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** Lists `.json` files below `dir`, relative to it and sorted, so every run assembles the same bundles. */
function listJsonFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".json") && name !== measureSettingsFile && statSync(path.join(dir, name)).isFile())
    .sort();
}
