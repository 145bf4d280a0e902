import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { formatUtcTime } from "@/components/admin/imports/format-utc-time";
import { importStrings as strings } from "@/components/admin/imports/strings";
import { recordPortalAudit } from "@/lib/audit/record-portal-audit";
import { requireRole } from "@/lib/auth/require-session";
import { getDatabase } from "@/lib/db/get-database";
import { isFhirError } from "@/lib/fhir/fhir-error";
import { failedMessageReference } from "@/lib/ingest/runs/failed-message-reference";
import { getFailedMessage } from "@/lib/ingest/runs/get-failed-message";

export const metadata: Metadata = { title: strings.message.pageTitle };

const fields = strings.message.fields;

/**
 * Shows a failed message: where and why it failed, and its raw text. The raw text is member
 * data, so the view is recorded before the page renders, as an AuditEvent that names the message
 * and the stored Patients it names.
 */
export default async function FailedMessagePage({ params }: { params: Promise<{ hash: string }> }): Promise<React.ReactElement> {
  const user = await requireRole("admin");
  const { hash } = await params;
  const found = await getFailedMessage(await getDatabase(), user, hash).catch((error: unknown) => {
    if (isFhirError(error, "not-found")) notFound();
    throw error;
  });
  const { message, patientIds } = found;
  await recordPortalAudit(user, { event: "admin-failed-message", action: "R", patientIds, resources: [failedMessageReference(message.contentHash)] });

  const details: [string, string][] = [
    [fields.file, message.path],
    [fields.line, String(message.line)],
    [fields.segment, message.segment],
    [fields.format, strings.formats[message.format] ?? message.format],
    [fields.reason, message.reason],
    [fields.firstFailed, formatUtcTime(message.firstFailedAt)],
    [fields.lastFailed, formatUtcTime(message.lastFailedAt)],
  ];
  return (
    <>
      <p>
        <Link href="/admin/imports">{strings.message.back}</Link>
      </p>
      <h1>{strings.message.heading}</h1>
      <p>{strings.message.intro}</p>
      <section aria-label={strings.message.detailsLabel}>
        <dl>
          {details.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <h2 id="raw-message">{strings.message.rawLabel}</h2>
      <pre className="table-scroll" aria-labelledby="raw-message" tabIndex={0}>
        {message.message.replace(/\r/g, "\n")}
      </pre>
      <p>{strings.message.retryHint}</p>
    </>
  );
}
