import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleDeps } from '../../platform/http/module-deps.ts';
import { pageQuery } from '../http/schemas.ts';
import { listMessages } from './service.ts';
import { staffOf } from '../auth/plugin.ts';

const messagesQuery = z.strictObject({
  centerId: z.uuid().optional(),
  relatedType: z.string().trim().max(50).optional(),
  relatedId: z.string().trim().max(100).optional(),
  phone: z.string().trim().max(20).optional(),
  status: z.enum(['queued', 'sent', 'failed']).optional(),
  ...pageQuery,
});

const messagePage = z.object({
  total: z.number(),
  items: z.array(
    z.object({
      id: z.string(),
      channel: z.enum(['sms']),
      recipient: z.string(),
      template: z.string(),
      body: z.string(),
      status: z.enum(['queued', 'sent', 'failed']),
      attempts: z.number(),
      lastError: z.string().nullable(),
      relatedType: z.string(),
      relatedId: z.string(),
      createdAt: z.string(),
      sentAt: z.string().nullable(),
    }),
  ),
});

/** The message log: every SMS with its delivery status; recipients masked. */
export const notificationRoutes: FastifyPluginAsyncZod<ModuleDeps> = async (app, { db, config }) => {
  app.get(
    '/api/notifications',
    {
      config: { access: 'notification.read' },
      schema: { tags: ['notifications'], summary: '消息记录（短信及其发送状态）', querystring: messagesQuery, response: { 200: messagePage } },
    },
    (request) => listMessages(db, config, { ...request.query, centers: staffOf(request).centerScope }),
  );
};
