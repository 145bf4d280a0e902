import Link from "next/link";

import type { PlanSummary } from "@/lib/claims/to-plan-summary";

import { memberStrings } from "./strings";

/**
 * Renders the member's plan and insurer, or a note that the plan is not on file. With
 * `coverageLink` it links to the coverage page.
 */
export function PlanCard({ plan, coverageLink = false }: { plan: PlanSummary | null; coverageLink?: boolean }): React.ReactElement {
  return (
    <section className="panel" aria-labelledby="plan-heading">
      <h2 id="plan-heading">{memberStrings.planHeading}</h2>
      {plan === null ? (
        <p>{memberStrings.noPlan}</p>
      ) : (
        <dl className="facts">
          <div>
            <dt>{memberStrings.planLabel}</dt>
            <dd>{plan.planName ? (memberStrings.planKinds[plan.planName] ?? plan.planName) : memberStrings.planUnknown}</dd>
          </div>
          <div>
            <dt>{memberStrings.payerLabel}</dt>
            <dd>{plan.payerName ?? memberStrings.planUnknown}</dd>
          </div>
        </dl>
      )}
      {coverageLink && (
        <p className="note">
          <Link href="/member/coverage">{memberStrings.coverageLink}</Link>
        </p>
      )}
    </section>
  );
}
