import type { CodeSystem, CodeSystemConcept, FhirResource, ValueSet, ValueSetComposeInclude } from "fhir/r4";

/** The codes of a value set, listed offline for checking required bindings. */
export interface ExpandedValueSet {
  /** The ValueSet's id, such as "administrative-gender", for messages. */
  name: string;
  /** The ValueSet's canonical URL without a version. */
  url: string;
  /** Every code the value set includes, from all of its systems. Codes compare case-sensitively. */
  codes: ReadonlySet<string>;
}

/**
 * Expands ValueSets into their codes from the ValueSet and CodeSystem resources it was given,
 * without a terminology server. An `include` is expanded from its explicit `concept` list, or else
 * from every concept (nested ones too) of a CodeSystem whose content is "complete". A value set that
 * uses `filter`, `include.valueSet` or `exclude`, names a CodeSystem it was not given, or has no
 * `compose` cannot be expanded here and yields undefined. No R4 required binding on an element of
 * type code uses one of those three forms.
 */
export class ValueSetExpander {
  private readonly valueSets = new Map<string, ValueSet>();
  private readonly codeSystems = new Map<string, CodeSystem>();
  private readonly expanded = new Map<string, ExpandedValueSet | undefined>();

  constructor(resources: Iterable<FhirResource>) {
    for (const resource of resources) {
      if (resource.resourceType === "ValueSet" && resource.url) this.valueSets.set(resource.url, resource);
      if (resource.resourceType === "CodeSystem" && resource.url) this.codeSystems.set(resource.url, resource);
    }
  }

  /** Expands the value set a canonical URL names, ignoring a `|version` suffix, or returns undefined when it cannot be listed offline. */
  expand(canonical: string): ExpandedValueSet | undefined {
    const url = canonical.split("|")[0] ?? canonical;
    if (!this.expanded.has(url)) {
      this.expanded.set(url, this.expandUncached(url));
    }
    return this.expanded.get(url);
  }

  private expandUncached(url: string): ExpandedValueSet | undefined {
    const valueSet = this.valueSets.get(url);
    const compose = valueSet?.compose;
    if (!valueSet || !compose || compose.exclude !== undefined) return undefined;

    const codes = new Set<string>();
    for (const include of compose.include) {
      const included = this.codesOf(include);
      if (included === undefined) return undefined;
      for (const code of included) codes.add(code);
    }
    return { name: valueSet.id ?? url, url, codes };
  }

  private codesOf(include: ValueSetComposeInclude): string[] | undefined {
    if (include.filter !== undefined || include.valueSet !== undefined || include.system === undefined) return undefined;
    if (include.concept !== undefined) return include.concept.map((concept) => concept.code);

    const codeSystem = this.codeSystems.get(include.system);
    if (codeSystem?.content !== "complete") return undefined;
    return listConceptCodes(codeSystem.concept ?? []);
  }
}

/** Lists the codes of a CodeSystem's concept tree, parents before their children. */
function listConceptCodes(concepts: readonly CodeSystemConcept[]): string[] {
  return concepts.flatMap((concept) => [concept.code, ...listConceptCodes(concept.concept ?? [])]);
}
