import type { Prng } from "./create-prng";

/** A synthetic person's name split the way HumanName stores it. */
export interface PersonName {
  given: string[];
  family: string;
}

// Invented combinations of common US names. Accents and apostrophes are deliberate: the portal must
// display, sort and search them correctly.
const femaleGiven = [
  "María", "Olivia", "Emma", "Sofía", "Ava", "Chloé", "Renée", "Zoë", "Inés", "Hannah", "Grace", "Naomi",
  "Leah", "Camila", "Aisha", "Mei", "Priya", "Fatima", "Nizhoni", "Lucía", "Margaret", "Dolores", "Evelyn",
  "Abigail", "Harper", "Isabella", "Joanne", "Kateri", "Linh", "Noor", "Siobhán", "Valentina",
] as const;

const maleGiven = [
  "José", "James", "Liam", "Noah", "Mateo", "André", "Ramón", "Ethan", "Lucas", "Daniel", "Samuel", "Omar",
  "Wei", "Arjun", "Malik", "Kai", "Elijah", "Gabriel", "Henry", "Joaquín", "Marcus", "Robert", "Thomas",
  "Declan", "Hiroshi", "Isaiah", "Jesús", "Kwame", "Minh", "Nathaniel", "Rafael", "Tobías",
] as const;

const middleGiven = ["Ann", "Marie", "Lee", "James", "Rose", "Alexander", "Grace", "Ray", "Elena", "John"] as const;

const familyNames = [
  "García", "Hernández", "López", "Martínez", "Núñez", "Peña", "Ibáñez", "Rodríguez", "O'Brien", "O'Connor",
  "D'Angelo", "D'Souza", "McAllister", "Nguyen", "Kim", "Patel", "Johnson", "Williams", "Brown", "Davis",
  "Begay", "Yazzie", "Tsosie", "Chee", "Whitehorse", "Anderson", "Okafor", "Haddad", "Kowalski", "Schröder",
  "Lindqvist", "Fitzgerald", "Nakamura", "Chen", "Singh", "Washington", "Reyes", "Castillo", "Morales",
  "St. Clair", "Van der Berg", "Dubois", "Ortiz", "Abernathy", "Friedman", "Goldberg", "Sato", "Tran",
] as const;

/** Picks a given name (and sometimes a middle name) for a gender. */
export function pickGivenNames(prng: Prng, gender: "male" | "female"): string[] {
  const first = prng.pick(gender === "female" ? femaleGiven : maleGiven);
  return prng.chance(0.3) ? [first, prng.pick(middleGiven)] : [first];
}

/** Picks a family name. */
export function pickFamilyName(prng: Prng): string {
  return prng.pick(familyNames);
}
