import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { centers } from '../../../venue/tables.ts';
import { enterprises } from '../../../enterprises/tables.ts';

/**
 * 网上申报 drafts (clause 7): what an enterprise signed in on the portal has filled in for an
 * item before submitting — its answers and, per material, its own upload or one of its
 * e-licenses. One draft per enterprise, center and item (or bundle) (saving again updates it, `version`
 * guards two tabs); submitting turns it into an application (已收件) and removes it.
 */
export const onlineDrafts = pgTable(
  'online_application_drafts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    centerId: uuid('center_id')
      .notNull()
      .references(() => centers.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** what the draft applies for: an item, or a bundle (一件事) whose code `item_code` then holds */
    kind: varchar('kind', { length: 10 }).$type<'item' | 'bundle'>().notNull().default('item'),
    /** 实施编码 of the item (or the bundle's code) and its name when the draft was last saved */
    itemCode: varchar('item_code', { length: 40 }).notNull(),
    itemName: text('item_name').notNull(),
    answers: jsonb('answers').$type<Record<string, string>>().notNull(),
    materials: jsonb('materials').$type<{ key: string; fileId: string | null; licenseId: string | null }[]>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('online_application_drafts_item').on(t.enterpriseId, t.centerId, t.kind, t.itemCode)],
);
