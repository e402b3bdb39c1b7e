import type { FastifyInstance } from 'fastify';

/**
 * API answers may carry personal data (names, masked or unmasked numbers, a complainant's
 * identity): browsers and proxies keep none of them, unless a route says otherwise (a file
 * download sets its own header).
 */
export function registerNoStore(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });
}
