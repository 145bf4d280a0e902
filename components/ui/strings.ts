/** Text of the page frame (header, errors) shown to every visitor, in US English. */
export const uiStrings = {
  locale: "en-US",
  appName: "Lakeview",
  skipToContent: "Skip to main content",
  signedInAs: "Signed in as",
  signOut: "Sign out",
  signingOut: "Signing out…",
  errorTitle: "Something went wrong",
  errorBody: "We couldn't load this page. Please try again in a moment.",
  errorReference: "If you contact Member Services, give them this reference:",
  tryAgain: "Try again",
  notFoundTitle: "Page not found",
  notFoundBody: "We couldn't find that page.",
  forbiddenTitle: "This page isn't available to you",
  forbiddenBody: "Your account doesn't have access to this page.",
  goHome: "Go to your home page",
} as const;
