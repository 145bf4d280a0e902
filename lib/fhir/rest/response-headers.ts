/** The ETag of a version as R4 writes it: a weak tag of the versionId, W/"3". */
export function toETag(versionId: number | string): string {
  return `W/"${versionId}"`;
}

/** Reads the version number out of an If-Match header such as W/"3"; undefined when it has none. */
export function parseETag(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^(?:W\/)?"?([^"]+)"?$/.exec(header.trim());
  return match?.[1];
}

/** The ETag and Last-Modified headers of a stored version. */
export function versionHeaders(versionId: number, lastUpdated: Date): Record<string, string> {
  return { etag: toETag(versionId), "last-modified": lastUpdated.toUTCString() };
}
