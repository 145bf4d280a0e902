import { parseFhirDate } from "../claims/parse-fhir-date";

/**
 * Returns a person's age in whole years on `today` (UTC calendar day), or null when `birthDate`
 * is missing or not a FHIR date. A birth date given only as a year or a month is read as its
 * earliest day, so the age is never understated and a privacy age limit is never passed early.
 */
export function ageInYears(birthDate: string | undefined, today: Date): number | null {
  const birth = parseFhirDate(birthDate);
  if (!birth) {
    return null;
  }

  const month = birth.month ?? 1;
  const day = birth.day ?? 1;
  const todayMonth = today.getUTCMonth() + 1;
  const todayDay = today.getUTCDate();
  const hadBirthdayThisYear = todayMonth > month || (todayMonth === month && todayDay >= day);
  return today.getUTCFullYear() - birth.year - (hadBirthdayThisYear ? 0 : 1);
}
