import type { CapabilityStatement, CapabilityStatementRestResource, CapabilityStatementRestResourceOperation } from "fhir/r4";

import { ACCESS_TRAIL_TYPES } from "../patient-compartments";
import { listSearchParameters } from "../search-parameters";
import { SUPPORTED_RESOURCE_TYPES } from "./supported-resource-types";

const BULK_DATA = "http://hl7.org/fhir/uv/bulkdata";

const VALIDATE_OPERATION: CapabilityStatementRestResourceOperation = {
  name: "validate",
  definition: "http://hl7.org/fhir/OperationDefinition/Resource-validate",
  documentation: "POST only; mode create or update; checks base R4 and the declared and default US Core, CARIN BB and DEQM profiles, and stores nothing.",
};

/** The note on the access trail for $everything and the Patient and Group exports. */
const ACCESS_TRAIL_NOTE = `${ACCESS_TRAIL_TYPES.join(", ")} resources are left out unless _type names them.`;

const PATIENT_OPERATIONS: CapabilityStatementRestResourceOperation[] = [
  VALIDATE_OPERATION,
  {
    name: "everything",
    definition: "http://hl7.org/fhir/OperationDefinition/Patient-everything",
    documentation: `GET only, with _type, _since and _count. ${ACCESS_TRAIL_NOTE}`,
  },
  { name: "export", definition: `${BULK_DATA}/OperationDefinition/patient-export`, documentation: ACCESS_TRAIL_NOTE },
];

/**
 * Group is served for its bulk export only: the export reads a Group's members, and there is no
 * REST interaction on Group yet.
 */
const GROUP_RESOURCE: CapabilityStatementRestResource = {
  type: "Group",
  documentation: "Only GET Group/[id]/$export; the Group's member.entity references name the Patients to export.",
  operation: [{ name: "export", definition: `${BULK_DATA}/OperationDefinition/group-export`, documentation: ACCESS_TRAIL_NOTE }],
};

/**
 * Measure is served for its operations only: care gaps from stored results, and evaluating one
 * measure for one patient. The own Measures are stored, but there is no REST interaction on
 * Measure yet.
 */
const MEASURE_RESOURCE: CapabilityStatementRestResource = {
  type: "Measure",
  documentation:
    "Only Measure/$care-gaps (GET or POST; periodStart and periodEnd spanning one calendar year, subject=Patient/<id> or Group/<id>, status=open-gap|closed-gap, measureId, measureUrl) " +
    "and Measure/[id]/$evaluate-measure (GET or POST; subject=Patient/<id>, periodStart, periodEnd). Both see only the patients the caller may see.",
  operation: [
    { name: "care-gaps", definition: "http://hl7.org/fhir/us/davinci-deqm/OperationDefinition/care-gaps" },
    { name: "evaluate-measure", definition: "http://hl7.org/fhir/OperationDefinition/Measure-evaluate-measure" },
  ],
};

const SEARCH_RESULT_PARAMETERS = ["_count", "_sort", "_include", "_revinclude", "_total", "_summary", "_elements"];

/**
 * Builds the CapabilityStatement of GET /metadata. It lists only what this server does: the
 * interactions per type, each type's indexed search parameters with `_id` and `_lastUpdated`,
 * batch and transaction at the base, $validate, $everything, the measure operations, ViewDefinition/$run,
 * and bulk export at system, Patient and Group level. Writes work only for callers whose scope covers every patient.
 */
export function buildCapabilityStatement(baseUrl: string, date: Date): CapabilityStatement {
  return {
    resourceType: "CapabilityStatement",
    status: "active",
    date: date.toISOString(),
    kind: "instance",
    software: { name: "Lakeview FHIR API" },
    implementation: { description: "Lakeview member portal FHIR R4 API", url: baseUrl },
    instantiates: [`${BULK_DATA}/CapabilityStatement/bulk-data`],
    fhirVersion: "4.0.1",
    format: ["application/fhir+json", "json"],
    rest: [
      {
        mode: "server",
        documentation:
          "Search supports token (:not, :text, :missing), string (:exact, :contains, :missing), date, number and quantity with every prefix, reference (:Type, :missing), uri (:below), " +
          "one level of chaining, one level of _has, _include and _revinclude with :iterate, and the result parameters " +
          `${SEARCH_RESULT_PARAMETERS.join(", ")}. Composite and special parameters are not supported. Writes need full access. ` +
          "Batch and transaction Bundles are POSTed to the base; a transaction is atomic. Bulk export needs Prefer: respond-async, takes _type, _since and " +
          "_outputFormat=application/fhir+ndjson, and is polled at the Content-Location it returns; system and Group export need full access. " +
          "SQL-on-FHIR v2 ViewDefinitions are stored and read at /ViewDefinition (kept as Basic resources) and run with ViewDefinition/$run or ViewDefinition/[id]/$run.",
        interaction: [{ code: "transaction" }, { code: "batch" }],
        operation: [
          VALIDATE_OPERATION,
          { name: "export", definition: `${BULK_DATA}/OperationDefinition/export` },
          { name: "run", definition: "http://sql-on-fhir.org/OperationDefinition/$run" },
        ],
        resource: [...SUPPORTED_RESOURCE_TYPES.map(toRestResource), GROUP_RESOURCE, MEASURE_RESOURCE].sort((a, b) => a.type.localeCompare(b.type)),
      },
    ],
  };
}

function toRestResource(resourceType: string): CapabilityStatementRestResource {
  const parameters = listSearchParameters(resourceType);
  return {
    // SUPPORTED_RESOURCE_TYPES contains R4 type names only, but TypeScript cannot derive the union from a list.
    type: resourceType as CapabilityStatementRestResource["type"],
    interaction: [
      { code: "read" },
      { code: "vread" },
      { code: "history-instance" },
      { code: "history-type" },
      { code: "search-type" },
      { code: "create" },
      { code: "update" },
      { code: "patch" },
      { code: "delete" },
    ],
    versioning: "versioned-update",
    readHistory: true,
    updateCreate: true,
    conditionalCreate: true,
    conditionalUpdate: true,
    conditionalDelete: "single",
    searchInclude: [`${resourceType}:*`],
    searchParam: [
      { name: "_id", type: "token" },
      { name: "_lastUpdated", type: "date" },
      ...parameters.map((parameter) => ({ name: parameter.code, type: parameter.type })),
    ],
    operation: resourceType === "Patient" ? PATIENT_OPERATIONS : [VALIDATE_OPERATION],
  };
}
