"use client";

import { useOptimistic, useState, useTransition } from "react";

import { outreachOutcomes } from "@/lib/care/care-codes";
import type { CommunicationView } from "@/lib/care/communication-view";
import type { TaskView } from "@/lib/care/task-view";

import { addNoteAction, recordCallAction } from "./actions";
import type { CareActionResult } from "./care-action-result";
import styles from "./care.module.css";
import { formatCareDate } from "./format-care-date";
import { careStrings } from "./strings";

const strings = careStrings.calls;

/**
 * Renders a panel member's calls and notes, newest first, with the forms that add them. A new
 * entry shows at once (useOptimistic) and disappears again if the server rejects it.
 */
export function ContactTimeline(props: { patientId: string; communications: CommunicationView[]; tasks: TaskView[]; authorName: string }): React.ReactElement {
  const { patientId, communications, tasks, authorName } = props;
  const [shown, addShown] = useOptimistic(communications, (current, added: CommunicationView) => [added, ...current]);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  // React resets a form's fields once its action function finishes, so a rejected entry's text is
  // lost from the form. The message names the problem, so the entry can be typed again.
  function submit(action: (formData: FormData) => Promise<CareActionResult>, kind: "call" | "note", savedText: string) {
    return (formData: FormData): void => {
      startTransition(async () => {
        addShown(pendingEntry(formData, kind, authorName));
        const result = await action(formData);
        setMessage(result.status === "saved" ? { text: savedText, error: false } : { text: result.message, error: true });
      });
    };
  }

  const openTasks = tasks.filter((task) => task.kind === "outreach" && task.status !== "completed" && task.status !== "cancelled");
  return (
    <>
      <div className={styles.grid}>
        <form action={submit(recordCallAction, "call", strings.saved)} aria-labelledby="call-form-heading">
          <h3 id="call-form-heading">{strings.heading}</h3>
          <input type="hidden" name="patientId" value={patientId} />
          <label className={styles.field}>
            {strings.outcome}
            <select name="outcome" defaultValue="reached">
              {outreachOutcomes.map((outcome) => (
                <option key={outcome} value={outcome}>
                  {strings.outcomes[outcome]}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            {strings.forTask}
            <select name="taskId" defaultValue="">
              <option value="">{strings.noTask}</option>
              {openTasks.map((task) => (
                <option key={task.id} value={task.id}>
                  {task.description ?? careStrings.tasks.noDescription}
                </option>
              ))}
            </select>
          </label>
          <label className={styles.field}>
            {strings.note}
            <textarea name="note" rows={3} maxLength={2000} />
          </label>
          <div className={styles.actions}>
            <button type="submit" className="button button-primary" disabled={pending}>
              {strings.save}
            </button>
          </div>
        </form>
        <form action={submit(addNoteAction, "note", strings.noteSaved)} aria-labelledby="note-form-heading">
          <h3 id="note-form-heading">{strings.noteHeading}</h3>
          <input type="hidden" name="patientId" value={patientId} />
          <label className={styles.field}>
            {strings.note}
            <textarea name="note" rows={3} maxLength={2000} required />
          </label>
          <div className={styles.actions}>
            <button type="submit" className="button" disabled={pending}>
              {strings.addNote}
            </button>
          </div>
        </form>
      </div>
      <p role="status" className={message?.error ? styles.error : styles.status}>
        {pending ? careStrings.tasks.saving : message?.text}
      </p>
      {shown.length === 0 ? (
        <p>{careStrings.member.noContacts}</p>
      ) : (
        <ul className={styles.timeline}>
          {shown.map((entry) => (
            <li key={entry.id} className={entry.id.startsWith("pending-") ? styles.pending : undefined}>
              <strong>
                {entry.kind === "note" ? strings.careNote : strings.call} · {formatCareDate(entry.sent)}
              </strong>
              {entry.outcome && <> · {strings.outcomes[entry.outcome]}</>}
              {entry.authorName && <> · {strings.by(entry.authorName)}</>}
              {entry.note && <p>{entry.note}</p>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function pendingEntry(formData: FormData, kind: "call" | "note", authorName: string): CommunicationView {
  const outcome = outreachOutcomes.find((candidate) => candidate === formData.get("outcome")) ?? null;
  const note = formData.get("note");
  return {
    id: `pending-${Date.now()}`,
    kind,
    sent: new Date().toISOString(),
    outcome: kind === "call" ? outcome : null,
    note: typeof note === "string" && note.trim() !== "" ? note.trim() : null,
    authorName,
    taskId: null,
  };
}
