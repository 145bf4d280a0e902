import type { HumanName } from "fhir/r4";

/**
 * Picks the name to show from a FHIR name list: the "official" one, else the first that is not
 * "old", and writes it as text, else prefixes, given names and family. Returns null when no
 * name has any text.
 */
export function toDisplayName(names: HumanName[] | undefined, options: { withPrefix?: boolean } = {}): string | null {
  const usable = (names ?? []).filter((name) => name.use !== "old");
  const name = usable.find((candidate) => candidate.use === "official") ?? usable[0];
  if (!name) {
    return null;
  }
  if (name.text?.trim()) {
    return name.text.trim();
  }

  const parts = [...(options.withPrefix ? (name.prefix ?? []) : []), ...(name.given ?? []), name.family ?? ""];
  const text = parts
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .join(" ");
  return text.length > 0 ? text : null;
}
