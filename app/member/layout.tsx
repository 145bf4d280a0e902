import { MemberNav } from "@/components/member/nav/member-nav";
import { requireMember } from "@/lib/auth/require-session";

/** Frames every member page with the member navigation. Each page still checks access itself. */
export default async function MemberLayout({ children }: { children: React.ReactNode }): Promise<React.ReactElement> {
  await requireMember();

  return (
    <>
      <MemberNav />
      {children}
    </>
  );
}
