import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { threadId } from "node:worker_threads";

import { logger } from "../log/logger";
import { toErrorFields } from "../log/to-error-fields";
import type { ElementRule, PlacedRule, R4ElementList } from "./r4-element-index";
import type { ExpandedValueSet } from "./value-set-expander";

/** The inputs of the cached list, which name its cache file. */
export interface ElementListSource {
  /** Absolute paths of the definition files that the builder reads. */
  definitionFiles: string[];
  /** Source text of the builder's functions. */
  builderSource: string;
}

/** One rule in the cache file. A value set is stored once and named by its position in `valueSets`. */
interface CachedRule {
  parentPath: string;
  path: string;
  min: number;
  /** Null for "*", because JSON has no Infinity. */
  max: number | null;
  types: [string, string][];
  isChoice: boolean;
  childrenPath?: string;
  requiredCodes?: number;
}

interface CacheFile {
  resourceTypes: string[];
  valueSets: { name: string; url: string; codes: string[] }[];
  rules: CachedRule[];
}

// Beside other tools' caches, so that a clean install starts without it.
const defaultCacheFolder = path.resolve(process.cwd(), "node_modules/.cache/lakeview");

/**
 * Reads the element list that writeCachedElementList stored for the same source, or returns
 * undefined when there is none or it cannot be read. The file is about 1.2 MB against 53 MB of
 * definitions.
 */
export function readCachedElementList(source: ElementListSource, cacheFolder = defaultCacheFolder): R4ElementList | undefined {
  const file = cacheFileOf(cacheFolder, source);
  let cached: CacheFile;
  try {
    cached = JSON.parse(fs.readFileSync(file, "utf8")) as CacheFile;
  } catch (error) {
    // A missing file is the normal first run. A corrupt one is built again and overwritten.
    if (!isMissingFile(error) && !(error instanceof SyntaxError)) throw error;
    return undefined;
  }
  return fromCacheFile(cached);
}

/**
 * Stores the element list for readCachedElementList. The file is written under a temporary name
 * and renamed, so a process that reads at the same time reads the old file or the new one whole.
 * A failed write, such as on a read-only file system, is logged and leaves the caller to build the
 * list on every start.
 */
export function writeCachedElementList(source: ElementListSource, list: R4ElementList, cacheFolder = defaultCacheFolder): void {
  const file = cacheFileOf(cacheFolder, source);
  // Process and thread id, so that two writers never share a temporary file.
  const temporary = `${file}.${process.pid}-${threadId}.tmp`;
  try {
    fs.mkdirSync(cacheFolder, { recursive: true });
    fs.writeFileSync(temporary, JSON.stringify(toCacheFile(list)));
    fs.renameSync(temporary, file);
  } catch (error) {
    logger.warn({ ...toErrorFields(error), file }, "R4 element index cache could not be written");
  }
}

/**
 * Names the cache file by a hash of its source. tsx, Vitest and Next compile the builder to
 * different text, so each keeps a file of its own instead of replacing the others' on every start.
 */
// NOTE: files of earlier builders and definition versions stay until node_modules/.cache is
// removed, about 1.2 MB each.
function cacheFileOf(cacheFolder: string, source: ElementListSource): string {
  return path.join(cacheFolder, `r4-element-index-${keyOf(source).slice(0, 32)}.json`);
}

/** Hashes the builder's source with the path, size and modification time of each definition file. */
function keyOf(source: ElementListSource): string {
  const hash = createHash("sha256").update(source.builderSource);
  for (const file of source.definitionFiles) {
    const stat = fs.statSync(file);
    hash.update(`\n${file} ${stat.size} ${stat.mtimeMs}`);
  }
  return hash.digest("hex");
}

function toCacheFile(list: R4ElementList): CacheFile {
  const valueSetNumbers = new Map<ExpandedValueSet, number>();
  const valueSets: CacheFile["valueSets"] = [];
  const numberOf = (valueSet: ExpandedValueSet): number => {
    let number = valueSetNumbers.get(valueSet);
    if (number === undefined) {
      number = valueSets.push({ name: valueSet.name, url: valueSet.url, codes: [...valueSet.codes] }) - 1;
      valueSetNumbers.set(valueSet, number);
    }
    return number;
  };

  const rules = list.rules.map(({ parentPath, rule }): CachedRule => ({
    parentPath,
    path: rule.path,
    min: rule.min,
    max: rule.max === Infinity ? null : rule.max,
    types: [...rule.types],
    isChoice: rule.isChoice,
    childrenPath: rule.childrenPath,
    requiredCodes: rule.requiredCodes ? numberOf(rule.requiredCodes) : undefined,
  }));
  return { resourceTypes: list.resourceTypes, valueSets, rules };
}

function fromCacheFile(cached: CacheFile): R4ElementList {
  const valueSets = cached.valueSets.map((valueSet): ExpandedValueSet => ({ name: valueSet.name, url: valueSet.url, codes: new Set(valueSet.codes) }));
  const rules = cached.rules.map((rule): PlacedRule => {
    const types = new Map(rule.types);
    const restored: ElementRule = {
      path: rule.path,
      min: rule.min,
      max: rule.max ?? Infinity,
      types,
      properties: [...types.keys()],
      isChoice: rule.isChoice,
      childrenPath: rule.childrenPath,
      requiredCodes: rule.requiredCodes === undefined ? undefined : valueSets[rule.requiredCodes],
    };
    return { parentPath: rule.parentPath, rule: restored };
  });
  return { resourceTypes: cached.resourceTypes, rules };
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === "ENOENT";
}
