import type { Database } from "../db/database";
import { toDisplayName } from "../claims/to-display-name";
import { ageInYears } from "../dependents/age-in-years";
import { privateRecordAge } from "../dependents/dependent-access";
import { listRecordViewers, type RecordViewer } from "../dependents/list-record-viewers";
import { readPatientOrNull } from "../dependents/read-patient-or-null";
import { FhirStore } from "../fhir/store/fhir-store";
import type { ProfileView } from "./profile-view";
import { toProfileView } from "./to-profile-view";

/** View models of the profile page. */
export type ProfilePageData =
  | { kind: "no-patient" }
  | {
      kind: "patient";
      name: string | null;
      profile: ProfileView;
      /**
       * Subscribers the member may share their own record with. Empty when the page shows someone
       * else's record, or when the member is under 13 and the subscriber may view it anyway.
       */
      viewers: RecordViewer[];
    };

/**
 * Loads the profile of `patientId`, the record the member is viewing. Sharing choices are loaded
 * only when that is the member's own record (`ownRecord`).
 */
export async function getProfilePageData(db: Database, patientId: string | null, ownRecord: boolean, today: Date): Promise<ProfilePageData> {
  if (!patientId) {
    return { kind: "no-patient" };
  }
  const store = new FhirStore(db);
  const patient = await readPatientOrNull(store, patientId);
  if (!patient) {
    return { kind: "no-patient" };
  }

  const age = ageInYears(patient.birthDate, today);
  const mayShare = ownRecord && age !== null && age >= privateRecordAge;
  const viewers = mayShare ? await listRecordViewers(db, store, patientId, today) : [];
  return { kind: "patient", name: toDisplayName(patient.name), profile: toProfileView(patient), viewers };
}
