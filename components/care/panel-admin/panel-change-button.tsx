"use client";

import { useActionState } from "react";

import styles from "../care.module.css";
import { changePanelAction } from "./panel-actions";
import { staffStrings } from "@/components/staff/strings";

const staffPanelStrings = staffStrings.panels;

/** Renders one Add or Remove button for a patient on a care manager's panel, with its outcome. */
export function PanelChangeButton(props: { careManagerId: string; patientId: string; change: "add" | "remove"; patientName: string }): React.ReactElement {
  const [result, action, pending] = useActionState(changePanelAction, null);
  const label = props.change === "add" ? staffPanelStrings.add : staffPanelStrings.remove;

  return (
    <form action={action} className={styles.inlineForm}>
      <input type="hidden" name="careManagerId" value={props.careManagerId} />
      <input type="hidden" name="patientId" value={props.patientId} />
      <input type="hidden" name="change" value={props.change} />
      <button type="submit" className="button" disabled={pending} aria-label={staffPanelStrings.actionLabel(label, props.patientName)}>
        {label}
      </button>
      <span role="status" className={result && result.status !== "saved" ? styles.error : styles.status}>
        {pending ? staffPanelStrings.saving : messageOf(result)}
      </span>
    </form>
  );
}

function messageOf(result: Awaited<ReturnType<typeof changePanelAction>> | null): string {
  if (!result) return "";
  return result.status === "saved" ? staffPanelStrings.saved : result.message;
}
