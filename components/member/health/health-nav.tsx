"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

import styles from "./health-nav.module.css";
import { healthStrings } from "./strings";

const sections = [
  { href: "/member/health", label: healthStrings.sections.overview },
  { href: "/member/health/encounters", label: healthStrings.sections.encounters },
  { href: "/member/health/conditions", label: healthStrings.sections.conditions },
  { href: "/member/health/medications", label: healthStrings.sections.medications },
  { href: "/member/health/immunizations", label: healthStrings.sections.immunizations },
  { href: "/member/health/allergies", label: healthStrings.sections.allergies },
  { href: "/member/health/labs", label: healthStrings.sections.labs },
  { href: "/member/health/procedures", label: healthStrings.sections.procedures },
] as const;

/** Renders the links between health record sections and marks the current one for assistive technology. */
export function HealthNav(): React.ReactElement {
  const pathname = usePathname();

  return (
    <nav aria-label={healthStrings.sectionsLabel} className={styles.nav}>
      <ul className={styles.list}>
        {sections.map((section) => (
          <li key={section.href}>
            <Link href={section.href} className={styles.link} aria-current={pathname === section.href ? "page" : undefined}>
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
