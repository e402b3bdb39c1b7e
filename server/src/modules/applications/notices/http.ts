import type { FastifyReply } from 'fastify';

/** A notice's PDF as the answer: shown in the browser, printable, never cached. */
export function sendNoticePdf(reply: FastifyReply, pdf: { filename: string; content: Buffer }) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="notice.pdf"; filename*=UTF-8''${encodeURIComponent(pdf.filename)}`)
    .header('cache-control', 'private, no-store')
    .send(pdf.content);
}
