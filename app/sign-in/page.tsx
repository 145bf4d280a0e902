import type { Metadata } from "next";
import { redirect } from "next/navigation";

import { SignInForm } from "@/components/auth/sign-in-form";
import { authStrings } from "@/components/auth/strings";
import { getSessionUser } from "@/lib/auth/get-session-user";

export const metadata: Metadata = { title: authStrings.signInTitle };

export default async function SignInPage(): Promise<React.ReactElement> {
  if (await getSessionUser()) {
    redirect("/");
  }

  return (
    <section className="panel narrow">
      <h1>{authStrings.signInTitle}</h1>
      <p>{authStrings.signInIntro}</p>
      <SignInForm />
    </section>
  );
}
