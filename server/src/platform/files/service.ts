import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { DbOrTx } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { storedFiles } from './tables.ts';

export const FILE_KINDS = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export type StoredFileInfo = { id: string; filename: string; mediaType: string; size: number; sha256: string; createdAt: string };

/**
 * Stores a file after checking what it really is by its content (not its name or the
 * browser's word) and its size. Pass a transaction to store it with the record it belongs to.
 */
export async function storeFile(
  db: DbOrTx,
  input: { purpose: string; filename: string; content: Buffer; allowed: readonly FileKind[]; maxBytes: number; createdBy?: string; field?: string },
): Promise<StoredFileInfo> {
  const field = input.field ?? 'file';
  if (input.content.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空', [{ field, message: '文件为空' }]);
  if (input.content.length > input.maxBytes) {
    const mb = Math.round((input.maxBytes / 1024 / 1024) * 10) / 10;
    throw new AppError('PAYLOAD_TOO_LARGE', `文件不能超过 ${mb} MB`, [{ field, message: `文件不能超过 ${mb} MB` }]);
  }
  const sniffed = await fileTypeFromBuffer(input.content);
  const kind = sniffed?.ext as FileKind | undefined;
  if (!kind || !input.allowed.includes(kind)) {
    const names = input.allowed.map((k) => k.toUpperCase()).join('、');
    const message = `文件内容不是 ${names}${sniffed ? `（实际为 ${sniffed.ext.toUpperCase()}）` : ''}`;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ field, message }]);
  }
  const [row] = await db
    .insert(storedFiles)
    .values({
      purpose: input.purpose,
      filename: cleanFilename(input.filename, kind),
      mediaType: FILE_KINDS[kind],
      size: input.content.length,
      sha256: crypto.createHash('sha256').update(input.content).digest('hex'),
      content: input.content,
      createdBy: input.createdBy ?? '',
    })
    .returning();
  return toInfo(row!);
}

export async function readFile(db: DbOrTx, id: string): Promise<StoredFileInfo & { content: Buffer }> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  if (!row) throw new AppError('NOT_FOUND', '文件不存在');
  return { ...toInfo(row), content: Buffer.from(row.content) };
}

/** What these stored files are (name, type, size), without reading their content; in the order of `ids`. */
export async function describeFiles(db: DbOrTx, ids: readonly string[]): Promise<StoredFileInfo[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: storedFiles.id, filename: storedFiles.filename, mediaType: storedFiles.mediaType, size: storedFiles.size, sha256: storedFiles.sha256, createdAt: storedFiles.createdAt })
    .from(storedFiles)
    .where(inArray(storedFiles.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, { ...r, createdAt: r.createdAt.toISOString() }]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function cleanFilename(name: string, kind: FileKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f"<>|:*?]/g, '')
    .trim()
    .slice(0, 150);
  return base || `文件.${kind}`;
}

function toInfo(row: typeof storedFiles.$inferSelect): StoredFileInfo {
  return { id: row.id, filename: row.filename, mediaType: row.mediaType, size: row.size, sha256: row.sha256, createdAt: row.createdAt.toISOString() };
}
