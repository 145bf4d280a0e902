import type { FhirResource } from "fhir/r4";

/** Every R4 resource type name, such as "Patient". */
export type ResourceType = FhirResource["resourceType"];

/** The R4 resource interface for a type name: `ResourceOf<"Patient">` is `Patient`. */
export type ResourceOf<K extends ResourceType> = Extract<FhirResource, { resourceType: K }>;
