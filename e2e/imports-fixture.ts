/**
 * The HL7 v2 file that e2e/prepare-database.ts imports as a recorded run, for the admin imports
 * journey: one message that stores, one with an invalid PID-7 birth date (stored with a warning)
 * and one with an invalid MSH-7 (rejected and kept in failed_message). Synthetic people only.
 */
export const importsFixture = {
  fileName: "e2e-admissions.hl7",
  text: [
    "MSH|^~\\&|E2EAPP|E2EFAC|||20260304120000||ADT^A04|E2E-OK|P|2.5",
    "PID|1||E2E-MRN1^^^E2EFAC^MR||TESTPERSON^ALPHA||19800215|F",
    "MSH|^~\\&|E2EAPP|E2EFAC|||20260304120500||ADT^A04|E2E-WARN|P|2.5",
    "PID|1||E2E-MRN2^^^E2EFAC^MR||TESTPERSON^BRAVO||19801345|M",
    "MSH|^~\\&|E2EAPP|E2EFAC|||not-a-time||ADT^A04|E2E-BAD|P|2.5",
    "PID|1||E2E-MRN3^^^E2EFAC^MR||TESTPERSON^CHARLIE||19700101|M",
    "",
  ].join("\n"),
  /** Line where the rejected message starts. */
  rejectedLine: 5,
};
