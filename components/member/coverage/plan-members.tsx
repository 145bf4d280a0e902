import type { PlanMember } from "@/lib/coverage/coverage-details";

import styles from "./coverage.module.css";
import { coverageStrings } from "./strings";

/** Renders the subscriber and dependents on the plan, marking the signed-in member. */
export function PlanMembers({ members }: { members: PlanMember[] }): React.ReactElement {
  const text = coverageStrings.members;

  return (
    <section className="panel" aria-labelledby="members-heading">
      <h2 id="members-heading">{text.heading}</h2>
      <p>{text.caption}</p>
      <ul className={styles.members}>
        {members.map((member, position) => (
          <li key={position}>
            <span>
              {member.name ?? text.unknownName}
              {member.isYou && ` (${coverageStrings.you})`}
            </span>
            <span className={styles.memberRelationship}>{relationshipOf(member)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function relationshipOf(member: PlanMember): string {
  if (member.isSubscriber) return coverageStrings.members.subscriberMark;
  if (!member.relationship) return coverageStrings.notAvailable;
  return coverageStrings.relationships[member.relationship] ?? member.relationship;
}
