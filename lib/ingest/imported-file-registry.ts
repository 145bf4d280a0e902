import { createHash } from "node:crypto";

import type { PrismaClient } from "../db/generated/client";
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
    private readonly prisma: PrismaClient,
    private readonly keys: Set<string>,
  ) {}

  /** Loads the keys of every file finished so far. */
  static async load(prisma: PrismaClient): Promise<ImportedFileRegistry> {
    const rows = await prisma.importedFile.findMany({ select: { contentHash: true } });
    return new ImportedFileRegistry(prisma, new Set(rows.map((row) => row.contentHash)));
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  /** Records a finished file, replacing an earlier record of the same key. */
  async record(file: ImportedFileRecord): Promise<void> {
    const values = { path: file.path, resources: file.resources, rejected: file.rejected, importedAt: new Date() };
    await this.prisma.importedFile.upsert({
      where: { contentHash: file.key },
      create: { contentHash: file.key, ...values },
      update: values,
    });
    this.keys.add(file.key);
  }
}
