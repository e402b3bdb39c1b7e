import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db, DbOrTx } from '../db/database.ts';
import { invalidField } from '../errors.ts';
import { enqueue, MAX_ATTEMPTS, type OutboxHandler } from '../outbox/service.ts';
import { decryptField, encryptField, lookupHash, maskPhone, normalizePhone, personalDataKeys } from '../personal-data/personal-data.ts';
import * as repo from './repository.ts';
import { renderSms, type SmsTemplate } from './templates.zh-CN.ts';
import { logTransport, type SmsTransport } from './transports.ts';

export const SMS_TOPIC = 'notification.sms';

export type SmsRequest = {
  phone: string;
  template: SmsTemplate;
  params: Record<string, string | number>;
  /** what the message is about, e.g. { type: 'appointment', id } — for the message log */
  related: { type: string; id: string };
  centerId?: string | null;
  /** the same key twice sends one message (e.g. `appointment:<id>:reminder`) */
  dedupeKey: string;
};

/**
 * Records an SMS and schedules its delivery after commit. Call it with the transaction of the
 * change the message is about: no commit, no message; a repeat of the dedupe key, no second message.
 */
export async function queueSms(tx: DbOrTx, config: Config, request: SmsRequest): Promise<{ queued: boolean }> {
  const phone = normalizePhone(request.phone);
  if (!phone) throw invalidField('phone', '手机号码格式不正确');
  const keys = personalDataKeys(config);
  const body = renderSms(request.template, request.params);
  const messageId = await repo.insertMessage(tx, {
    channel: 'sms',
    recipientEncrypted: encryptField(keys, 'phone', phone),
    recipientMasked: maskPhone(phone),
    recipientHash: lookupHash(keys, 'phone', phone),
    template: request.template,
    body,
    relatedType: request.related.type,
    relatedId: request.related.id,
    centerId: request.centerId ?? null,
  });
  const queued = await enqueue(tx, { topic: SMS_TOPIC, dedupeKey: `sms:${request.dedupeKey}`, payload: { messageId } });
  if (!queued) await repo.deleteMessage(tx, messageId);
  return { queued };
}

/** The outbox handler that hands a queued message to a transport (the configured one unless given). */
export function smsHandler(transport?: SmsTransport): OutboxHandler {
  return async (payload, entry) => {
    const message = await repo.findMessage(entry.tx, String(payload.messageId));
    if (!message || message.status === 'sent') return;
    const via = transport ?? selectTransport(entry.config, entry.log);
    try {
      const to = decryptField(personalDataKeys(entry.config), 'phone', message.recipientEncrypted);
      const { ref } = await via.send({ to, body: message.body });
      await repo.markSent(entry.tx, message.id, via.name, ref);
    } catch (err) {
      // The failed try stays in the message log; the outbox retries the entry.
      const text = err instanceof Error ? err.message : String(err);
      await repo.markAttemptFailed(entry.tx, message.id, via.name, text, entry.attempts + 1 >= MAX_ATTEMPTS);
      return { retry: text };
    }
  };
}

/** What the platform's notifications consume from the outbox. */
export const notificationConsumers: Record<string, OutboxHandler> = { [SMS_TOPIC]: smsHandler() };

/** The same consumers over a given transport (tests). */
export function notificationHandlers(transport: SmsTransport): Record<string, OutboxHandler> {
  return { [SMS_TOPIC]: smsHandler(transport) };
}

export function selectTransport(config: Config, log: Logger): SmsTransport {
  switch (config.SMS_TRANSPORT) {
    case 'log':
      return logTransport(log);
  }
}

export async function listMessages(db: Db, config: Config, filter: Omit<repo.MessageFilter, 'recipientHash'> & { phone?: string }) {
  const phone = filter.phone ? normalizePhone(filter.phone) : null;
  if (filter.phone && !phone) throw invalidField('phone', '手机号码格式不正确');
  const { rows, total } = await repo.listMessages(db, {
    ...filter,
    recipientHash: phone ? lookupHash(personalDataKeys(config), 'phone', phone) : undefined,
  });
  return {
    total,
    items: rows.map((m) => ({
      id: m.id,
      channel: m.channel,
      recipient: m.recipientMasked,
      template: m.template,
      body: m.body,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      relatedType: m.relatedType,
      relatedId: m.relatedId,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
  };
}
