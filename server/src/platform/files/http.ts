import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { tooLarge, type FilePolicy } from './kinds.ts';
import type { OpenedFile } from './service.ts';

/**
 * The one multipart file (field `file`) of an upload, read up to the policy's size: a larger
 * upload is cut off as it arrives and refused with the policy's message.
 */
export async function receiveFile(request: FastifyRequest, policy: Pick<FilePolicy, 'maxBytes' | 'what' | 'field'>): Promise<{ filename: string; content: Buffer }> {
  const part = await request.file({ limits: { fileSize: policy.maxBytes, files: 1 } });
  const what = policy.what ?? '文件';
  if (!part) throw new AppError('VALIDATION_FAILED', `请选择要上传的${what}`, [{ field: policy.field ?? 'file', message: `缺少${what}` }]);
  try {
    return { filename: part.filename, content: await part.toBuffer() };
  } catch (err) {
    if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(policy);
    throw err;
  }
}

export type SendOptions = {
  /** `inline` opens in the browser, `attachment` downloads */
  disposition: 'inline' | 'attachment';
  /** an ASCII name for clients that do not read `filename*` */
  asciiName?: string;
  cacheControl: string;
};

/** Streams a stored file as the response, chunk by chunk, with its type, length and name. */
export function sendFile(reply: FastifyReply, file: OpenedFile, options: SendOptions) {
  const ascii = options.asciiName ? `; filename="${options.asciiName}"` : '';
  return reply
    .type(file.mediaType)
    .header('content-length', file.size)
    .header('content-disposition', `${options.disposition}${ascii}; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
    .header('cache-control', options.cacheControl)
    .header('etag', `"${file.sha256}"`)
    .send(file.stream());
}
