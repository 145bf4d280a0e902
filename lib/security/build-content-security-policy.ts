/**
 * Builds the Content-Security-Policy of one page response. Scripts run only with this request's
 * nonce, which Next.js puts on its own script tags, and 'strict-dynamic' lets those scripts load
 * the page's chunks. Styles keep 'unsafe-inline' because React style attributes and Recharts set
 * inline styles, and those cannot carry a nonce.
 *
 * `formAction` is false on the SMART authorization page, because its consent form redirects to
 * the app's own redirect URI, which Chromium checks against form-action too.
 */
export function buildContentSecurityPolicy(options: { nonce: string; development: boolean; formAction: boolean; https: boolean }): string {
  const scriptSources = ["'self'", `'nonce-${options.nonce}'`, "'strict-dynamic'"];
  if (options.development) {
    // React's development build evaluates code for its debugging features.
    scriptSources.push("'unsafe-eval'");
  }

  const directives = [
    "default-src 'self'",
    `script-src ${scriptSources.join(" ")}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ];
  if (options.formAction) directives.push("form-action 'self'");
  if (options.https) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}
