"use client";

import { useEffect } from "react";

import type { GapReportLimits } from "@/lib/care-gaps/care-gap-view";
import type { GapReportField, GapReportFieldError } from "@/lib/care-gaps/parse-gap-report";
import { maxPlaceLength } from "@/lib/care-gaps/report-value-ranges";

import styles from "./care-gaps.module.css";
import { formatGapDate } from "./format-gap-date";
import type { GapActionState } from "./gap-action-state";
import { careGapsStrings } from "./strings";

const fieldOrder: readonly GapReportField[] = ["date", "place", "hba1c", "systolic", "diastolic"];

interface GapReportFormProps {
  gapId: string;
  patientId: string;
  title: string;
  limits: GapReportLimits;
  state: GapActionState;
  action: (formData: FormData) => void;
  pending: boolean;
}

/**
 * Renders "I had this done elsewhere" as a disclosure with the date, the place and, for HbA1c
 * and blood pressure, the result. While sending, the button is disabled, so a double click sends
 * once. Each invalid field gets its message beside it, and the first one gets focus.
 */
export function GapReportForm({ gapId, patientId, title, limits, state, action, pending }: GapReportFormProps): React.ReactElement {
  const idOf = (field: GapReportField): string => `${gapId}-${field}`;

  // The keyed form below is new after each submission, so focus would fall back to the page.
  useEffect(() => {
    const first = fieldOrder.find((field) => state.errors[field] !== undefined);
    if (first) document.getElementById(`${gapId}-${first}`)?.focus();
  }, [state, gapId]);

  const field = (name: GapReportField, label: string, hint: string | null, input: React.InputHTMLAttributes<HTMLInputElement>): React.ReactElement => {
    const error = state.errors[name];
    const describedBy = [hint ? `${idOf(name)}-hint` : null, error ? `${idOf(name)}-error` : null].filter(Boolean).join(" ");
    return (
      <div className="field">
        <label htmlFor={idOf(name)}>{label}</label>
        {hint && <p id={`${idOf(name)}-hint`} className={styles.hint}>{hint}</p>}
        <input {...input} id={idOf(name)} name={name} defaultValue={state.fields[name]} aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} />
        {error && <p id={`${idOf(name)}-error`} className="form-error">{errorText(name, error)}</p>}
      </div>
    );
  };

  return (
    <details className={styles.report}>
      <summary>{careGapsStrings.reportToggle}</summary>
      <form action={action} noValidate key={state.submissions} className={styles.form}>
        <input type="hidden" name="gapId" value={gapId} />
        <input type="hidden" name="patientId" value={patientId} />
        <fieldset className={styles.group}>
          <legend>{careGapsStrings.reportLegend(title)}</legend>
          {field("date", careGapsStrings.dateLabel, careGapsStrings.dateHint(formatGapDate(limits.earliestDate), formatGapDate(limits.latestDate)), {
            type: "date",
            min: limits.earliestDate,
            max: limits.latestDate,
            required: true,
          })}
          {field("place", careGapsStrings.placeLabel, careGapsStrings.placeHint, { type: "text", maxLength: maxPlaceLength, autoComplete: "off" })}
          {limits.values === "hba1c" && field("hba1c", careGapsStrings.hba1cLabel, careGapsStrings.hba1cHint, { type: "text", inputMode: "decimal", required: true })}
          {limits.values === "blood-pressure" && (
            <>
              {field("systolic", careGapsStrings.systolicLabel, careGapsStrings.systolicHint, { type: "text", inputMode: "numeric", required: true })}
              {field("diastolic", careGapsStrings.diastolicLabel, careGapsStrings.diastolicHint, { type: "text", inputMode: "numeric", required: true })}
            </>
          )}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? careGapsStrings.sending : careGapsStrings.send}
        </button>
      </form>
    </details>
  );
}

/** Formats an error's values for the member: dates as "Mar 4, 2026", numbers as typed. */
function errorText(field: GapReportField, error: GapReportFieldError): string {
  const format = field === "date" ? formatGapDate : (text: string): string => text;
  return careGapsStrings.errors[error.code]({ value: format(error.value ?? ""), limit: format(error.limit ?? "") });
}
