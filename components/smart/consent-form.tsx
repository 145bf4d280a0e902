import { decideAuthorization } from "./actions";
import styles from "./consent.module.css";
import { smartStrings } from "./strings";

/** What the consent page shows: the app's name, its permissions in plain words, and who is signed in. */
export interface ConsentView {
  appName: string;
  permissions: string[];
  isStaff: boolean;
  /** The authorization request's query string, posted back so the action can check it again. */
  request: string;
}

/** The consent question with Allow and Don't allow; works without JavaScript. */
export function ConsentForm({ view }: { view: ConsentView }): React.ReactElement {
  return (
    <form action={decideAuthorization}>
      <p>{smartStrings.consentIntro(view.appName)}</p>
      {view.isStaff && <p className={styles.note}>{smartStrings.staffIntro}</p>}
      <h2 id="scopes-heading">{smartStrings.scopesHeading}</h2>
      <ul className={styles.scopes} aria-labelledby="scopes-heading">
        {view.permissions.map((permission) => (
          <li key={permission}>{permission}</li>
        ))}
      </ul>
      <p className={styles.note}>{smartStrings.durationNote}</p>
      <input type="hidden" name="request" value={view.request} />
      <div className={styles.actions}>
        <button type="submit" name="decision" value="allow" className="button button-primary">
          {smartStrings.allow}
        </button>
        <button type="submit" name="decision" value="deny" className="button">
          {smartStrings.deny}
        </button>
      </div>
    </form>
  );
}
