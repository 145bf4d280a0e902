"use client";

import styles from "./id-card.module.css";
import { coverageStrings } from "./strings";

/** Opens the browser's print dialog; the page's print styles then print only the ID card. */
export function PrintCardButton(): React.ReactElement {
  return (
    <button type="button" className={`button ${styles.printButton}`} onClick={() => window.print()}>
      {coverageStrings.card.print}
    </button>
  );
}
