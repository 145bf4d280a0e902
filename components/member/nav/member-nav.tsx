"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import styles from "./member-nav.module.css";
import { memberNavStrings } from "./strings";

const links = [
  { href: "/member", label: memberNavStrings.links.home },
  { href: "/member/claims", label: memberNavStrings.links.claims },
  { href: "/member/coverage", label: memberNavStrings.links.coverage },
  { href: "/member/spending", label: memberNavStrings.links.spending },
  { href: "/member/health", label: memberNavStrings.links.health },
  { href: "/member/care-gaps", label: memberNavStrings.links.careGaps },
  { href: "/member/profile", label: memberNavStrings.links.profile },
] as const;

/** Renders the member section's navigation and marks the current page for assistive technology. */
export function MemberNav(): React.ReactElement {
  const pathname = usePathname();
  const isCurrent = (href: string): boolean =>
    href === "/member" ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);

  return (
    <nav aria-label={memberNavStrings.label} className={styles.nav}>
      <ul className={styles.list}>
        {links.map((link) => (
          <li key={link.href}>
            <Link href={link.href} className={styles.link} aria-current={isCurrent(link.href) ? "page" : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
