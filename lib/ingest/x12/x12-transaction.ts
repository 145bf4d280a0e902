/** One segment of an X12 transaction set: `elements[n]` is element n (element 0 is the tag). */
export interface X12Segment {
  tag: string;
  /** 1-based line in the file. */
  line: number;
  elements: string[];
}

/** The ISA envelope of an interchange: its sender, control number and time. */
export interface X12Envelope {
  /** ISA-06, the interchange sender id, without its padding. */
  sender: string;
  /** ISA-13, the interchange control number, as written. */
  controlNumber: string;
  /** ISA-09 (YYMMDD) and ISA-10 (HHMM) as a FHIR instant, read as UTC. */
  recorded: string;
  /** The component separator (ISA-16). */
  componentSeparator: string;
}

/** One transaction set (ST to SE) and the envelope it came in. */
export interface X12Transaction {
  envelope: X12Envelope;
  /** ST-01, such as "837" or "835". */
  type: string;
  /** ST-02, the transaction set control number. */
  controlNumber: string;
  /** GS-08 or ST-03, the implementation guide, such as "005010X222A2". */
  version: string;
  segments: X12Segment[];
  /** 1-based line of the ST segment. */
  line: number;
  /** The raw text of the transaction set, from ST to SE; its hash names the transaction's Provenance. */
  text: string;
  /** The transaction set inside its ISA, GS, GE and IEA envelope, which parses on its own when re-processed. */
  standalone: string;
}

/** Returns element `index` of a segment, or "" when absent. */
export function x12Value(segment: X12Segment | undefined, index: number): string {
  return segment?.elements[index] ?? "";
}

/** Returns component `component` (1-based) of a composite element, or "" when absent. */
export function x12Component(segment: X12Segment | undefined, index: number, component: number, separator: string): string {
  return x12Value(segment, index).split(separator)[component - 1] ?? "";
}
