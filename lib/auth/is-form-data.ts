/**
 * Tells whether a server action argument is the FormData a form submits. A forged action request
 * can send any JSON value in its place, so each action checks this before reading a field and
 * answers a mismatch with its own "invalid" result instead of a crash.
 */
export function isFormData(value: unknown): value is FormData {
  return value instanceof FormData;
}

/** Tells whether a useActionState argument is an object with a numeric `submissions`, as every form state here is. */
export function isFormState(value: unknown): value is { submissions: number } {
  return typeof value === "object" && value !== null && typeof (value as { submissions?: unknown }).submissions === "number";
}
