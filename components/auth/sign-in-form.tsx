"use client";

import { signIn } from "next-auth/react";
import { useActionState } from "react";

import { readSignInThrottledMinutes, signInUnavailableCode } from "@/lib/auth/sign-in-error-code";
import { toSafeCallbackPath } from "@/lib/auth/to-safe-callback-path";

import { authStrings } from "./strings";

interface SignInState {
  error: string | null;
  /** Kept so the email field refills after React resets the form on a failed attempt. */
  email: string;
  /** Counts failures, so a repeated message is a new node that screen readers announce again. */
  failures: number;
}

const initialState: SignInState = { error: null, email: "", failures: 0 };

async function submitSignIn(previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const password = String(formData.get("password") ?? "");

  const result = await signIn("credentials", { email, password, redirect: false });
  if (result?.ok && !result.error) {
    // A full page load rather than router.push: the root layout's header must render again with
    // the new session, and no client cache from before sign-in may survive.
    window.location.assign(toSafeCallbackPath(formData.get("callbackUrl")));
    return { ...previous, error: null, email };
  }
  return { error: toErrorMessage(result?.error), email, failures: previous.failures + 1 };
}

function toErrorMessage(code: string | null | undefined): string {
  if (code === signInUnavailableCode) {
    return authStrings.unavailable;
  }
  const throttledMinutes = readSignInThrottledMinutes(code);
  return throttledMinutes === null ? authStrings.incorrect : authStrings.tooManyAttempts(throttledMinutes);
}

/** Email and password form that signs in through next-auth and shows failures in a live region. */
export function SignInForm({ callbackUrl = "/" }: { callbackUrl?: string }): React.ReactElement {
  const [state, formAction, pending] = useActionState(submitSignIn, initialState);
  const errorId = "sign-in-error";

  return (
    <form action={formAction} className="form" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">{authStrings.emailLabel}</label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? errorId : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="password">{authStrings.passwordLabel}</label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? errorId : undefined}
        />
      </div>
      <div id={errorId} className="form-error" aria-live="polite" role="status">
        {state.error && <p key={state.failures}>{state.error}</p>}
      </div>
      <button type="submit" className="button button-primary" disabled={pending}>
        {pending ? authStrings.submitting : authStrings.submit}
      </button>
    </form>
  );
}
