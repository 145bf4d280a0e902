import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { authStrings } from "@/components/auth/strings";
import { getSessionUser } from "@/lib/auth/get-session-user";
import { toSafeCallbackPath } from "@/lib/auth/to-safe-callback-path";

export const metadata: Metadata = { title: authStrings.signInTitle };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }): Promise<React.ReactElement> {
  // An app's authorization request sends the member here and returns them to it after sign-in.
  const callbackUrl = toSafeCallbackPath((await searchParams).callbackUrl);
  if (await getSessionUser()) {
    redirect(callbackUrl);
  }

  return (
    <section className="panel narrow">
      <h1>{authStrings.signInTitle}</h1>
      <p>{authStrings.signInIntro}</p>
      <SignInForm callbackUrl={callbackUrl} />
    </section>
  );
}
