const TEXT_SUFFIX = ":text";

/**
 * Returns the name under which a token parameter's display text is indexed as string rows, such as
 * "code:text" for "code". The token `:text` modifier searches those rows. A search URL separates
 * the modifier with a colon, so no parameter code has one and the name cannot collide with a real
 * string parameter.
 *
 * NOTE: resources stored before these rows existed have none until they are written again, so
 * `:text` misses them; no reindex command exists yet.
 */
export function tokenTextParam(param: string): string {
  return `${param}${TEXT_SUFFIX}`;
}

/** Returns the token parameter whose display-text name `param` is ("code" for "code:text"), or undefined for any other name. */
export function tokenOfTextParam(param: string): string | undefined {
  return param.endsWith(TEXT_SUFFIX) ? param.slice(0, -TEXT_SUFFIX.length) : undefined;
}
