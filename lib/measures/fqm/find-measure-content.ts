import path from "node:path";

import type { Library, ValueSet } from "fhir/r4";

import { isContentOfType, type MeasureContentItem, type MeasureContentItemOf } from "./read-measure-content";

/**
 * Finds the Library a canonical names. Accepts `url|version`, a bare `url`, and the relative
 * `Library/<id>` that older bundles use. When no Library has that url and version, a Library
 * whose `name` and `version` match the canonical's last segment and version counts, because MADiE
 * exports cite `http://ecqi.healthit.gov/ecqms/Library/<name>|<version>` while the Library's own
 * `url` is `https://madie.cms.gov/Library/<name>`. fqm-execution itself resolves ELM includes by
 * name and version, so both spellings lead to the same content.
 */
export function findLibrary(items: readonly MeasureContentItem[], canonical: string, from: MeasureContentItem): MeasureContentItemOf<Library> | undefined {
  const libraries = items.filter((item) => isContentOfType(item, "Library")).filter((item) => inScope(item, from));
  const { url, version } = splitCanonical(canonical);
  const matches = (predicate: (library: Library) => boolean): MeasureContentItemOf<Library>[] =>
    libraries.filter((item) => predicate(item.resource) && (version === undefined || item.resource.version === version));

  if (url.startsWith("Library/")) {
    return closest(matches((library) => library.id === url.slice("Library/".length)), from);
  }
  const byUrl = matches((library) => library.url === url);
  if (byUrl.length > 0) return closest(byUrl, from);

  const name = url.slice(url.lastIndexOf("/") + 1);
  return closest(matches((library) => library.name === name), from);
}

/** Finds a ValueSet by canonical URL. A `|version` suffix must match the ValueSet's version. */
export function findValueSet(items: readonly MeasureContentItem[], canonical: string, from: MeasureContentItem): MeasureContentItemOf<ValueSet> | undefined {
  const { url, version } = splitCanonical(canonical);
  const valueSets = items
    .filter((item) => isContentOfType(item, "ValueSet"))
    .filter((item) => inScope(item, from) && item.resource.url === url && (version === undefined || item.resource.version === version));
  return closest(valueSets, from);
}

function splitCanonical(canonical: string): { url: string; version: string | undefined } {
  const separator = canonical.indexOf("|");
  return separator < 0 ? { url: canonical, version: undefined } : { url: canonical.slice(0, separator), version: canonical.slice(separator + 1) };
}

/**
 * Tells whether `item` may serve the Measure in `from`. A Bundle that contains a Measure is
 * self-contained, so its Libraries and ValueSets serve only that Measure. Everything else is shared.
 */
function inScope(item: MeasureContentItem, from: MeasureContentItem): boolean {
  return item.completeBundle === undefined || item.completeBundle === from.completeBundle;
}

/** Picks the candidate nearest the Measure: its own Bundle, then its own folder, then any, each in file order. */
function closest<T extends MeasureContentItem>(candidates: T[], from: MeasureContentItem): T | undefined {
  const folder = path.dirname(from.file);
  const rank = (item: MeasureContentItem): number => {
    if (from.completeBundle !== undefined && item.completeBundle === from.completeBundle) return 0;
    return item.file.startsWith(`${folder}${path.sep}`) ? 1 : 2;
  };
  return [...candidates].sort((a, b) => rank(a) - rank(b))[0];
}
