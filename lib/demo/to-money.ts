import type { Money } from "fhir/r4";

/**
 * Converts integer cents to a FHIR Money in US dollars. All amounts are computed in cents so
 * sums stay exact; JSON then prints the dollar value in its shortest form (12.5, not 12.50).
 */
export function toMoney(cents: number): Money {
  if (!Number.isSafeInteger(cents)) {
    throw new RangeError(`toMoney expects whole cents; it received ${cents}. Round before converting.`);
  }
  return { value: cents / 100, currency: "USD" };
}
