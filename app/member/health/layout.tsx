import { HealthNav } from "@/components/member/health/health-nav";

/** Frames the health record sections with links between them. Each page checks access itself. */
export default function HealthLayout({ children }: { children: React.ReactNode }): React.ReactElement {
  return (
    <>
      <HealthNav />
      {children}
    </>
  );
}
