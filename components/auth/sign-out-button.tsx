"use client";

import { signOut } from "next-auth/react";
import { useState } from "react";

import { uiStrings } from "@/components/ui/strings";

/**
 * Ends the session. next-auth then loads /sign-out as a full page, so no signed-in page stays in
 * the client router cache.
 */
export function SignOutButton({ className = "button" }: { className?: string }): React.ReactElement {
  const [pending, setPending] = useState(false);

  async function handleClick(): Promise<void> {
    setPending(true);
    await signOut({ callbackUrl: "/sign-out" });
  }

  return (
    <button type="button" className={className} disabled={pending} onClick={() => void handleClick()}>
      {pending ? uiStrings.signingOut : uiStrings.signOut}
    </button>
  );
}
