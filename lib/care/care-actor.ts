/** The signed-in care manager a write is made by; the id is their account id. */
export interface CareActor {
  id: string;
  name: string;
}
