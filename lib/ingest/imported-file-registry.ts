import type { PrismaClient } from "../db/generated/client";

/** One finished file, as recorded in imported_file. */
export interface ImportedFileRecord {
  /** SHA-256 of the file's bytes, hex. */
  contentHash: string;
  path: string;
  resources: number;
  rejected: number;
}

/**
 * The imported_file table: the content hashes of files an import has finished, so a re-run skips
 * them and a stopped run resumes where it was. Keyed by content, not path, so a changed file is
 * imported again and a moved one is not.
 */
export class ImportedFileRegistry {
  private constructor(
    private readonly prisma: PrismaClient,
    private readonly hashes: Set<string>,
  ) {}

  /** Loads the hashes of every file finished so far. */
  static async load(prisma: PrismaClient): Promise<ImportedFileRegistry> {
    const rows = await prisma.importedFile.findMany({ select: { contentHash: true } });
    return new ImportedFileRegistry(prisma, new Set(rows.map((row) => row.contentHash)));
  }

  has(contentHash: string): boolean {
    return this.hashes.has(contentHash);
  }

  /** Records a finished file, replacing an earlier record of the same bytes. */
  async record(file: ImportedFileRecord): Promise<void> {
    const values = { path: file.path, resources: file.resources, rejected: file.rejected, importedAt: new Date() };
    await this.prisma.importedFile.upsert({
      where: { contentHash: file.contentHash },
      create: { contentHash: file.contentHash, ...values },
      update: values,
    });
    this.hashes.add(file.contentHash);
  }
}
