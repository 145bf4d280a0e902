import type { FhirResource } from "fhir/r4";

import { indexCopyTextOf, indexTableNames } from "../fhir/store/replace-search-index";
import { contentHashOf } from "../fhir/store/serialize-resource";

/** A resource to precompute, as the main thread serialized it. */
export interface ChunkItem {
  /** JSON of the resource without `meta`. */
  body: string;
  /** JSON of `meta` without versionId and lastUpdated. It is "{}" when nothing else was in it. */
  keptMetaJson: string;
  /**
   * JSON of the whole `meta` as the resource carries it, which the index reads. Absent when the
   * resource has no meta.
   */
  metaJson?: string;
}

/**
 * The hashes and index COPY text of a chunk of resources. The COPY text of all items is one
 * buffer, so that it crosses to the main thread without a copy. With `base = i * offsetStride`,
 * item `i`'s rows for the table `indexTableNames[t]` are the bytes from `offsets[base + t]` to
 * `offsets[base + t + 1]`.
 */
export interface ChunkResult {
  /**
   * Content hashes, one per item. An item that could not be indexed gets "", and the store then
   * handles it itself.
   */
  hashes: string[];
  bytes: Uint8Array;
  offsets: Uint32Array;
}

/** Offsets per item: where each table's rows start, and where the last one ends. */
export const offsetStride = indexTableNames.length + 1;

const encoder = new TextEncoder();

/**
 * Hashes each item and formats its search index and compartment rows as COPY text, the work of
 * precomputeWrite that does not need the resource object the main thread holds. The import runs
 * it in a worker thread (see PrecomputePool).
 */
export function precomputeChunk(items: readonly ChunkItem[]): ChunkResult {
  const hashes: string[] = [];
  const offsets = new Uint32Array(items.length * offsetStride);
  let bytes = new Uint8Array(64 * 1024);
  let length = 0;

  const append = (text: string): void => {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    if (bytes.length - length < text.length * 3) {
      const grown = new Uint8Array(Math.max(bytes.length * 2, length + text.length * 3));
      grown.set(bytes.subarray(0, length));
      bytes = grown;
    }
    length += encoder.encodeInto(text, bytes.subarray(length)).written;
  };

  items.forEach((item, index) => {
    const base = index * offsetStride;
    const copyText = indexCopyTextOrUndefined(item);
    hashes.push(copyText ? contentHashOf(item) : "");
    indexTableNames.forEach((table, position) => {
      offsets[base + position] = length;
      const text = copyText?.[table];
      if (typeof text === "string") append(text);
    });
    offsets[base + indexTableNames.length] = length;
  });
  return { hashes, bytes: bytes.slice(0, length), offsets };
}

function indexCopyTextOrUndefined(item: ChunkItem): ReturnType<typeof indexCopyTextOf> | undefined {
  try {
    const resource = JSON.parse(item.body) as FhirResource;
    if (item.metaJson !== undefined) resource.meta = JSON.parse(item.metaJson) as FhirResource["meta"];
    return indexCopyTextOf(resource);
  } catch {
    // Deliberately ignored: the store indexes the resource again in its own transaction, and
    // that failure rejects the unit there, as it does without a worker.
    return undefined;
  }
}
