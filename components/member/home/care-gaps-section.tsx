import { homeStrings } from "./strings";

/**
 * Renders the open care gaps section. No care gaps are computed yet, so it states that rather
 * than showing an empty list that would read as "all caught up".
 */
export function CareGapsSection(): React.ReactElement {
  return (
    <section className="panel" aria-labelledby="care-gaps-heading">
      <h2 id="care-gaps-heading">{homeStrings.careGapsHeading}</h2>
      <p>{homeStrings.careGapsNotComputed}</p>
    </section>
  );
}
