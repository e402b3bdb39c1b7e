import crypto from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors.ts';
import { assertCanEdit, type Editor } from '../editor.ts';
import * as repo from './repository.ts';

/** What a template or sample may be: documents, spreadsheets and pictures, told apart by content, not by name. */
const ALLOWED = new Map([
  ['pdf', 'application/pdf'],
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['cfb', 'application/octet-stream'], // .doc and .xls (OLE compound files)
  ['jpg', 'image/jpeg'],
  ['png', 'image/png'],
]);
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

export type FileInfo = { id: string; filename: string; mediaType: string; size: number; createdAt: string };

export async function uploadFile(
  db: Db,
  centerId: string,
  file: { filename: string; content: Buffer },
  editor: Editor,
): Promise<FileInfo> {
  assertCanEdit(editor, centerId);
  if (file.content.length === 0) throw new AppError('VALIDATION_FAILED', '文件为空', [{ field: 'file', message: '文件为空' }]);
  if (file.content.length > MAX_FILE_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', '文件不能超过 10 MB');
  const type = await fileTypeFromBuffer(file.content);
  const mediaType = type ? ALLOWED.get(type.ext) : undefined;
  if (!type || !mediaType) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', '只能上传 PDF、Word、Excel 文档或 JPG、PNG 图片');
  }
  const filename = cleanFilename(file.filename) || `附件.${type.ext === 'cfb' ? 'doc' : type.ext}`;
  const id = await repo.insertFile(db, {
    centerId,
    filename,
    mediaType: type.ext === 'cfb' ? guessOleType(filename) : mediaType,
    size: file.content.length,
    sha256: crypto.createHash('sha256').update(file.content).digest('hex'),
    content: file.content,
    uploadedById: editor.id,
  });
  return toInfo((await repo.findFileInfo(db, id))!);
}

export async function getFileInfo(db: Db, id: string): Promise<FileInfo> {
  const row = await repo.findFileInfo(db, id);
  if (!row) throw new AppError('NOT_FOUND', '文件不存在');
  return toInfo(row);
}

export async function downloadFile(db: Db, id: string) {
  const row = await repo.findFileContent(db, id);
  if (!row) throw new AppError('NOT_FOUND', '文件不存在');
  return { ...toInfo(row), content: row.content };
}

/**
 * The infos of the files among `ids`. Templates and samples are public documents: a guide may
 * use a file uploaded for any center of this installation (an imported catalog keeps its files).
 */
export async function findFiles(db: Db, ids: string[]): Promise<Map<string, FileInfo>> {
  const rows = await repo.listFileInfos(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toInfo(r)]));
}

function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f"<>|:*?]/g, '').trim().slice(0, 150);
}

function guessOleType(filename: string): string {
  if (/\.xls$/i.test(filename)) return 'application/vnd.ms-excel';
  return 'application/msword';
}

function toInfo(row: { id: string; filename: string; mediaType: string; size: number; createdAt: Date }): FileInfo {
  return { id: row.id, filename: row.filename, mediaType: row.mediaType, size: row.size, createdAt: row.createdAt.toISOString() };
}
