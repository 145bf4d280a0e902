import type { MemberOwes } from "@/lib/claims/compute-member-owes";

import { formatMoney } from "./format-money";
import { memberStrings } from "./strings";

/** Formats the "You owe" cell: an amount, "At least" an amount, or "Not available". */
export function formatMemberOwes(owes: MemberOwes): string {
  switch (owes.kind) {
    case "exact":
      return formatMoney(owes.amount, memberStrings.locale);
    case "atLeast":
      return memberStrings.atLeast(formatMoney(owes.amount, memberStrings.locale));
    case "unknown":
      return memberStrings.notAvailable;
  }
}
