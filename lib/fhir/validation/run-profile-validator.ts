import { indexStructureDefinitionBundle, OperationOutcomeError, validateResource } from "@medplum/core";
import type { Bundle, FhirResource, OperationOutcomeIssue, Resource, StructureDefinition } from "fhir/r4";

import { readR4Definitions } from "../read-r4-definitions";
import { foldChoiceTypeSlices } from "./fold-choice-type-slices";
import { inlineSlicedContentReferences } from "./inline-sliced-content-references";
import { withoutTerminologyInvariants } from "./without-terminology-invariants";

/** Issues that @medplum/core found for one resource and profile. */
export interface ProfileValidatorResult {
  issues: OperationOutcomeIssue[];
}

const baseDefinitions = new Map<string, StructureDefinition>();
const preparedProfiles = new WeakMap<StructureDefinition, StructureDefinition>();

/**
 * Validates a resource against one profile with @medplum/core: cardinality, fixed and pattern
 * values, slices, invariants (FHIRPath constraints of severity error) and reference target
 * types. Elements typed with another profile (an extension's own definition, a reference's
 * target profile) are checked against their base type only. Required bindings are not checked
 * here, because the library cannot expand ValueSets (see collectBoundValues).
 */
export function runProfileValidator(resource: Resource, profile: StructureDefinition): ProfileValidatorResult {
  loadBaseDefinitions();
  const options = { profile: prepareProfile(profile) };

  let issues: OperationOutcomeIssue[];
  try {
    // @medplum/core types resources with @medplum/fhirtypes, which describes the same R4 JSON.
    issues = validateResource(resource as never, options as never) as OperationOutcomeIssue[];
  } catch (error) {
    if (!(error instanceof OperationOutcomeError)) throw error;
    issues = (error.outcome.issue ?? []) as OperationOutcomeIssue[];
  }
  return { issues };
}

/**
 * Indexes the base R4 types and resources into @medplum/core's schema once per process. The
 * library ships only a few base types, and a profile's elements resolve against these.
 */
function loadBaseDefinitions(): void {
  if (baseDefinitions.size > 0) return;
  for (const file of ["profiles-types.json", "profiles-resources.json"]) {
    const bundle = readR4Definitions<Bundle<FhirResource>>(file);
    indexStructureDefinitionBundle(bundle as never);
    for (const entry of bundle.entry ?? []) {
      const definition = entry.resource;
      if (definition?.resourceType === "StructureDefinition" && definition.kind === "resource") baseDefinitions.set(definition.type, definition);
    }
  }
}

function prepareProfile(profile: StructureDefinition): StructureDefinition {
  let prepared = preparedProfiles.get(profile);
  if (prepared === undefined) {
    prepared = withoutTerminologyInvariants(foldChoiceTypeSlices(inlineSlicedContentReferences(profile, baseDefinitions.get(profile.type))));
    preparedProfiles.set(profile, prepared);
  }
  return prepared;
}
