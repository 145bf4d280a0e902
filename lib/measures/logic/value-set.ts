import type { CodeableConcept, Coding } from "fhir/r4";

import { codeSystems, type CodeSystemKey } from "./code-systems";

/**
 * A measure's own code list: a short, named subset of a CMS value set, keyed by code system.
 * `oid` names the VSAC value set it stands for, so a reader can compare it with the full one.
 */
export interface ValueSet {
  name: string;
  oid?: string;
  codes: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Builds a value set from codes per code system key, such as `{ snomed: ["71651007"] }`. */
export function defineValueSet(name: string, oid: string | undefined, codes: Partial<Record<CodeSystemKey, readonly string[]>>): ValueSet {
  const bySystem = new Map<string, ReadonlySet<string>>();
  for (const [key, list] of Object.entries(codes) as [CodeSystemKey, readonly string[]][]) {
    bySystem.set(codeSystems[key], new Set(list));
  }
  return { name, oid, codes: bySystem };
}

/** True when the coding's system and code are in the value set. */
export function codingInValueSet(coding: Coding | undefined, valueSet: ValueSet): boolean {
  if (!coding?.system || !coding.code) return false;
  return valueSet.codes.get(coding.system)?.has(coding.code) ?? false;
}

/** True when any coding of the concept is in any of the value sets. */
export function conceptInValueSets(concept: CodeableConcept | undefined, valueSets: readonly ValueSet[]): boolean {
  return (concept?.coding ?? []).some((coding) => valueSets.some((valueSet) => codingInValueSet(coding, valueSet)));
}

/** True when the concept carries the exact system and code (CQL's `~` against a single code). */
export function conceptHasCode(concept: CodeableConcept | undefined, system: string, code: string): boolean {
  return (concept?.coding ?? []).some((coding) => coding.system === system && coding.code === code);
}
