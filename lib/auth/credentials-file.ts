import { open, type FileHandle } from "node:fs/promises";

import type { Account } from "./create-account";

/** Header of the tab-separated credentials that `npm run accounts -- --all-patients` writes. */
export const credentialsHeader = "email\tpassword\tpatientId";

/** Formats one new account as a tab-separated line of email, password and Patient id. */
export function toCredentialsLine(account: Account, password: string): string {
  return `${account.email}\t${password}\t${account.patientId ?? ""}`;
}

/** A credentials file open for writing; each line is written before the next account is made. */
export interface CredentialsFile {
  write(account: Account, password: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Creates a new file for account passwords, readable and writable by its owner only (mode 0600),
 * and writes the header. Fails with EEXIST when the path exists, so an old credentials file is
 * never overwritten and no file with wider permissions is reused.
 */
export async function createCredentialsFile(path: string): Promise<CredentialsFile> {
  const handle: FileHandle = await open(path, "wx", 0o600);
  // The mode given to open() is reduced by the umask, which can only remove bits, but chmod makes
  // the 0600 explicit for readers of this code.
  await handle.chmod(0o600);
  await handle.appendFile(`${credentialsHeader}\n`);
  return {
    write: (account, password) => handle.appendFile(`${toCredentialsLine(account, password)}\n`),
    close: () => handle.close(),
  };
}
