/**
 * A value that a converter left out of a message's resources because it was invalid. The
 * message is still stored, without the value, and the import report lists the warning.
 */
export interface ConversionWarning {
  /** The segment and field or element, such as "PID-7" or "CLP05". */
  field: string;
  /** The value as written in the message. */
  value: string;
  /** The expected form of the value, such as "a date as YYYYMMDD". */
  expected: string;
  /** The change to the stored resource, such as "Patient.birthDate left out". */
  outcome: string;
}

/** Collects the warnings of one message; converters call it where they drop or replace a value. */
export type WarnFunction = (warning: ConversionWarning) => void;
