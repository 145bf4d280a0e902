// The body of the import's precompute worker thread (see PrecomputePool): for each chunk of
// serialized resources it posts back their hashes and index COPY text.
import { parentPort } from "node:worker_threads";

import { listCompiledSearchParameters } from "../fhir/extract-index-rows";
import { INDEXED_RESOURCE_TYPES } from "../fhir/search-parameters";
import { precomputeChunk, type ChunkItem } from "./precompute-chunk";

export interface ChunkRequest {
  id: number;
  items: ChunkItem[];
}

// Compiles the search parameters before the first chunk arrives, then posts "ready".
for (const resourceType of INDEXED_RESOURCE_TYPES) listCompiledSearchParameters(resourceType);
parentPort?.postMessage("ready");

parentPort?.on("message", (request: ChunkRequest) => {
  const result = precomputeChunk(request.items);
  parentPort?.postMessage({ id: request.id, ...result }, [result.bytes.buffer as ArrayBuffer, result.offsets.buffer as ArrayBuffer]);
});
