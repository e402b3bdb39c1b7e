import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every message sent to a person, with its delivery status. The recipient is encrypted at rest. */
export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: ['sms'] }).notNull(),
    recipientEncrypted: text('recipient_encrypted').notNull(),
    recipientMasked: text('recipient_masked').notNull(),
    /** keyed hash, to find a person's messages without decrypting */
    recipientHash: text('recipient_hash').notNull(),
    template: text('template').notNull(),
    body: text('body').notNull(),
    status: text('status', { enum: ['queued', 'sent', 'failed'] }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    transport: text('transport'),
    transportRef: text('transport_ref'),
    lastError: text('last_error'),
    relatedType: text('related_type').notNull().default(''),
    relatedId: text('related_id').notNull().default(''),
    centerId: uuid('center_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('notification_messages_related').on(t.relatedType, t.relatedId), index('notification_messages_recipient').on(t.recipientHash)],
);
