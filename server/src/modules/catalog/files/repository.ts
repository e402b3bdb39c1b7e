import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../../platform/db/database.ts';
import { catalogFiles } from '../tables.ts';

export type FileFields = {
  centerId: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Buffer;
  uploadedById: string | null;
};

const infoColumns = {
  id: catalogFiles.id,
  centerId: catalogFiles.centerId,
  filename: catalogFiles.filename,
  mediaType: catalogFiles.mediaType,
  size: catalogFiles.size,
  createdAt: catalogFiles.createdAt,
};

export async function insertFile(db: DbOrTx, fields: FileFields): Promise<string> {
  const [row] = await db.insert(catalogFiles).values(fields).returning({ id: catalogFiles.id });
  return row!.id;
}

export async function findFileInfo(db: DbOrTx, id: string) {
  const [row] = await db.select(infoColumns).from(catalogFiles).where(eq(catalogFiles.id, id));
  return row;
}

export async function findFileContent(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ ...infoColumns, content: catalogFiles.content })
    .from(catalogFiles)
    .where(eq(catalogFiles.id, id));
  return row;
}

/** Which of `ids` are stored files. */
export async function listFileInfos(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select(infoColumns).from(catalogFiles).where(inArray(catalogFiles.id, ids));
}
