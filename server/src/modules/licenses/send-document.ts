import type { FastifyReply } from 'fastify';
import { sendFile } from '../../platform/files/http.ts';
import type { LicenseDocument } from './service.ts';

/**
 * Sends a license document inline. An SVG gets a sandboxing policy of its own, so that an
 * image opened directly can never run anything; PDFs and pictures keep the app's headers.
 */
export function sendDocument(reply: FastifyReply, doc: LicenseDocument) {
  if (doc.kind === 'stored') return sendFile(reply, doc.file, { disposition: 'inline', asciiName: 'license', cacheControl: 'private, no-store' });
  reply.header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox");
  return reply
    .type(doc.mediaType)
    .header('content-disposition', `inline; filename="license"; filename*=UTF-8''${encodeURIComponent(doc.filename)}`)
    .header('cache-control', 'private, no-store')
    .send(doc.content);
}
