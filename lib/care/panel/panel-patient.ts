/** A patient as the panel admin page lists it. */
export interface PanelPatient {
  id: string;
  name: string | null;
  birthDate: string | null;
}
