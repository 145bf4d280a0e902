/** Text of the sign-in and sign-out pages, in US English. */
export const authStrings = {
  signInTitle: "Sign in to Lakeview",
  signInIntro: "Use the email and password for your Lakeview account.",
  emailLabel: "Email",
  passwordLabel: "Password",
  submit: "Sign in",
  submitting: "Signing in…",
  incorrect: "The email or password is incorrect. Check them and try again.",
  unavailable: "Sign-in isn't working right now. Please try again in a few minutes.",
  tooManyAttempts: (minutes: number) =>
    `Too many failed sign-in attempts. Try again in ${minutes} ${minutes === 1 ? "minute" : "minutes"}.`,
  signOutTitle: "Sign out",
  signOutPrompt: "Do you want to sign out of Lakeview on this device?",
  signedOutTitle: "You have signed out",
  signedOutBody: "To see your plan and claims again, sign in.",
  signInAgain: "Sign in again",
} as const;
