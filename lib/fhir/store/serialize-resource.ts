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
  // Most imported resources have no meta, and they need no copy without it.
  if (resource.meta === undefined) {
    const body = JSON.stringify(resource);
    return { hash: sha256Hex(body), body, keptMetaJson: "{}" };
  }

  const { meta, ...rest } = resource;
  const keptMeta: Meta = { ...meta };
  delete keptMeta.versionId;
  delete keptMeta.lastUpdated;

  const body = JSON.stringify(rest);
  const keptMetaJson = JSON.stringify(keptMeta);
  const hashed = isEmpty(keptMeta) ? body : withMetaJson(body, keptMetaJson);
  return { hash: sha256Hex(hashed), body, keptMetaJson };
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

function isEmpty(value: object): boolean {
  for (const key in value) {
    if (Object.hasOwn(value, key)) return false;
  }
  return true;
}
