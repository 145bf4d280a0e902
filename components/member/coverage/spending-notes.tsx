import type { PlanYearSpending } from "@/lib/coverage/plan-year-spending";

import { formatMoney } from "../format-money";
import { coverageStrings } from "./strings";

/** Renders the notes that qualify the spending totals: which claims count, what was left out, and why. */
export function SpendingNotes({ spending }: { spending: PlanYearSpending }): React.ReactElement {
  const text = coverageStrings.spending;
  const money = (amount: Parameters<typeof formatMoney>[0]): string => formatMoney(amount, coverageStrings.locale);

  return (
    <div className="note">
      {spending.claimCount === 0 && <p>{text.noClaims}</p>}
      {spending.counted === "in-network" && <p>{text.countedInNetwork}</p>}
      {spending.outOfNetwork && <p>{text.outOfNetwork(money(spending.outOfNetwork.deductible), money(spending.outOfNetwork.outOfPocket))}</p>}
      {spending.unreadableCount > 0 && <p>{text.unreadable(spending.unreadableCount)}</p>}
      {spending.limitsSource === "claim" && <p>{text.fromClaims}</p>}
      {spending.family && <p>{text.familyNote}</p>}
    </div>
  );
}
