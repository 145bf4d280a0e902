import { createHash } from "node:crypto";

import type { ConvertedMessage } from "../message/converted-message";
import { MessageEntries } from "../message/message-entries";
import type { MessageFailure } from "../message/message-failure";
import { provenanceOfMessage } from "../provenance-of-message";
import { convert835 } from "./convert-835";
import { convert837 } from "./convert-837";
import { x12Systems } from "./x12-systems";
import type { X12Transaction } from "./x12-transaction";

/**
 * Converts one X12 transaction set: an 837 (professional or institutional) to Claims, an 835 to
 * ExplanationOfBenefits and a PaymentReconciliation, with a Provenance naming the interchange
 * sender (ISA-06) and control number (ISA-13). Other transaction sets (270, 271, 834) convert
 * to nothing. Returns a failure with the transaction's line when a claim lacks a party or a
 * claim payment has an invalid status or amount. Other invalid values are left out with a warning.
 */
export function convertX12Transaction(transaction: X12Transaction): ConvertedMessage | MessageFailure {
  const converted: ConvertedMessage = { line: transaction.line, text: transaction.standalone, controlId: transaction.controlNumber, warnings: [], entries: [], mergedPatients: [], claimReferences: [] };
  const entries = new MessageEntries();
  const problem = transaction.type === "837" ? convert837(entries, transaction) : transaction.type === "835" ? convert835(entries, converted, transaction) : undefined;
  if (problem) {
    return { line: transaction.line, segment: problem.slice(0, 3), reason: `Transaction set ${transaction.type} at line ${transaction.line}: ${problem}`, text: transaction.standalone };
  }

  if (entries.entries.length > 0) {
    const { sender, controlNumber, recorded } = transaction.envelope;
    const entities = [
      { system: x12Systems.interchangeControlNumber, value: controlNumber },
      { system: x12Systems.transactionSetControlNumber, value: transaction.controlNumber },
    ];
    const textHash = createHash("sha256").update(transaction.text).digest("hex");
    entries.put(provenanceOfMessage(entries.references(), { sender, recorded, entities }), sender, "provenance", controlNumber, transaction.controlNumber, textHash);
  }
  converted.entries = entries.entries;
  converted.warnings = entries.warnings;
  return converted;
}
