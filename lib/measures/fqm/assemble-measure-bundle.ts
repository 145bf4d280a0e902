import type { Bundle, Library, Measure, ValueSet } from "fhir/r4";

import { findLibrary, findValueSet } from "./find-measure-content";
import type { MeasureContentItem, MeasureContentItemOf } from "./read-measure-content";
import { elmJsonContentType, readLibraryElm, type LibraryElmSummary } from "./read-library-elm";

/** The result of assembling one Measure: a runnable Bundle, or the problems that prevent it. */
export type AssembledMeasure = { bundle: Bundle; problems: [] } | { bundle: undefined; problems: string[] };

/**
 * Assembles a collection Bundle for the Measure in `measureItem`: the Measure, its main Library
 * and every Library reached through `relatedArtifact` `depends-on`, then each ValueSet those
 * Libraries need. fqm-execution looks for a ValueSet named by any Library in the Bundle (ELM
 * declarations, `depends-on` artifacts and data requirements) and would download a missing one
 * from VSAC, so each of them must be in the folder. Libraries the Measure does not reach stay
 * out, because their ValueSets would otherwise be required too.
 */
export function assembleMeasureBundle(items: readonly MeasureContentItem[], measureItem: MeasureContentItemOf<Measure>): AssembledMeasure {
  const measure = measureItem.resource;
  const where = `Measure ${measure.url ?? measure.id}${measure.version ? `|${measure.version}` : ""} (${measureItem.file})`;
  const problems: string[] = [];

  const mainLibrary = measure.library?.[0];
  if (!mainLibrary) {
    return { bundle: undefined, problems: [`${where} names no Library in Measure.library; add the canonical URL of its main Library.`] };
  }
  const libraries = collectLibraries(items, measureItem, mainLibrary, where, problems);
  const valueSets = collectValueSets(items, measureItem, libraries, where, problems);
  if (problems.length > 0) return { bundle: undefined, problems };

  const resources = [measure, ...libraries.map(({ library }) => library), ...valueSets];
  return { bundle: { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) }, problems: [] };
}

interface CollectedLibrary {
  library: Library;
  elm: LibraryElmSummary;
}

function collectLibraries(items: readonly MeasureContentItem[], measureItem: MeasureContentItem, mainLibrary: string, where: string, problems: string[]): CollectedLibrary[] {
  const collected = new Map<MeasureContentItem, CollectedLibrary>();
  const pending: { canonical: string; neededBy: string }[] = [{ canonical: mainLibrary, neededBy: "Measure.library" }];

  for (let next = pending.shift(); next !== undefined; next = pending.shift()) {
    const item = findLibrary(items, next.canonical, measureItem);
    if (!item) {
      problems.push(`${where} needs Library ${next.canonical} (from ${next.neededBy}), which is not in the folder; add that Library, with ${elmJsonContentType} content, as a file or Bundle entry.`);
      continue;
    }
    if (collected.has(item)) continue;

    const library = item.resource;
    const elm = readElm(library, item, where, problems);
    if (!elm) continue;
    collected.set(item, { library, elm });
    for (const canonical of dependedOnLibraries(library)) {
      pending.push({ canonical, neededBy: `Library ${library.name ?? library.id}` });
    }
  }

  const libraries = [...collected.values()];
  if (problems.length === 0) checkIncludes(libraries, where, problems);
  return libraries;
}

function readElm(library: Library, item: MeasureContentItem, where: string, problems: string[]): LibraryElmSummary | undefined {
  const label = `Library ${library.url ?? library.id}|${library.version ?? ""} (${item.file})`;
  try {
    const elm = readLibraryElm(library);
    if (!elm) problems.push(`${where} needs ${label}, which has no ${elmJsonContentType} content; fqm-execution runs ELM JSON only, so add the Library exported with ELM JSON.`);
    return elm;
  } catch (error) {
    problems.push(`${where} needs ${label}, whose ELM JSON is unreadable (${error instanceof Error ? error.message : String(error)}); replace it with the published Library.`);
    return undefined;
  }
}

/**
 * Lists the Library canonicals a Library depends on. Model-information libraries
 * (`…/Library/FHIR-ModelInfo`, `…/Library/QICore-ModelInfo`) are skipped, because fqm-execution
 * does not read them: cql-exec-fhir reads the patient data with the FHIR 4.0.1 model it carries.
 */
function dependedOnLibraries(library: Library): string[] {
  return (library.relatedArtifact ?? []).flatMap((artifact) => {
    const canonical = artifact.resource;
    if (artifact.type !== "depends-on" || !canonical?.includes("Library/")) return [];
    return /ModelInfo(\|.*)?$/.test(canonical) ? [] : [canonical];
  });
}

/** Checks that every ELM include has its library in the set, which catches a `relatedArtifact` list that leaves one out. */
function checkIncludes(libraries: CollectedLibrary[], where: string, problems: string[]): void {
  for (const { library, elm } of libraries) {
    for (const include of elm.includes) {
      const found = libraries.some(({ elm: other }) => other.name === include.name && (include.version === undefined || other.version === include.version));
      if (!found) {
        problems.push(`${where} needs Library ${include.name}|${include.version ?? ""}, which the ELM of Library ${library.name ?? library.id} includes but no relatedArtifact depends-on names; add a depends-on entry or that Library.`);
      }
    }
  }
}

function collectValueSets(items: readonly MeasureContentItem[], measureItem: MeasureContentItem, libraries: CollectedLibrary[], where: string, problems: string[]): ValueSet[] {
  const valueSets = new Map<string, ValueSet>();
  for (const { library, elm } of libraries) {
    for (const canonical of neededValueSets(library, elm)) {
      if (valueSets.has(canonical)) continue;
      const item = findValueSet(items, canonical, measureItem);
      if (!item) {
        problems.push(
          `${where} needs ValueSet ${canonical} (named by Library ${library.name ?? library.id}), which is not in the folder; add that ValueSet with its expansion as a file or Bundle entry, because Lakeview never downloads ValueSets.`,
        );
        continue;
      }
      valueSets.set(canonical, item.resource);
    }
  }
  return [...new Set(valueSets.values())];
}

/** ValueSet canonicals a Library names in the three places fqm-execution reads. */
function neededValueSets(library: Library, elm: LibraryElmSummary): string[] {
  const fromArtifacts = (library.relatedArtifact ?? []).flatMap((artifact) =>
    artifact.type === "depends-on" && artifact.resource?.includes("ValueSet") ? [artifact.resource] : [],
  );
  const fromRequirements = (library.dataRequirement ?? []).flatMap((requirement) => (requirement.codeFilter ?? []).flatMap((filter) => (filter.valueSet ? [filter.valueSet] : [])));
  return [...new Set([...elm.valueSetUrls, ...fromArtifacts, ...fromRequirements])];
}
