/**
 * Error code `authorize` throws when the database cannot be reached. next-auth v4 passes a thrown
 * message to the browser as the sign-in error, so it is a fixed code and never the cause. Kept in
 * its own file so the sign-in form can import it without pulling in server code.
 */
export const signInUnavailableCode = "SignInUnavailable";
