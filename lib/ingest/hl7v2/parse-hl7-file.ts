import type { MessageFailure } from "../message/message-failure";
import type { Hl7Delimiters, Hl7Message, Hl7Repetition, Hl7Segment } from "./hl7-message";
import { unescapeHl7 } from "./unescape-hl7";

/** The messages of one file, and the messages that could not be read. */
export interface Hl7File {
  messages: Hl7Message[];
  failures: MessageFailure[];
}

interface Line {
  number: number;
  text: string;
}

const segmentName = /^[A-Z][A-Z0-9]{2}$/;
// File and batch envelopes wrap messages and carry no data to convert.
const envelopeSegments = new Set(["FHS", "BHS", "BTS", "FTS"]);
// MSH-9 (message type) is the last field every message must have; MSH-10 and MSH-12 are checked by the converter.
const minimumMshFields = 9;

/**
 * Splits the text of an .hl7 file into messages and parses each one with the delimiters of its
 * own MSH-1 and MSH-2. Segments may end in CR, LF or CRLF, and trailing spaces and a leading
 * byte order mark are ignored. File and batch envelopes (FHS, BHS, BTS, FTS) are skipped.
 * Z-segments are kept. A message that cannot be read, such as one with a garbled segment name
 * or a truncated MSH, becomes a failure with its line and segment, and the others still parse.
 */
export function parseHl7File(text: string): Hl7File {
  const file: Hl7File = { messages: [], failures: [] };
  const lines = text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line, index) => ({ number: index + 1, text: line.replace(/[ \t]+$/, "") }))
    .filter((line) => line.text !== "");

  for (const group of groupMessages(lines, file.failures)) {
    const parsed = parseMessage(group);
    if ("reason" in parsed) file.failures.push(parsed);
    else file.messages.push(parsed);
  }
  return file;
}

/** Groups lines into messages, each starting at an MSH; reports lines outside any message. */
function groupMessages(lines: Line[], failures: MessageFailure[]): Line[][] {
  const groups: Line[][] = [];
  let current: Line[] | undefined;
  for (const line of lines) {
    const name = line.text.slice(0, 3);
    if (envelopeSegments.has(name)) {
      current = undefined;
    } else if (name === "MSH") {
      current = [line];
      groups.push(current);
    } else if (current) {
      current.push(line);
    } else {
      failures.push({
        line: line.number,
        segment: segmentName.test(name) ? name : "(none)",
        reason: `Segment at line ${line.number} is outside any message: every message starts with an MSH segment. Add the missing MSH or remove the stray line.`,
        text: line.text,
      });
    }
  }
  return groups;
}

/** Parses the lines of one message; groupMessages never makes an empty group, so the MSH line is there. */
function parseMessage(lines: Line[]): Hl7Message | MessageFailure {
  const header = lines[0] ?? { number: 0, text: "" };
  const text = lines.map((line) => line.text).join("\r");
  const fail = (line: Line, segment: string, reason: string): MessageFailure => ({ line: header.number, segment, reason: `Line ${line.number}, segment ${segment}: ${reason}`, text });

  const delimiters = readDelimiters(header.text);
  if (typeof delimiters === "string") return fail(header, "MSH", delimiters);

  const segments: Hl7Segment[] = [];
  for (const line of lines) {
    const name = line.text.slice(0, 3);
    const next = line.text.charAt(3);
    if (!segmentName.test(name) || (next !== "" && next !== delimiters.field)) {
      return fail(line, segmentName.test(name) ? name : "(none)", `"${line.text.slice(0, 8)}" does not start with a segment name of 3 capital letters or digits followed by "${delimiters.field}". Check that the message was not cut or joined with another text.`);
    }
    segments.push(parseSegment(line, delimiters));
  }

  const msh = segments[0];
  if (!msh || msh.fields.length <= minimumMshFields) {
    return fail(header, "MSH", `MSH ends after field ${Math.max(0, (msh?.fields.length ?? 1) - 1)}, so it has no message type (MSH-9). The message is truncated; send it again whole.`);
  }
  return { delimiters, segments, line: header.number, text };
}

/** Reads MSH-1 and MSH-2; returns a reason when they are not 1 and 4 (or 5, with the v2.7 truncation character) distinct characters. */
function readDelimiters(mshLine: string): Hl7Delimiters | string {
  const field = mshLine.charAt(3);
  const encoding = mshLine.slice(4).split(field)[0] ?? "";
  const characters = [field, ...encoding];
  if (field === "" || /[A-Za-z0-9\s]/.test(field) || encoding.length < 4 || encoding.length > 5 || new Set(characters).size !== characters.length) {
    return `MSH-1 and MSH-2 must declare 5 distinct separator characters, such as "|^~\\&"; found "${mshLine.slice(3, 9)}".`;
  }
  const [component = "^", repetition = "~", escape = "\\", subcomponent = "&"] = encoding;
  return { field, component, repetition, escape, subcomponent };
}

function parseSegment(line: Line, delimiters: Hl7Delimiters): Hl7Segment {
  const name = line.text.slice(0, 3);
  const raw = line.text.split(delimiters.field);
  const fields: Hl7Repetition[][] = raw.map((value) => parseField(value, delimiters));
  if (name === "MSH") {
    // MSH-1 is the field separator itself and MSH-2 the encoding characters: neither is split or unescaped.
    const encoding = raw[1] ?? "";
    fields.splice(1, 1, [[[delimiters.field]]], [[[encoding]]]);
  }
  fields[0] = [[[name]]];
  return { name, line: line.number, fields };
}

function parseField(value: string, delimiters: Hl7Delimiters): Hl7Repetition[] {
  return value.split(delimiters.repetition).map((repetition) =>
    repetition.split(delimiters.component).map((component) => component.split(delimiters.subcomponent).map((sub) => unescapeHl7(sub, delimiters))),
  );
}
