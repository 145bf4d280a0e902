import crypto from "node:crypto";

import type { FhirResource, Meta } from "fhir/r4";

/** A resource serialized once for the store: its content hash, and the parts its stored JSON is made of. */
export interface SerializedResource {
  /** SHA-256, in hex, of the resource without meta.versionId and meta.lastUpdated. */
  hash: string;
  /** JSON of the resource without `meta`. */
  body: string;
  /** JSON of `meta` without versionId and lastUpdated; "{}" when nothing else was in it. */
  keptMetaJson: string;
}

/**
 * Serializes a resource without the parts the store writes itself (meta.versionId and
 * meta.lastUpdated) and hashes that JSON, so writing the same content again is recognised and
 * creates no version. The hashed text is what `JSON.stringify({ ...rest, meta: keptMeta })`
 * returns, with `meta` left out when nothing is kept, so hashes stay those of earlier versions.
 * Key order counts: the same input file always hashes the same, a reordered copy does not.
 */
export function serializeResource(resource: FhirResource): SerializedResource {
  const parts = serializeWithoutHash(resource);
  return { hash: contentHashOf(parts), ...parts };
}

/**
 * Serializes a resource into the JSON parts of serializeResource, without the hash, for a caller
 * that hashes elsewhere (the import hashes in a worker thread with contentHashOf).
 */
export function serializeWithoutHash(resource: FhirResource): Omit<SerializedResource, "hash"> {
  // Most imported resources have no meta, and they need no copy without it.
  if (resource.meta === undefined) {
    return { body: JSON.stringify(resource), keptMetaJson: "{}" };
  }

  const { meta, ...rest } = resource;
  const keptMeta: Meta = { ...meta };
  delete keptMeta.versionId;
  delete keptMeta.lastUpdated;
  return { body: JSON.stringify(rest), keptMetaJson: JSON.stringify(keptMeta) };
}

/**
 * Returns the content hash of serialized parts: of the body alone when no meta is kept, else of
 * the body with its kept meta.
 */
export function contentHashOf(parts: Omit<SerializedResource, "hash">): string {
  return sha256Hex(parts.keptMetaJson === "{}" ? parts.body : withMetaJson(parts.body, parts.keptMetaJson));
}

/** Returns the JSON to store for a serialized resource: its body with meta, versionId and lastUpdated added. */
export function toStoredJson(serialized: SerializedResource, versionId: string, lastUpdated: string): string {
  return withMetaJson(serialized.body, storedMetaJson(serialized, versionId, lastUpdated));
}

/**
 * Returns the JSON of the meta to store: the kept meta with versionId and lastUpdated added, as
 * `JSON.stringify({ ...keptMeta, versionId, lastUpdated })` would, without serializing it again.
 */
export function storedMetaJson(serialized: SerializedResource, versionId: string, lastUpdated: string): string {
  const added = `"versionId":${JSON.stringify(versionId)},"lastUpdated":${JSON.stringify(lastUpdated)}}`;
  const keptMetaJson = serialized.keptMetaJson;
  return keptMetaJson === "{}" ? `{${added}` : `${keptMetaJson.slice(0, -1)},${added}`;
}

function withMetaJson(body: string, metaJson: string): string {
  return body === "{}" ? `{"meta":${metaJson}}` : `${body.slice(0, -1)},"meta":${metaJson}}`;
}

/**
 * Hashes with the one-shot `crypto.hash` of Node.js 20.12 and later, which costs less per call
 * than a Hash object, and with createHash on older versions.
 */
function sha256Hex(text: string): string {
  return typeof crypto.hash === "function" ? crypto.hash("sha256", text, "hex") : crypto.createHash("sha256").update(text).digest("hex");
}
