"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import styles from "./section-nav.module.css";

/** One link of a section's navigation. */
export interface SectionLink {
  href: string;
  label: string;
  /** Other path prefixes that count as this link's page, such as the member pages under a worklist. */
  alsoCurrentUnder?: readonly string[];
}

/**
 * Renders a section's navigation and marks the current page with aria-current. The section's
 * home link is current only on its own path; every other link on its path and the paths below it.
 */
export function SectionNav({ label, links }: { label: string; links: readonly SectionLink[] }): React.ReactElement {
  const pathname = usePathname();
  const home = links[0]?.href;
  const isUnder = (prefix: string): boolean => pathname === prefix || pathname.startsWith(`${prefix}/`);
  const isCurrent = (link: SectionLink): boolean =>
    (link.href === home ? pathname === link.href : isUnder(link.href)) || (link.alsoCurrentUnder ?? []).some(isUnder);

  return (
    <nav aria-label={label} className={styles.nav}>
      <ul className={styles.list}>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className={styles.link} aria-current={isCurrent(link) ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
