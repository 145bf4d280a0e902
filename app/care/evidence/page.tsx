import type { Metadata } from "next";

import { EvidenceReviewList } from "@/components/care/evidence-review-list";
import { careStrings } from "@/components/care/strings";
import { recordCareAudit } from "@/components/care/record-care-audit";
import { requireRole } from "@/lib/auth/require-session";
import { listEvidenceReviews } from "@/lib/care/list-evidence-reviews";
import { getDatabase } from "@/lib/db/get-database";

export const metadata: Metadata = { title: careStrings.evidence.title };

/** Renders the member-reported evidence on the signed-in care manager's panel that waits for a decision. */
export default async function EvidenceReviewPage(): Promise<React.ReactElement> {
  const user = await requireRole("care_manager");

  const reviews = await listEvidenceReviews(await getDatabase(), user.id);
  const patientIds = [...new Set(reviews.map((review) => review.patientId))];
  await recordCareAudit(user, { event: "care-evidence-reviews", action: "R", patientIds, resources: reviews.map((review) => `Task/${review.taskId}`) });

  return (
    <>
      <h1>{careStrings.evidence.title}</h1>
      <p>{careStrings.evidence.intro}</p>
      <section className="panel" aria-labelledby="evidence-heading">
        <h2 id="evidence-heading" className="visually-hidden">
          {careStrings.evidence.title}
        </h2>
        <EvidenceReviewList reviews={reviews} />
      </section>
    </>
  );
}
