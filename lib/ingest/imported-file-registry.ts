import { createHash } from "node:crypto";

import type { SqlClient } from "../db/sql-client";
import type { InputFormat } from "./input-format-of";

/** One finished file, as recorded in imported_file. */
export interface ImportedFileRecord {
  /** The file's registry key, from importedFileKey. */
  key: string;
  path: string;
  resources: number;
  rejected: number;
}

/**
 * Returns the key imported_file records a file under: its format and the SHA-256 of its bytes,
 * hex, such as "ndjson:9f86d0…". The format is part of the key because the same bytes read as
 * NDJSON and as JSON can yield different resources: a one-line Bundle is one resource in NDJSON
 * and its entries in JSON.
 */
export function importedFileKey(format: InputFormat, bytes: Buffer): string {
  return `${format}:${createHash("sha256").update(bytes).digest("hex")}`;
}

/**
 * The imported_file table: the keys of files an import has finished, so a re-run skips them and
 * a stopped run resumes where it was. Keyed by format and content, not path, so a changed file is
 * imported again and a moved one is not. The import records only files that stored at least one
 * resource with no rejection, so a file with rejections, or with nothing to store, is read and
 * reported again on every run.
 */
export class ImportedFileRegistry {
  private constructor(
    private readonly sql: SqlClient,
    private readonly keys: Set<string>,
  ) {}

  /**
   * Loads the keys of every file finished so far. The registry runs plain SQL, not Prisma, because
   * Prisma compiles each query in its WebAssembly query compiler, which took a few hundred
   * milliseconds of CPU in a profile of the Synthea import.
   */
  static async load(sql: SqlClient): Promise<ImportedFileRegistry> {
    const rows = await sql.query<{ content_hash: string }>("SELECT content_hash FROM imported_file");
    return new ImportedFileRegistry(sql, new Set(rows.map((row) => row.content_hash)));
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Records finished files with one statement, replacing earlier records of the same keys. */
  async record(files: readonly ImportedFileRecord[]): Promise<void> {
    if (files.length === 0) return;

    await this.sql.execute(
      `INSERT INTO imported_file (content_hash, path, resources, rejected, imported_at)
       SELECT key, path, resources, rejected, now() FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS f(key, path, resources, rejected)
       ON CONFLICT (content_hash) DO UPDATE
       SET path = excluded.path, resources = excluded.resources, rejected = excluded.rejected, imported_at = excluded.imported_at`,
      [files.map((file) => file.key), files.map((file) => file.path), files.map((file) => file.resources), files.map((file) => file.rejected)],
    );
    for (const file of files) this.keys.add(file.key);
  }
}
