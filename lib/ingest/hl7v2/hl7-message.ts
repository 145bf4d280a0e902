/** The separators a message declares in MSH-1 and MSH-2. */
export interface Hl7Delimiters {
  field: string;
  component: string;
  repetition: string;
  escape: string;
  subcomponent: string;
}

/** One repetition of a field: its components, each a list of subcomponents, unescaped. */
export type Hl7Repetition = string[][];

/** One segment: `fields[n]` is field n (MSH-1 is the field separator, MSH-2 the encoding characters). */
export interface Hl7Segment {
  name: string;
  /** 1-based line in the file. */
  line: number;
  fields: Hl7Repetition[][];
}

/** One HL7 v2 message: the MSH segment and the segments after it, Z-segments included. */
export interface Hl7Message {
  delimiters: Hl7Delimiters;
  segments: Hl7Segment[];
  /** 1-based line of the MSH segment. */
  line: number;
  /** The raw text of the message, lines joined with "\r". */
  text: string;
}

/**
 * Returns one value of a segment, 1-based as HL7 numbers them (PID-3.4.2 is
 * `hl7Value(pid, 3, 4, 2)`), from the first repetition unless `repetition` (0-based) is given.
 * Returns "" for anything absent, as HL7 treats a missing value and an empty one alike.
 */
export function hl7Value(segment: Hl7Segment | undefined, field: number, component = 1, subcomponent = 1, repetition = 0): string {
  return segment?.fields[field]?.[repetition]?.[component - 1]?.[subcomponent - 1] ?? "";
}

/** Returns the repetitions of a field that contain any value. */
export function hl7Repetitions(segment: Hl7Segment | undefined, field: number): Hl7Repetition[] {
  const repetitions = segment?.fields[field] ?? [];
  return repetitions.filter((repetition) => repetition.some((component) => component.some((sub) => sub !== "")));
}

/** Returns one subcomponent of a component of a repetition (the first unless `subcomponent` is given), or "" when absent. */
export function hl7Component(repetition: Hl7Repetition | undefined, component: number, subcomponent = 1): string {
  return repetition?.[component - 1]?.[subcomponent - 1] ?? "";
}

/** Returns the first segment with a name, or undefined. */
export function findSegment(message: Hl7Message, name: string): Hl7Segment | undefined {
  return message.segments.find((segment) => segment.name === name);
}
