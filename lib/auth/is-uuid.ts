const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Tells whether a value is a UUID in its usual text form, as account ids are. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
