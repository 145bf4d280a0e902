import type { Money as FhirMoney } from "fhir/r4";

/** An amount in a currency's minor unit (cents for USD), so sums are exact integers. */
export interface Money {
  /** Whole minor units: 1234 is $12.34, and ¥1234 is 1234 yen. */
  minorUnits: number;
  /** ISO 4217 code, upper case. */
  currency: string;
}

/**
 * Currency of an amount that gives none. FHIR Money.currency is optional; US payers and both
 * sample sources (CARIN BB, Synthea) use USD.
 */
export const defaultCurrency = "USD";

/** Digits after the decimal point in a currency's minor unit (USD 2, JPY 0, BHD 3), per Intl's ISO 4217 data. */
export function minorUnitDigits(currency: string): number | null {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? null;
  } catch {
    // Intl throws a RangeError for a code that is not three letters; the caller treats it as unknown.
    return null;
  }
}

/**
 * Converts a FHIR Money to whole minor units, rounding half away from zero; Synthea writes
 * amounts such as 134.236. Returns null when the value is missing or the currency is malformed.
 */
export function toMoney(money: FhirMoney | undefined): Money | null {
  if (money?.value === undefined || !Number.isFinite(money.value)) {
    return null;
  }
  const currency = (money.currency ?? defaultCurrency).toUpperCase();
  const digits = minorUnitDigits(currency);
  if (digits === null) {
    return null;
  }

  // toPrecision(15) drops binary noise first, so 1.005 × 100 becomes 100.5 and rounds to 101.
  const scaled = Number((money.value * 10 ** digits).toPrecision(15));
  const minorUnits = Math.sign(scaled) * Math.round(Math.abs(scaled));
  return { minorUnits: minorUnits === 0 ? 0 : minorUnits, currency };
}

/** Adds amounts of one currency; returns null when the list is empty or mixes currencies. */
export function sumMoney(amounts: Money[]): Money | null {
  const [first] = amounts;
  if (!first || amounts.some((amount) => amount.currency !== first.currency)) {
    return null;
  }
  return { minorUnits: amounts.reduce((total, amount) => total + amount.minorUnits, 0), currency: first.currency };
}
