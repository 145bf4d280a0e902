"use client";

import { useActionState } from "react";

import type { CareGap } from "@/lib/care-gaps/list-care-gaps";

import { createTaskAction } from "./actions";
import styles from "./care.module.css";
import { careStrings } from "./strings";

const strings = careStrings.tasks;

/** Renders the form that opens an outreach task for a panel member, optionally about one open gap. */
export function CreateTaskForm({ patientId, gaps }: { patientId: string; gaps: CareGap[] }): React.ReactElement {
  const [result, action, pending] = useActionState(createTaskAction, null);
  const descriptionError = result?.status === "invalid" ? result.errors.description : undefined;

  return (
    <form action={action} aria-labelledby="create-task-heading">
      <h3 id="create-task-heading">{strings.createHeading}</h3>
      <input type="hidden" name="patientId" value={patientId} />
      <div className={styles.fields}>
        <label className={styles.field}>
          {strings.description}
          <input name="description" required maxLength={2000} aria-invalid={descriptionError ? true : undefined} aria-describedby={descriptionError ? "create-task-error" : undefined} />
        </label>
        <label className={styles.field}>
          {strings.aboutGap}
          <select name="gapId" defaultValue="">
            <option value="">{strings.noGap}</option>
            {gaps
              .filter((gap) => gap.status === "open")
              .map((gap) => (
                <option key={gap.id} value={gap.id}>
                  {gap.measureTitle}
                </option>
              ))}
          </select>
        </label>
      </div>
      <label className={styles.checkbox}>
        <input type="checkbox" name="assignToSelf" />
        {strings.assignToSelf}
      </label>
      <div className={styles.actions}>
        <button type="submit" className="button button-primary" disabled={pending}>
          {strings.create}
        </button>
      </div>
      <p id="create-task-error" role="status" className={result && result.status !== "saved" ? styles.error : styles.status}>
        {pending ? strings.saving : messageOf(result, descriptionError)}
      </p>
    </form>
  );
}

function messageOf(result: Awaited<ReturnType<typeof createTaskAction>> | null, fieldError: string | undefined): string {
  if (!result) return "";
  if (result.status === "saved") return strings.created;
  return fieldError ? `${strings.description} ${fieldError}.` : result.message;
}
