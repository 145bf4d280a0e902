/** Type guard that drops null from a list, for mappers that return null for hidden resources. */
export function isPresent<T>(value: T | null): value is T {
  return value !== null;
}
