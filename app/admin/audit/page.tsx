import type { Metadata } from "next";

import { AuditEventTable } from "@/components/admin/audit/audit-event-table";
import { auditStrings as strings } from "@/components/admin/audit/strings";
import { recordPortalAudit } from "@/lib/audit/record-portal-audit";
import { auditSearchSchema, searchAuditEvents, type AuditSearch } from "@/lib/audit/search-audit-events";
import { requireRole } from "@/lib/auth/require-session";
import { getDatabase } from "@/lib/db/get-database";

export const metadata: Metadata = { title: strings.pageTitle };

type FieldErrors = Partial<Record<keyof AuditSearch, string>>;

/**
 * Lets an administrator search the audit trail by patient, date range and outcome. The filters
 * arrive as query parameters from a GET form, so a search can be bookmarked. An invalid filter
 * is shown next to its field, and nothing is searched.
 */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  const user = await requireRole("admin");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = auditSearchSchema.safeParse(raw);
  const errors: FieldErrors = parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
  const formValues = { patient: raw.patient ?? "", from: raw.from ?? "", to: raw.to ?? "", outcome: raw.outcome ?? "any" };

  let results: Awaited<ReturnType<typeof searchAuditEvents>> | null = null;
  if (parsed.success) {
    results = await searchAuditEvents(await getDatabase(), parsed.data);
    const patientIds = [...new Set(results.rows.flatMap((row) => row.patientIds))];
    await recordPortalAudit(user, { event: "admin-audit-search", action: "R", patientIds });
  }

  return (
    <>
      <h1>{strings.heading}</h1>
      <p>{strings.intro}</p>
      <form method="get" className="form panel" aria-describedby={parsed.success ? undefined : "audit-errors"}>
        <fieldset>
          <legend>{strings.filtersLegend}</legend>
          <TextField name="patient" value={formValues.patient} error={errors.patient} />
          <TextField name="from" value={formValues.from} error={errors.from} />
          <TextField name="to" value={formValues.to} error={errors.to} />
          <div className="field">
            <label htmlFor="outcome">{strings.labels.outcome}</label>
            <select id="outcome" name="outcome" defaultValue={formValues.outcome}>
              {Object.entries(strings.outcomes).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
        </fieldset>
        <div id="audit-errors" className="form-error" role="alert">
          {parsed.success ? null : <p>{strings.invalid}</p>}
        </div>
        <button type="submit" className="button button-primary">
          {strings.search}
        </button>
      </form>
      {results && parsed.success && <AuditEventTable rows={results.rows} hasNext={results.hasNext} search={parsed.data} />}
    </>
  );
}

function TextField({ name, value, error }: { name: "patient" | "from" | "to"; value: string; error?: string }): React.ReactElement {
  const errorId = `${name}-error`;
  return (
    <div className="field">
      <label htmlFor={name}>{strings.labels[name]}</label>
      <input id={name} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      {error && (
        <p id={errorId} className="form-error">
          {error}
        </p>
      )}
    </div>
  );
}
