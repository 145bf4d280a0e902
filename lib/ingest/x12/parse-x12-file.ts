import { X12Parser, type X12Interchange, type X12Segment as ParsedSegment } from "node-x12";

import type { MessageFailure } from "../message/message-failure";
import type { X12Envelope, X12Segment, X12Transaction } from "./x12-transaction";

/** The transaction sets of one X12 file, and a failure when the file could not be read. */
export interface X12File {
  transactions: X12Transaction[];
  failures: MessageFailure[];
}

/**
 * Parses an X12 file with node-x12, which reads the element, component and segment separators
 * from the ISA header, into its transaction sets (several per functional group and several
 * groups per interchange are read). A file that node-x12 cannot parse becomes one failure.
 */
export function parseX12File(text: string): X12File {
  const trimmed = text.replace(/^\uFEFF/, "").trim();
  let parsed: ReturnType<X12Parser["parse"]>;
  try {
    parsed = new X12Parser(true).parse(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { transactions: [], failures: [{ line: 1, segment: "ISA", reason: `Interchange could not be parsed: ${reason} Check that the file is one whole X12 interchange from ISA to IEA.`, text }] };
  }

  const interchanges: X12Interchange[] = "interchanges" in parsed ? parsed.interchanges : [parsed];
  const truncation = findMissingTrailer(interchanges);
  if (truncation) {
    return { transactions: [], failures: [{ ...truncation, text }] };
  }
  const lines = trimmed.split(/\r\n|\r|\n/);
  // node-x12 1.7 reads ISA-13 and IEA-02 as numbers and drops their leading zeros, so the first
  // interchange's control number is read from the fixed-width ISA text itself.
  const firstControlNumber = trimmed.slice(0, 106).split(trimmed.charAt(3))[13];
  const delimiters = { element: trimmed.charAt(3), segment: trimmed.charAt(105) };
  const transactions = interchanges.flatMap((interchange, index) => readInterchange(interchange, lines, delimiters, index === 0 ? firstControlNumber : undefined));
  return { transactions, failures: [] };
}

/**
 * Finds a transaction set, functional group or interchange whose trailer (SE, GE, IEA) is
 * missing, as in a file cut short. node-x12 parses such a file without an error and leaves the
 * trailer out, so the check is made here before any segment is read.
 */
function findMissingTrailer(interchanges: readonly X12Interchange[]): Omit<MessageFailure, "text"> | null {
  for (const interchange of interchanges) {
    for (const group of interchange.functionalGroups) {
      for (const transaction of group.transactions) {
        if (!(transaction.trailer as ParsedSegment | undefined)) {
          const line = (transaction.header as ParsedSegment | undefined)?.range.start.line ?? 0;
          return { line: line + 1, segment: "SE", reason: "The transaction set that starts here has no SE trailer; the file looks cut short. Send the whole interchange from ISA to IEA." };
        }
      }
      if (!(group.trailer as ParsedSegment | undefined)) {
        return { line: group.header.range.start.line + 1, segment: "GE", reason: "The functional group that starts here has no GE trailer; the file looks cut short. Send the whole interchange from ISA to IEA." };
      }
    }
    if (!(interchange.trailer as ParsedSegment | undefined)) {
      return { line: interchange.header.range.start.line + 1, segment: "IEA", reason: "The interchange that starts here has no IEA trailer; the file looks cut short. Send the whole interchange from ISA to IEA." };
    }
  }
  return null;
}

function readInterchange(interchange: X12Interchange, lines: string[], delimiters: { element: string; segment: string }, controlNumber: string | undefined): X12Transaction[] {
  const envelope = readEnvelope(interchange, controlNumber);
  const isaLine = lines[interchange.header.range.start.line] ?? "";
  return interchange.functionalGroups.flatMap((group) =>
    group.transactions.map((transaction) => {
      const header = toSegment(transaction.header);
      const segments = transaction.segments.map(toSegment);
      const last = transaction.trailer.range.end.line + 1;
      const text = lines.slice(header.line - 1, last).join("\n");
      // A file with one segment per line gives the transaction set's own lines, which need their
      // envelope to parse again. A file on one line gives the whole interchange already.
      const { element, segment } = delimiters;
      const trailers = [`GE${element}1${element}${group.header.elements[5]?.value ?? ""}${segment}`, `IEA${element}1${element}${isaLine.split(element)[13] ?? ""}${segment}`];
      const standalone = text.startsWith("ISA") ? text : [isaLine, lines[group.header.range.start.line] ?? "", text, ...trailers].join("\n");
      return { envelope, type: header.elements[1] ?? "", controlNumber: header.elements[2] ?? "", version: header.elements[3] || (group.header.elements[7]?.value ?? ""), segments, line: header.line, text, standalone };
    }),
  );
}

function readEnvelope(interchange: X12Interchange, controlNumber: string | undefined): X12Envelope {
  const isa = interchange.header.elements.map((element) => element.value);
  const date = isa[8] ?? "";
  const time = isa[9] ?? "";
  // ISA-09 has a two-digit year; the X12 5010 era began in 2012, so 20YY is the century.
  const recorded = /^\d{6}$/.test(date) && /^\d{4}$/.test(time) ? `20${date.slice(0, 2)}-${date.slice(2, 4)}-${date.slice(4, 6)}T${time.slice(0, 2)}:${time.slice(2, 4)}:00Z` : "1970-01-01T00:00:00Z";
  return { sender: (isa[5] ?? "").trim(), controlNumber: controlNumber ?? interchange.header.elements[12]?.value ?? "", recorded, componentSeparator: isa[15] ?? ":" };
}

function toSegment(segment: ParsedSegment): X12Segment {
  return { tag: segment.tag, line: segment.range.start.line + 1, elements: [segment.tag, ...segment.elements.map((element) => element.value)] };
}
