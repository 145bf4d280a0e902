import type { BundleEntry, Identifier } from "fhir/r4";

import type { ConversionWarning } from "./conversion-warning";

/** The FHIR transaction entries converted from one HL7 v2 message or one X12 transaction set. */
export interface ConvertedMessage {
  /** 1-based line of the file where the message starts. */
  line: number;
  /** The message's raw text, kept when importing it fails. */
  text: string;
  /** MSH-10 of an HL7 v2 message, or ST-02 of an X12 transaction set. */
  controlId: string;
  /** Invalid values left out of the entries; the message is stored without them. */
  warnings: ConversionWarning[];
  entries: BundleEntry[];
  /**
   * Patients that an A40 merge replaced: the import adds their `replaced-by` link to the stored
   * Patient's own content, so the merge keeps what was stored about them.
   */
  mergedPatients: { fullUrl: string; identifier: Identifier }[];
  /**
   * References to a stored Claim by claim control number (835 CLP01): the import keeps each one
   * only when exactly one Claim matches, because a remittance may arrive before its claim.
   */
  claimReferences: { entryIndex: number; identifier: Identifier }[];
}
