import Link from "next/link";

import styles from "../charts.module.css";
import { dashboardStrings as text } from "./strings";

/** Renders the way back to the administration home from the dashboard. */
export function AdminNav(): React.ReactElement {
  return (
    <nav aria-label={text.navLabel} className={styles.yearNav}>
      <ul>
        <li>
          <Link href="/admin">{text.navHome}</Link>
        </li>
        <li>
          <Link href="/admin/dashboard" aria-current="page">
            {text.navDashboard}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
