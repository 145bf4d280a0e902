import { readIgDir } from "../../config/read-ig-dir";
import { FhirError } from "../fhir-error";
import { isJsonObject } from "../is-json-object";
import { canWrite } from "../search/access-scope";
import { getIgCatalog } from "../validation/get-ig-catalog";
import type { IgCatalog } from "../validation/ig-catalog";
import { validateAgainstProfiles } from "../validation/validate-against-profiles";
import { toValidationOutcome, type ValidationIssue, type ValidationReport } from "../validation/validation-report";
import type { FhirContext, FhirRequest, FhirResponse } from "./fhir-request";
import { isSupportedResourceType } from "./supported-resource-types";

/** The level the operation was called at: the base, a type, or one instance of a type. */
export interface ValidateTarget {
  resourceType?: string;
  id?: string;
}

interface ValidateInput {
  resource: Record<string, unknown>;
  mode: "create" | "update";
  profile?: string;
}

const supportedModes = ["create", "update"];
const parameterNames = ["resource", "mode", "profile"];

/**
 * POST [base]/$validate, [base]/[type]/$validate and [base]/[type]/[id]/$validate: validates a
 * resource against base R4 and its profiles exactly as an import does, and stores nothing. The
 * body is a Parameters resource with `resource` and optional `mode` (create or update) and
 * `profile`, or the bare resource. Returns 200 with the OperationOutcome report, errors included,
 * as the FHIR specification requires, and 4xx only when the input cannot be validated at all. A named
 * `profile` replaces the declared and default profiles and must be loaded. Callers who may not
 * create resources get 403.
 */
export function validateOperation(target: ValidateTarget, request: FhirRequest, context: FhirContext): Promise<FhirResponse> {
  const operation = [target.resourceType, target.id, "$validate"].filter(Boolean).join("/");
  if (!canWrite(context.scope)) {
    throw new FhirError("forbidden", `${operation} needs the right to create resources, and this session may only read.`);
  }
  if (target.resourceType !== undefined && !isSupportedResourceType(target.resourceType)) {
    throw new FhirError("not-found", `No FHIR endpoint at /${operation}; GET /metadata lists the resource types this server supports.`);
  }

  const input = readValidateInput(request, operation);
  assertTargetMatches(input.resource, target, operation);
  const catalog = loadCatalog();
  if (input.profile !== undefined && catalog?.resolveProfile(input.profile) === undefined) {
    const reason = catalog === undefined ? "no implementation guide folder is configured on this server" : "no configured package defines it";
    throw new FhirError("invalid", `Profile "${input.profile}" cannot be checked because ${reason}; leave out the profile parameter to check the declared and default profiles.`);
  }

  const report = validateAgainstProfiles(input.resource, { catalog, profiles: input.profile === undefined ? undefined : [input.profile] });
  const issues = [...report.issues, ...modeIssues(input), ...(catalog === undefined ? [profilesNotConfigured] : [])];
  const outcome = toValidationOutcome({ ...report, issues } satisfies ValidationReport);
  return Promise.resolve({ status: 200, headers: {}, body: outcome });
}

const profilesNotConfigured: ValidationIssue = {
  severity: "information",
  code: "informational",
  diagnostics: "Profiles were not checked because this server has no implementation guide folder (LAKEVIEW_IG_DIR); only base FHIR R4 was validated.",
  rule: "profiles not configured",
};

function readValidateInput(request: FhirRequest, operation: string): ValidateInput {
  let body: unknown;
  try {
    body = JSON.parse(request.body ?? "");
  } catch {
    throw new FhirError("invalid", `The body of POST ${operation} is not JSON; send a Parameters resource with a "resource" parameter, or the resource itself.`);
  }
  if (!isJsonObject(body) || typeof body.resourceType !== "string") {
    throw new FhirError("invalid", `POST ${operation} takes a Parameters resource or a FHIR resource as its body, and this body has no resourceType.`);
  }
  if (body.resourceType !== "Parameters") {
    return { resource: body, mode: "create" };
  }
  return readParameters(body.parameter, operation);
}

function readParameters(parameters: unknown, operation: string): ValidateInput {
  const list = Array.isArray(parameters) ? parameters.filter(isJsonObject) : [];
  for (const parameter of list) {
    if (typeof parameter.name !== "string" || !parameterNames.includes(parameter.name)) {
      throw new FhirError("invalid", `${operation} has no parameter "${String(parameter.name)}"; it takes ${parameterNames.join(", ")}.`);
    }
  }
  const named = (name: string): Record<string, unknown>[] => list.filter((parameter) => parameter.name === name);
  const [resourcePart, ...extraResources] = named("resource");
  if (resourcePart === undefined || !isJsonObject(resourcePart.resource) || extraResources.length > 0) {
    throw new FhirError("invalid", `POST ${operation} needs exactly one "resource" parameter whose resource is the one to validate.`);
  }

  const mode = textValue(named("mode"), "mode", operation) ?? "create";
  if (!supportedModes.includes(mode)) {
    throw new FhirError("invalid", `mode "${mode}" is not supported by ${operation}; use create or update (delete and profile are not supported).`);
  }
  const profile = textValue(named("profile"), "profile", operation);
  return { resource: resourcePart.resource, mode: mode === "update" ? "update" : "create", ...(profile === undefined ? {} : { profile }) };
}

function textValue(parameters: Record<string, unknown>[], name: string, operation: string): string | undefined {
  if (parameters.length > 1) {
    throw new FhirError("invalid", `${operation} takes one "${name}", and the request has ${parameters.length}; send it once.`);
  }
  const [parameter] = parameters;
  if (parameter === undefined) return undefined;
  const value = parameter.valueCode ?? parameter.valueUri ?? parameter.valueCanonical ?? parameter.valueString;
  if (typeof value !== "string") {
    throw new FhirError("invalid", `Parameter "${name}" of ${operation} has no text value; give valueCode for mode, or valueUri or valueCanonical for profile.`);
  }
  return value;
}

function assertTargetMatches(resource: Record<string, unknown>, target: ValidateTarget, operation: string): void {
  if (target.resourceType !== undefined && resource.resourceType !== target.resourceType) {
    throw new FhirError("invalid", `${operation} validates ${target.resourceType} resources, and the body contains a ${String(resource.resourceType)}; POST it to /${String(resource.resourceType)}/$validate or /$validate.`);
  }
  if (target.id !== undefined && resource.id !== undefined && resource.id !== target.id) {
    throw new FhirError("invalid", `${operation} validates ${target.resourceType}/${target.id}, and the body's id is "${String(resource.id)}"; make them match.`);
  }
}

/** Findings that depend on the mode: an update needs the id of the resource it replaces. */
function modeIssues(input: ValidateInput): ValidationIssue[] {
  if (input.mode !== "update" || typeof input.resource.id === "string") return [];
  return [
    {
      severity: "error",
      code: "required",
      expression: `${String(input.resource.resourceType)}.id`,
      diagnostics: "mode update validates a resource that replaces a stored one, so it needs an id; add the id, or use mode create.",
      rule: "update needs id",
    },
  ];
}

function loadCatalog(): IgCatalog | undefined {
  const problems: string[] = [];
  const igDir = readIgDir(process.env, problems);
  if (problems.length > 0) {
    throw new FhirError("unavailable", "This server's implementation guide folder cannot be read, so $validate cannot check profiles now; ask the operator to check LAKEVIEW_IG_DIR.");
  }
  return igDir === undefined ? undefined : getIgCatalog(igDir);
}
