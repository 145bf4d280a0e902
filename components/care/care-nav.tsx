"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import styles from "./care.module.css";
import { careStrings } from "./strings";

const links = [
  { href: "/care", label: careStrings.nav.worklist },
  { href: "/care/evidence", label: careStrings.nav.evidence },
  { href: "/care/insights", label: careStrings.nav.insights },
] as const;

/** Renders the care manager section's navigation and marks the current page. */
export function CareNav(): React.ReactElement {
  const pathname = usePathname();
  const isCurrent = (href: string): boolean => (href === "/care" ? pathname === href || pathname.startsWith("/care/members") : pathname.startsWith(href));

  return (
    <nav aria-label={careStrings.nav.label} className={styles.nav}>
      <ul className={styles.navList}>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className={styles.navLink} aria-current={isCurrent(link.href) ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
