"use client";

import Link from "next/link";
import { useOptimistic, useState, useTransition } from "react";

import type { EvidenceReviewView } from "@/lib/care/list-evidence-reviews";

import { acceptEvidenceAction, rejectEvidenceAction } from "./actions";
import type { CareActionResult } from "./care-action-result";
import styles from "./care.module.css";
import { formatCareDate } from "./format-care-date";
import { careStrings } from "./strings";
import { CareTable } from "./care-table";

const strings = careStrings.evidence;

/**
 * Renders the undecided evidence reviews of the panel with Accept and Reject. A decided review
 * leaves the list at once (useOptimistic) and comes back with the reason when the server
 * rejects the decision.
 */
export function EvidenceReviewList({ reviews }: { reviews: EvidenceReviewView[] }): React.ReactElement {
  const [shown, hide] = useOptimistic(reviews, (current, taskId: string) => current.filter((review) => review.taskId !== taskId));
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function decide(action: (formData: FormData) => Promise<CareActionResult>, savedText: string) {
    return (formData: FormData): void => {
      startTransition(async () => {
        const taskId = formData.get("taskId");
        if (typeof taskId === "string") hide(taskId);
        const result = await action(formData);
        setMessage(result.status === "saved" ? { text: savedText, error: false } : { text: result.message, error: true });
      });
    };
  }

  return (
    <>
      <p role="status" className={message?.error ? styles.error : styles.status}>
        {pending ? careStrings.tasks.saving : message?.text}
      </p>
      {shown.length === 0 ? (
        <p>{strings.empty}</p>
      ) : (
        <CareTable label={strings.title} columns={strings.columns}>
          {shown.map((review) => (
            <ReviewRow key={`${review.taskId}-${review.version}`} review={review} onAccept={decide(acceptEvidenceAction, strings.accepted)} onReject={decide(rejectEvidenceAction, strings.rejected)} disabled={pending} />
          ))}
        </CareTable>
      )}
    </>
  );
}

function ReviewRow(props: { review: EvidenceReviewView; onAccept: (formData: FormData) => void; onReject: (formData: FormData) => void; disabled: boolean }): React.ReactElement {
  const { review, onAccept, onReject, disabled } = props;
  const care = review.evidenceName ?? strings.unknownCare;
  const who = review.patientName ?? careStrings.unnamed;
  return (
    <tr>
      <th scope="row">
        <Link href={`/care/members/${encodeURIComponent(review.patientId)}`}>{who}</Link>
      </th>
      <td>{care}</td>
      <td>{formatCareDate(review.evidenceDate)}</td>
      <td>{formatCareDate(review.reportedOn)}</td>
      <td>
        <form action={onAccept} className={styles.inlineForm}>
          <input type="hidden" name="taskId" value={review.taskId} />
          <input type="hidden" name="version" value={review.version} />
          <button type="submit" className="button button-primary" disabled={disabled} aria-label={`${strings.accept}: ${care}, ${who}`}>
            {strings.accept}
          </button>
        </form>
        <form action={onReject} className={styles.inlineForm}>
          <input type="hidden" name="taskId" value={review.taskId} />
          <input type="hidden" name="version" value={review.version} />
          <label>
            <span className="visually-hidden">
              {strings.reason} ({care}, {who})
            </span>
            <input name="reason" required maxLength={2000} placeholder={strings.reason} />
          </label>
          <button type="submit" className="button" disabled={disabled} aria-label={`${strings.reject}: ${care}, ${who}`}>
            {strings.reject}
          </button>
        </form>
      </td>
    </tr>
  );
}
