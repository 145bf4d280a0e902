import type { Metadata } from "next";
import Link from "next/link";

import { SignOutButton } from "@/components/auth/sign-out-button";
import { authStrings } from "@/components/auth/strings";
import { getSessionUser } from "@/lib/auth/get-session-user";

export const metadata: Metadata = { title: authStrings.signOutTitle };

/** Confirms a sign-out that happened, or offers one to a visitor who is still signed in. */
export default async function SignOutPage(): Promise<React.ReactElement> {
  const user = await getSessionUser();

  if (user) {
    return (
      <section className="panel narrow">
        <h1>{authStrings.signOutTitle}</h1>
        <p>{authStrings.signOutPrompt}</p>
        <SignOutButton className="button button-primary" />
      </section>
    );
  }
  return (
    <section className="panel narrow">
      <h1>{authStrings.signedOutTitle}</h1>
      <p>{authStrings.signedOutBody}</p>
      <Link href="/sign-in" className="button button-primary">
        {authStrings.signInAgain}
      </Link>
    </section>
  );
}
