/** Minimum length of NEXTAUTH_SECRET, in characters; 32 base64 characters carry 192 random bits. */
export const minSecretLength = 32;

/**
 * Returns NEXTAUTH_SECRET, the key that signs and encrypts session tokens. Throws when it is
 * missing or short, in every environment, because a guessable key lets anyone forge a session.
 */
export function readAuthSecret(env: NodeJS.ProcessEnv = process.env): string {
  const secret = env.NEXTAUTH_SECRET;
  if (!secret) {
    throw new Error(
      "NEXTAUTH_SECRET is not set. Set it to a random string of at least 32 characters " +
        "(for example the output of `openssl rand -base64 32`); `npm start` creates one in .data/ when none is set.",
    );
  }
  if (secret.length < minSecretLength) {
    throw new Error(`NEXTAUTH_SECRET is ${secret.length} characters long; use a random string of at least ${minSecretLength}.`);
  }
  return secret;
}
