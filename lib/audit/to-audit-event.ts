import type { AuditEvent, AuditEventAgent, AuditEventEntity } from "fhir/r4";

import { oauthClientIdentifierSystem, userIdentifierSystem } from "./audit-codes";
import type { AuditAgent, AuditRecord } from "./audit-record";

/** Most resource entities one event lists; a search that returns more names only the patients. */
const MAX_RESOURCE_ENTITIES = 50;

/**
 * Builds the FHIR AuditEvent for one access. Patients are entities with role "Patient"
 * (object-role 1), so the event falls in each one's Patient compartment and the member can
 * find it; resources are domain entities (object-role 4).
 */
export function toAuditEvent(record: AuditRecord): AuditEvent {
  const resources = record.resources ?? [];
  const patientEntities = record.patientIds.map((patientId): AuditEventEntity => ({
    what: { reference: `Patient/${patientId}` },
    type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "1", display: "Person" },
    role: { system: "http://terminology.hl7.org/CodeSystem/object-role", code: "1", display: "Patient" },
  }));
  const resourceEntities = resources.length <= MAX_RESOURCE_ENTITIES ? resources.filter((reference) => !reference.startsWith("Patient/")).map(toResourceEntity) : [];
  const entities = [...patientEntities, ...resourceEntities, ...(record.requestId ? [toRequestEntity(record.requestId)] : [])];

  return {
    resourceType: "AuditEvent",
    type: { system: "http://dicom.nema.org/resources/ontology/DCM", code: "110110", display: "Patient Record" },
    subtype: [record.subtype],
    action: record.action,
    recorded: record.recorded.toISOString(),
    outcome: record.outcome,
    agent: record.agents.map((agent, index) => toAgent(agent, index === 0, record.address)),
    source: {
      observer: { display: "Lakeview portal" },
      type: [{ system: "http://terminology.hl7.org/CodeSystem/security-source-type", code: "4", display: "Application Server" }],
    },
    // FHIR forbids empty arrays, so an access that names nothing (a search with no results) has no entity.
    ...(entities.length > 0 ? { entity: entities } : {}),
  };
}

function toAgent(agent: AuditAgent, requestor: boolean, address: string | undefined): AuditEventAgent {
  const system = agent.kind === "user" ? userIdentifierSystem : oauthClientIdentifierSystem;
  return {
    who: { identifier: { system, value: agent.id }, ...(agent.display ? { display: agent.display } : {}) },
    requestor,
    ...(address ? { network: { address, type: "2" as const } } : {}),
  };
}

function toResourceEntity(reference: string): AuditEventEntity {
  return {
    what: { reference },
    type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "2", display: "System Object" },
    role: { system: "http://terminology.hl7.org/CodeSystem/object-role", code: "4", display: "Domain Resource" },
  };
}

function toRequestEntity(requestId: string): AuditEventEntity {
  return {
    type: { system: "http://terminology.hl7.org/CodeSystem/audit-entity-type", code: "2", display: "System Object" },
    name: "request",
    description: requestId,
  };
}
