import type { Identifier, Provenance } from "fhir/r4";

/** The origin of a converted message: its sender, control id and time. */
export interface MessageSource {
  /** The sending application or facility (MSH-4) or interchange sender (ISA-06). */
  sender: string;
  /** The message control id (MSH-10), or the interchange control number (ISA-13) and transaction set control number (ST-02), with their systems. */
  entities: Identifier[];
  /** When the sender created the message (MSH-7, or ISA-09 and ISA-10), as an instant. */
  recorded: string;
}

const provenanceAgentType = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

/**
 * Builds the Provenance of the resources converted from one message: each target, the time the
 * sender recorded the message, the sender as author, and the message's control id as the source
 * entities. The same message always gives the same Provenance, so a re-run writes no new version.
 */
export function provenanceOfMessage(targets: string[], source: MessageSource): Provenance {
  return {
    resourceType: "Provenance",
    target: targets.map((reference) => ({ reference })),
    recorded: source.recorded,
    activity: { coding: [{ system: "http://terminology.hl7.org/CodeSystem/v3-DataOperation", code: "CREATE" }] },
    agent: [
      {
        type: { coding: [{ system: provenanceAgentType, code: "author" }] },
        who: { display: source.sender === "" ? "unknown sender" : source.sender },
      },
    ],
    entity: source.entities.map((identifier) => ({ role: "source", what: { identifier } })),
  };
}
