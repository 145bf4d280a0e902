import type { Resource } from "fhir/r4";

import { collectValidationIssues, MAX_VALIDATION_ISSUES } from "../collect-validation-issues";
import { isJsonObject } from "../is-json-object";
import { checkRequiredBindings } from "./check-required-bindings";
import { collectBoundValues } from "./collect-bound-values";
import { listDefaultProfiles } from "./default-profiles";
import { describeProfileIssue } from "./describe-profile-issue";
import type { IgCatalog, ResolvedProfile } from "./ig-catalog";
import { runProfileValidator } from "./run-profile-validator";
import { listTerminologyInvariants } from "./without-terminology-invariants";
import type { ValidationIssue, ValidationReport } from "./validation-report";

export interface ValidationOptions {
  /** The loaded implementation guides; undefined checks base R4 only. */
  catalog: IgCatalog | undefined;
  /** Profiles to check instead of the declared and default ones, such as `$validate`'s `profile` parameter. */
  profiles?: readonly string[];
}

/**
 * Validates a parsed JSON value against base R4 and then against its profiles: the ones listed
 * in `options.profiles`, or else the ones in its meta.profile together with the portal's default
 * profiles for its type (see listDefaultProfiles). Errors of base R4 and of requested or declared
 * profiles are errors; findings of default profiles the resource does not declare are warnings.
 * Profile checks are skipped when base R4 finds errors, because they would repeat them. A profile
 * that is not loaded is reported as a warning.
 */
export function validateAgainstProfiles(value: unknown, options: ValidationOptions): ValidationReport {
  const baseIssues = collectValidationIssues(value);
  if (baseIssues.length > 0 || !isJsonObject(value)) {
    return {
      profiles: [],
      issues: baseIssues.map((issue) => ({ severity: "error", code: "structure", rule: `R4 ${issue.expression?.replace(/\[\d+\]/g, "") ?? "resource"}`, ...issue })),
    };
  }
  if (options.catalog === undefined) return { profiles: [], issues: [] };

  const issues: ValidationIssue[] = [];
  const profiles: ResolvedProfile[] = [];
  const requested = options.profiles ?? declaredProfilesOf(value);
  const defaults = options.profiles === undefined ? listDefaultProfiles(value) : [];
  for (const canonical of [...requested, ...defaults]) {
    const resolved = options.catalog.resolveProfile(canonical);
    if (resolved === undefined) {
      issues.push(profileNotLoaded(canonical));
      continue;
    }
    const enforced = resolved.enforced && requested.includes(canonical);
    const known = profiles.find((profile) => profile.canonical === resolved.canonical);
    if (known === undefined) profiles.push({ ...resolved, enforced });
  }

  for (const profile of profiles) {
    issues.push(...checkProfile(value as unknown as Resource, profile, options.catalog));
  }
  return { profiles: profiles.map((profile) => profile.canonical), issues: limitIssues(issues) };
}

/** Keeps the first MAX_VALIDATION_ISSUES issues, errors first, so a wrong payload cannot flood the report. */
function limitIssues(issues: ValidationIssue[]): ValidationIssue[] {
  if (issues.length <= MAX_VALIDATION_ISSUES) return issues;
  const rank = { error: 0, warning: 1, information: 2 } as const;
  const kept = [...issues].sort((a, b) => rank[a.severity] - rank[b.severity]).slice(0, MAX_VALIDATION_ISSUES);
  return [
    ...kept,
    {
      severity: "information",
      code: "too-costly",
      diagnostics: `Validation found ${issues.length} issues and lists the first ${MAX_VALIDATION_ISSUES}; fix these and validate again to see the rest.`,
      rule: "too many issues",
    },
  ];
}

function declaredProfilesOf(resource: Record<string, unknown>): string[] {
  const meta = resource.meta;
  return isJsonObject(meta) && Array.isArray(meta.profile) ? meta.profile.filter((profile): profile is string => typeof profile === "string") : [];
}

function checkProfile(resource: Resource, profile: ResolvedProfile, catalog: IgCatalog): ValidationIssue[] {
  if (profile.definition.type !== resource.resourceType) {
    return [
      {
        severity: "error",
        code: "invalid",
        expression: "meta.profile",
        diagnostics: `${profile.canonical} is a profile of ${profile.definition.type}, not of ${resource.resourceType}; remove it from meta.profile.`,
        rule: `profile type ${profile.canonical}`,
      },
    ];
  }

  let result;
  try {
    result = runProfileValidator(resource, profile.definition);
  } catch (error) {
    // The library rejects some snapshot shapes it does not support; the profile then goes unchecked.
    const reason = error instanceof Error ? error.message : String(error);
    return [{ severity: "warning", code: "not-supported", diagnostics: `${profile.canonical} could not be checked: the validator failed with "${reason}".`, rule: `profile not checkable ${profile.canonical}` }];
  }
  return [
    ...result.issues.map((issue) => describeProfileIssue(issue, profile)),
    ...checkRequiredBindings(collectBoundValues(resource as unknown as Record<string, unknown>, profile.definition), catalog.valueSets, profile),
    ...uncheckedInvariants(profile),
  ];
}

function uncheckedInvariants(profile: ResolvedProfile): ValidationIssue[] {
  const keys = listTerminologyInvariants(profile.definition);
  if (keys.length === 0) return [];
  return [
    {
      severity: "information",
      code: "not-supported",
      diagnostics: `Invariants ${keys.join(", ")} of ${profile.canonical} call a FHIRPath terminology function such as memberOf(), which needs a terminology server, so they were not checked.`,
      rule: `invariants not checked ${profile.canonical}`,
    },
  ];
}

function profileNotLoaded(canonical: string): ValidationIssue {
  return {
    severity: "warning",
    code: "not-supported",
    expression: "meta.profile",
    diagnostics: `Profile ${canonical} is not in the configured implementation guide packages, so the resource was not checked against it; add its package to LAKEVIEW_IG_DIR to check it.`,
    rule: `profile not loaded ${canonical.split("|")[0]}`,
  };
}
