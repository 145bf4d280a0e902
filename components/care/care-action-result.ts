/** The result a care manager's server action returns to its form. */
export type CareActionResult =
  | { status: "saved" }
  | { status: "invalid"; message: string; errors: Record<string, string> }
  | { status: "conflict" | "not-found" | "not-allowed"; message: string }
  | { status: "failed"; message: string; reference: string };

