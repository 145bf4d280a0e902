/** A message (HL7 v2) or transaction set (X12) that could not be read or converted, kept for re-processing. */
export interface MessageFailure {
  /** 1-based line of the file where the failed message starts. */
  line: number;
  /** The segment the problem was found in, such as "MSH", "OBX" or "CLM". */
  segment: string;
  /** What is wrong and how to fix it; never quotes a patient's data. */
  reason: string;
  /** The message's raw text, so that it can be re-processed once fixed. */
  text: string;
}
