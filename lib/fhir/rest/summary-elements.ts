import type { Bundle, StructureDefinition } from "fhir/r4";

import { readR4Definitions } from "../read-r4-definitions";

/** The top-level elements of one resource type that `_summary` keeps. */
export interface SummaryElements {
  /** Elements marked isSummary in the R4 definition. */
  summary: ReadonlySet<string>;
  /** Elements with a minimum cardinality above zero. */
  mandatory: ReadonlySet<string>;
  /** Choice elements such as `value[x]`, by their stem `value`. */
  choiceStems: readonly string[];
}

let cache: Map<string, SummaryElements> | undefined;

/** Returns the summary and mandatory top-level elements of a resource type from the R4 definitions. */
export function getSummaryElements(resourceType: string): SummaryElements {
  cache ??= loadSummaryElements();
  return cache.get(resourceType) ?? { summary: new Set(["id", "meta"]), mandatory: new Set(), choiceStems: [] };
}

function loadSummaryElements(): Map<string, SummaryElements> {
  const bundle = readR4Definitions<Bundle<StructureDefinition>>("profiles-resources.json");
  const byType = new Map<string, SummaryElements>();
  for (const entry of bundle.entry ?? []) {
    const definition = entry.resource;
    if (definition?.resourceType !== "StructureDefinition" || definition.kind !== "resource") continue;

    const summary = new Set<string>();
    const mandatory = new Set<string>();
    const choiceStems: string[] = [];
    for (const element of definition.snapshot?.element ?? []) {
      const parts = element.path.split(".");
      const name = parts[1];
      if (parts.length !== 2 || name === undefined) continue;
      const stem = name.endsWith("[x]") ? name.slice(0, -3) : name;
      if (stem !== name) choiceStems.push(stem);
      if (element.isSummary) summary.add(stem);
      if ((element.min ?? 0) > 0) mandatory.add(stem);
    }
    byType.set(definition.type, { summary, mandatory, choiceStems });
  }
  return byType;
}
