/**
 * Creates a 10-digit NPI from a 9-digit base that starts with 1 or 2. The NPI check digit is the
 * Luhn check digit of the prefix 80840 followed by the base.
 */
export function createNpi(base: string): string {
  if (!/^[12]\d{8}$/.test(base)) {
    throw new RangeError(`createNpi expects 9 digits starting with 1 or 2; it received "${base}".`);
  }
  return base + luhnCheckDigit(`80840${base}`);
}

/** Returns whether a string is a 10-digit NPI whose last digit is the correct check digit. */
export function isValidNpi(npi: string): boolean {
  return /^[12]\d{9}$/.test(npi) && createNpi(npi.slice(0, 9)) === npi;
}

function luhnCheckDigit(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // The check digit will sit to the right, so the payload's last digit is the first one doubled.
    let digit = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}
