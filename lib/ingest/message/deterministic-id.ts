import { createHash } from "node:crypto";

/**
 * Derives a FHIR id in UUID form from source identifiers, such as the sender and message control
 * id, so that converting the same message again yields the same ids and a re-run writes nothing.
 */
export function deterministicId(...parts: string[]): string {
  const hex = createHash("sha256").update(parts.join("\u0000")).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
