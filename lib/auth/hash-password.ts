import { hash, verify } from "@node-rs/argon2";

/**
 * The @node-rs/argon2 2.x defaults (19 MiB of memory, 2 passes, 1 lane), written out so that a
 * package upgrade cannot change them unnoticed. The algorithm is left at the package default,
 * Argon2id, because its `Algorithm` const enum cannot be imported under isolatedModules. The test
 * checks the `$argon2id$` prefix.
 */
const argon2Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Hashes a password with Argon2id and returns the PHC string (`$argon2id$v=19$m=…`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, argon2Options);
}

/** Tells whether `password` matches a PHC string made by hashPassword; a malformed hash is no match. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // verify throws only when the stored string is not a PHC hash; such an account cannot sign in.
    return false;
  }
}
