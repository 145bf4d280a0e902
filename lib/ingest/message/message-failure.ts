/** An HL7 v2 message or X12 transaction set that the import could not read, convert or store, with its raw text. */
export interface MessageFailure {
  /** 1-based line of the file where the failed message starts. */
  line: number;
  /** The segment the problem was found in, such as "MSH", "OBX" or "CLM". */
  segment: string;
  /** The problem and how to fix it. Like other import rejections, it may quote a rejected value or the start of a garbled line. */
  reason: string;
  /** The message's raw text, so that it can be re-processed once fixed. */
  text: string;
}
