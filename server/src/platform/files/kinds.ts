import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../errors.ts';

/**
 * The one place that says what a file is: its kind is told by its content (file-type), never by
 * its name or the browser's word; its size is limited per use; its name is cleaned.
 */
export const FILE_KINDS = {
  pdf: { mediaType: 'application/pdf', label: 'PDF' },
  jpg: { mediaType: 'image/jpeg', label: 'JPG' },
  png: { mediaType: 'image/png', label: 'PNG' },
  webp: { mediaType: 'image/webp', label: 'WebP' },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word' },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel' },
  doc: { mediaType: 'application/msword', label: 'Word' },
  xls: { mediaType: 'application/vnd.ms-excel', label: 'Excel' },
} as const;
export type FileKind = keyof typeof FILE_KINDS;

/** What a use of files accepts: the kinds, the largest size, and what the file is called in messages (e.g. 照片). */
export type FilePolicy = { allowed: readonly FileKind[]; maxBytes: number; what?: string; field?: string };

export type CheckedFile = { kind: FileKind; mediaType: string; filename: string };

/** Checks size and content against the policy; throws the 4xx a person can act on, naming the field. */
export async function checkFile(content: Buffer, filename: string, policy: FilePolicy): Promise<CheckedFile> {
  const field = policy.field ?? 'file';
  const what = policy.what ?? '文件';
  if (content.length === 0) throw new AppError('VALIDATION_FAILED', `${what}为空`, [{ field, message: `${what}为空` }]);
  if (content.length > policy.maxBytes) throw tooLarge(policy);
  const sniffed = await fileTypeFromBuffer(content);
  const kind = kindOf(sniffed?.ext, filename);
  if (!kind || !policy.allowed.includes(kind)) {
    const actual = sniffed ? `（所传文件实际为 ${sniffed.ext.toUpperCase()}）` : '';
    const message = `${what}只能是 ${allowedLabels(policy.allowed)}${actual}`;
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', message, [{ field, message }]);
  }
  return { kind, mediaType: FILE_KINDS[kind].mediaType, filename: cleanFilename(filename, `${what}.${kind}`) };
}

/** The error for a file over the policy's size (also raised while an upload is still arriving). */
export function tooLarge(policy: Pick<FilePolicy, 'maxBytes' | 'what' | 'field'>): AppError {
  const message = `${policy.what ?? '文件'}不能超过 ${formatBytes(policy.maxBytes)}`;
  return new AppError('PAYLOAD_TOO_LARGE', message, [{ field: policy.field ?? 'file', message }]);
}

/** The last path segment without control or reserved characters, at most 150 characters; the fallback when nothing is left. */
export function cleanFilename(name: string, fallback: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '')
    .slice(0, 150)
    .replace(/\p{Cs}/gu, '') // lone surrogates (PostgreSQL refuses them), also one cut in half by the slice
    .trim();
  return base || fallback;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

/** PDF、JPG 或 PNG; Word and Excel are named once even where both the old and the new format are allowed. */
function allowedLabels(kinds: readonly FileKind[]): string {
  const labels = [...new Set(kinds.map((k) => FILE_KINDS[k].label))];
  return labels.length > 1 ? `${labels.slice(0, -1).join('、')} 或 ${labels.at(-1)}` : (labels[0] ?? '');
}

/** OLE compound files (`cfb`) are the old Word and Excel formats: their name tells which. */
function kindOf(ext: string | undefined, filename: string): FileKind | undefined {
  if (ext === 'cfb') return /\.xls$/i.test(filename) ? 'xls' : 'doc';
  return ext && ext in FILE_KINDS ? (ext as FileKind) : undefined;
}
