import type { DbOrTx } from '../../../platform/db/database.ts';
import { describeFiles, openFile, storeFile, type FilePolicy, type StoredFileInfo } from '../../../platform/files/service.ts';
import { assertCanEdit, type Editor } from '../editor.ts';

/** Blank templates and filled samples of materials, in the file store. Never changed: a new upload is a new file. */
export const CATALOG_FILE_PURPOSE = 'catalog_template';
/** What a template or sample may be: documents, spreadsheets and pictures, told apart by content, not by name. */
export const CATALOG_FILE_POLICY: FilePolicy = { allowed: ['pdf', 'docx', 'xlsx', 'doc', 'xls', 'jpg', 'png'], maxBytes: 10 * 1024 * 1024 };

export type FileInfo = { id: string; filename: string; mediaType: string; size: number; createdAt: string };

export async function uploadFile(db: DbOrTx, centerId: string, file: { filename: string; content: Buffer }, editor: Editor): Promise<FileInfo> {
  assertCanEdit(editor, centerId);
  const stored = await storeFile(db, { ...CATALOG_FILE_POLICY, purpose: CATALOG_FILE_PURPOSE, filename: file.filename, content: file.content, createdBy: editor.name });
  return toInfo(stored);
}

/** A template or sample to download; the store serves no other kind of file through this. */
export async function downloadFile(db: DbOrTx, id: string) {
  return openFile(db, id, CATALOG_FILE_PURPOSE);
}

/**
 * The infos of the files among `ids`. Templates and samples are public documents: a guide may
 * use a file uploaded for any center of this installation (an imported catalog keeps its files).
 */
export async function findFiles(db: DbOrTx, ids: string[]): Promise<Map<string, FileInfo>> {
  const rows = await describeFiles(db, ids, CATALOG_FILE_PURPOSE);
  return new Map(rows.map((r) => [r.id, toInfo(r)]));
}

function toInfo(file: StoredFileInfo): FileInfo {
  return { id: file.id, filename: file.filename, mediaType: file.mediaType, size: file.size, createdAt: file.createdAt };
}
