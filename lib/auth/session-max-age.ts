/**
 * Session lifetime in seconds: one working day, so a shared computer does not stay signed in for
 * weeks. It bounds both the cookie (next-auth's `maxAge`) and the time since sign-in (`auth_time`),
 * so refreshing the cookie cannot extend a session past it.
 */
export const sessionMaxAgeSeconds = 8 * 60 * 60;
