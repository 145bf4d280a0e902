import { redirect } from "next/navigation";

import { getSessionUser } from "@/lib/auth/get-session-user";
import type { Role } from "@/lib/db/generated/enums";

const homeByRole: Record<Role, string> = {
  member: "/member",
  care_manager: "/care",
  admin: "/admin",
};

/** Sends each visitor to their home page: members, care managers and admins each have one. */
export default async function HomePage(): Promise<never> {
  const user = await getSessionUser();
  redirect(user ? homeByRole[user.role] : "/sign-in");
}
