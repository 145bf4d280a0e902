import styles from "./consent.module.css";
import { smartStrings } from "./strings";

/** Shown instead of redirecting when the client_id or redirect_uri is unknown. */
export function AuthorizationError({ description }: { description: string }): React.ReactElement {
  return (
    <>
      <h1>{smartStrings.errorTitle}</h1>
      <p>{smartStrings.errorBody}</p>
      <h2>{smartStrings.errorDetails}</h2>
      <p className={styles.details}>{description}</p>
    </>
  );
}
