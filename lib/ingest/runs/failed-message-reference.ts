/**
 * Returns the URN that an AuditEvent entity uses for a failed message. The message is no FHIR
 * resource, and a message that failed to convert may name no stored Patient, so the event names
 * the message itself.
 */
export function failedMessageReference(contentHash: string): string {
  return `urn:lakeview:failed-message:${contentHash}`;
}
