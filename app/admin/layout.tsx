import { AdminNav } from "@/components/admin/admin-nav";
import { requireRole } from "@/lib/auth/require-session";

/** Frames every administration page with the section navigation. Each page still checks access itself. */
export default async function AdminLayout({ children }: { children: React.ReactNode }): Promise<React.ReactElement> {
  await requireRole("admin");

  return (
    <>
      <AdminNav />
      {children}
    </>
  );
}
