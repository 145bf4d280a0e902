import type { Address } from "fhir/r4";

import type { Prng } from "./create-prng";

/** A home address plus the telephone area code of its city. */
export interface HomeContact {
  address: Address;
  areaCode: string;
}

const cities = [
  { city: "Phoenix", zips: ["85004", "85016", "85032"], areaCode: "602" },
  { city: "Tempe", zips: ["85281", "85283"], areaCode: "480" },
  { city: "Mesa", zips: ["85201", "85210"], areaCode: "480" },
  { city: "Chandler", zips: ["85224", "85226"], areaCode: "480" },
  { city: "Scottsdale", zips: ["85251", "85257"], areaCode: "480" },
  { city: "Glendale", zips: ["85301", "85308"], areaCode: "623" },
  { city: "Tucson", zips: ["85705", "85719"], areaCode: "520" },
  { city: "Flagstaff", zips: ["86001", "86004"], areaCode: "928" },
  { city: "Lake Havasu City", zips: ["86403"], areaCode: "928" },
] as const;

const streets = [
  "E Camelback Rd", "W Indian School Rd", "N Scottsdale Rd", "S Mill Ave", "E University Dr", "W Baseline Rd",
  "N 7th St", "E Thomas Rd", "N Central Ave", "Palo Verde Ln", "Ocotillo Dr", "Mesquite St", "E Saguaro Trl",
  "W Desert Willow Way", "N Cholla Cir", "S Ironwood Ct",
] as const;

/** Creates a synthetic Arizona home address. */
export function createHomeContact(prng: Prng): HomeContact {
  const place = prng.pick(cities);
  const line = [`${prng.int(100, 9899)} ${prng.pick(streets)}`];
  if (prng.chance(0.2)) {
    line.push(`Apt ${prng.int(1, 40)}${prng.pick(["A", "B", "C"])}`);
  }

  return {
    address: {
      use: "home",
      type: "physical",
      line,
      city: place.city,
      state: "AZ",
      postalCode: prng.pick(place.zips),
      country: "US",
    },
    areaCode: place.areaCode,
  };
}

/** Creates a phone number in the 555-0100 to 555-0199 block, which US numbering reserves for fiction. */
export function createPhoneNumber(prng: Prng, areaCode: string): string {
  return `(${areaCode}) 555-01${String(prng.int(0, 99)).padStart(2, "0")}`;
}
