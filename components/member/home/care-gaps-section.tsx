import Link from "next/link";

import { requireMemberRecord } from "@/lib/auth/require-member-record";
import { canActOnGaps } from "@/lib/care-gaps/can-act-on-gaps";
import type { CareGapView } from "@/lib/care-gaps/care-gap-view";
import { getMemberCareGaps } from "@/lib/care-gaps/get-member-care-gaps";
import { todayOf } from "@/lib/care-gaps/today-of";
import { getDatabase } from "@/lib/db/get-database";

import { formatGapDate } from "../care-gaps/format-gap-date";
import { measureContent } from "../care-gaps/measure-content";
import { careGapsStrings } from "../care-gaps/strings";
import { homeStrings } from "./strings";

/**
 * Renders the open care gaps of the record the member is viewing on their home. It loads them
 * itself, for the record `requireMemberRecord` decides on the server (cached per request, so the
 * page and this section check once), and renders nothing for an account without a Patient.
 */
export async function CareGapsSection(): Promise<React.ReactElement | null> {
  const record = await requireMemberRecord();
  if (!record.patientId) return null;

  const gaps = await getMemberCareGaps(await getDatabase(), record.patientId, { today: todayOf(new Date()), mayAct: canActOnGaps(record) });
  return <CareGapsSummary openGaps={gaps.open} />;
}

/** Renders each open gap's name, status and due date, with a link to the care gaps page, where the member reads more and acts. */
function CareGapsSummary({ openGaps }: { openGaps: readonly CareGapView[] }): React.ReactElement {
  return (
    <section className="panel" aria-labelledby="care-gaps-heading">
      <h2 id="care-gaps-heading">{homeStrings.careGapsHeading}</h2>
      {openGaps.length === 0 ? (
        <p>{homeStrings.noOpenCareGaps}</p>
      ) : (
        <ul>
          {openGaps.map((gap) => (
            <li key={gap.id}>
              {homeStrings.careGapLine(measureContent(gap.measureId, gap.measureTitle).title, careGapsStrings.statuses[gap.status], formatGapDate(gap.dueDate))}
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/member/care-gaps">{openGaps.length === 0 ? homeStrings.careGapsLink : homeStrings.careGapsActLink}</Link>
      </p>
    </section>
  );
}
