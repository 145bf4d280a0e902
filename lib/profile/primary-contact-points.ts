import type { Address, ContactPoint } from "fhir/r4";

/**
 * Returns the index of the contact point of one system the member uses first: the lowest rank
 * (FHIR rank 1 is the most preferred), unranked ones after ranked, and for equal rank the earlier
 * one. Entries whose period has ended or whose use is "old" are skipped. Returns -1 when none fits.
 */
export function primaryTelecomIndex(telecom: readonly ContactPoint[], system: ContactPoint["system"]): number {
  let best = -1;
  telecom.forEach((point, index) => {
    if (point.system !== system || point.use === "old" || point.period?.end !== undefined) return;
    if (best === -1 || rankOf(point) < rankOf(telecom[best])) best = index;
  });
  return best;
}

/** Returns the index of the home address, else the first one not marked "old"; -1 when none. */
export function primaryAddressIndex(addresses: readonly Address[]): number {
  const home = addresses.findIndex((address) => address.use === "home");
  return home !== -1 ? home : addresses.findIndex((address) => address.use !== "old");
}

function rankOf(point: ContactPoint | undefined): number {
  return point?.rank ?? Number.POSITIVE_INFINITY;
}
