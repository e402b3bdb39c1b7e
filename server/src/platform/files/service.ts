import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { checkFile, type FilePolicy } from './kinds.ts';
import { storedFileChunks, storedFiles } from './tables.ts';

export { FILE_KINDS, type FileKind, type FilePolicy } from './kinds.ts';

/** The content is kept in chunks of this size: a download holds one chunk in memory at a time. */
export const CHUNK_BYTES = 256 * 1024;

/** `createdBy`: who stored it (a staff member's name, `enterprise:<USCC>` for an enterprise's upload on the portal). */
export type StoredFileInfo = { id: string; purpose: string; filename: string; mediaType: string; size: number; sha256: string; createdBy: string; createdAt: string };
export type OpenedFile = StoredFileInfo & { stream: () => Readable };

/**
 * Stores an uploaded file after checking what it really is by its content (not its name or the
 * browser's word) and its size. Pass a transaction to store it with the record it belongs to.
 */
export async function storeFile(
  db: DbOrTx,
  input: FilePolicy & { purpose: string; filename: string; content: Buffer; createdBy?: string },
): Promise<StoredFileInfo> {
  const checked = await checkFile(input.content, input.filename, input);
  return insert(db, { purpose: input.purpose, filename: checked.filename, mediaType: checked.mediaType, content: input.content, createdBy: input.createdBy });
}

/** Stores a file the server made itself (a rendered picture, a notice): its type is known, not sniffed. */
export async function storeGeneratedFile(
  db: DbOrTx,
  input: { purpose: string; filename: string; mediaType: string; content: Buffer; createdBy?: string },
): Promise<StoredFileInfo> {
  if (input.content.length === 0) throw new Error('a generated file is empty');
  return insert(db, input);
}

/** The whole content at once, for files the server reads itself; HTTP downloads use `openFile`. */
export async function readFile(db: DbOrTx, id: string, purpose?: string): Promise<StoredFileInfo & { content: Buffer }> {
  const info = await findInfo(db, id, purpose);
  const chunks = await db.select({ data: storedFileChunks.data }).from(storedFileChunks).where(eq(storedFileChunks.fileId, id)).orderBy(asc(storedFileChunks.seq));
  const content = Buffer.concat(chunks.map((c) => c.data));
  assertWhole(info, content.length);
  return { ...info, content };
}

/**
 * A stored file to stream: `stream()` reads one chunk per query, holding no connection or
 * transaction between chunks (stored files never change). `purpose`, when given, must match, so a
 * route that serves one kind of file cannot be made to serve another.
 */
export async function openFile(db: DbOrTx, id: string, purpose?: string): Promise<OpenedFile> {
  const info = await findInfo(db, id, purpose);
  async function* chunks() {
    let sent = 0;
    for (let seq = 0; ; seq++) {
      const [chunk] = await db
        .select({ data: storedFileChunks.data })
        .from(storedFileChunks)
        .where(and(eq(storedFileChunks.fileId, id), eq(storedFileChunks.seq, seq)));
      if (!chunk) break;
      sent += chunk.data.length;
      yield chunk.data;
    }
    assertWhole(info, sent);
  }
  return { ...info, stream: () => Readable.from(chunks(), { objectMode: false }) };
}

/** What these stored files are (name, type, size), without reading their content; in the order of `ids`, unknown ids left out. */
export async function describeFiles(db: DbOrTx, ids: readonly string[], purpose?: string): Promise<StoredFileInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select(infoColumns)
    .from(storedFiles)
    .where(and(inArray(storedFiles.id, [...new Set(ids)]), purpose === undefined ? undefined : eq(storedFiles.purpose, purpose)));
  const byId = new Map(rows.map((r) => [r.id, toInfo(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** Removes files no record refers to any more (a replaced photo or document); their chunks go with them. */
export async function deleteFiles(db: DbOrTx, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.delete(storedFiles).where(inArray(storedFiles.id, [...ids]));
}

const infoColumns = {
  id: storedFiles.id,
  purpose: storedFiles.purpose,
  filename: storedFiles.filename,
  mediaType: storedFiles.mediaType,
  size: storedFiles.size,
  sha256: storedFiles.sha256,
  createdBy: storedFiles.createdBy,
  createdAt: storedFiles.createdAt,
};

async function insert(db: DbOrTx, input: { purpose: string; filename: string; mediaType: string; content: Buffer; createdBy?: string }): Promise<StoredFileInfo> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(storedFiles)
      .values({
        purpose: input.purpose,
        filename: input.filename,
        mediaType: input.mediaType,
        size: input.content.length,
        sha256: crypto.createHash('sha256').update(input.content).digest('hex'),
        createdBy: input.createdBy ?? '',
      })
      .returning(infoColumns);
    // One chunk per statement: a large file never becomes one huge query.
    for (let seq = 0; seq * CHUNK_BYTES < input.content.length; seq++) {
      await tx.insert(storedFileChunks).values({ fileId: row!.id, seq, data: input.content.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES) });
    }
    return toInfo(row!);
  });
}

async function findInfo(db: DbOrTx, id: string, purpose: string | undefined): Promise<StoredFileInfo> {
  const [row] = await db.select(infoColumns).from(storedFiles).where(eq(storedFiles.id, id));
  if (!row || (purpose !== undefined && row.purpose !== purpose)) throw new AppError('NOT_FOUND', '文件不存在');
  return toInfo(row);
}

function assertWhole(info: StoredFileInfo, bytes: number): void {
  if (bytes !== info.size) throw new Error(`stored file ${info.id} is incomplete: ${bytes} of ${info.size} bytes`);
}

function toInfo(row: { id: string; purpose: string; filename: string; mediaType: string; size: number; sha256: string; createdBy: string; createdAt: Date }): StoredFileInfo {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
