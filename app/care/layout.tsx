import { CareNav } from "@/components/care/care-nav";
import { requireRole } from "@/lib/auth/require-session";

/** Frames every care manager page with the section navigation. Each page still checks access itself. */
export default async function CareLayout({ children }: { children: React.ReactNode }): Promise<React.ReactElement> {
  await requireRole("care_manager");

  return (
    <>
      <CareNav />
      {children}
    </>
  );
}
