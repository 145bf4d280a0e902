"use client";

import { Button } from "@/components/ui/button";

import styles from "./id-card.module.css";
import { coverageStrings } from "./strings";

/** Opens the browser's print dialog; the page's print styles then print only the ID card. */
export function PrintCardButton(): React.ReactElement {
  return (
    <Button className={styles.printButton} onClick={() => window.print()}>
      {coverageStrings.card.print}
    </Button>
  );
}
