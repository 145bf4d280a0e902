import { convertHl7Message } from "../hl7v2/convert-hl7-message";
import { parseHl7File } from "../hl7v2/parse-hl7-file";
import { convertX12Transaction } from "../x12/convert-x12-transaction";
import { parseX12File } from "../x12/parse-x12-file";
import type { ConvertedMessage } from "./converted-message";
import type { MessageFailure } from "./message-failure";

/** A file of HL7 v2 messages or X12 transaction sets, converted to FHIR message by message. */
export interface MessagesInput {
  kind: "messages";
  format: "hl7v2" | "x12";
  messages: ConvertedMessage[];
  /** Messages that could not be read or converted, each with its line and segment. */
  failures: MessageFailure[];
}

/** Parses an HL7 v2 or X12 file and converts each message; a message that fails is listed and the others still convert. */
export function readMessagesInput(format: "hl7v2" | "x12", text: string): MessagesInput {
  const input: MessagesInput = { kind: "messages", format, messages: [], failures: [] };
  const parsed = format === "hl7v2" ? parseHl7File(text) : parseX12File(text);
  input.failures.push(...parsed.failures);

  const converted = "messages" in parsed ? parsed.messages.map(convertHl7Message) : parsed.transactions.map(convertX12Transaction);
  for (const result of converted) {
    if ("reason" in result) input.failures.push(result);
    else input.messages.push(result);
  }
  return input;
}
