import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns.ts';

/**
 * Uploaded and generated files (application materials, notices). Kept in the database, outside
 * any web root: one backup (pg_dump or the PGlite dump) holds the records and their files, and
 * every process behind a load balancer sees the same files.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** what the file belongs to, e.g. `application_material`, `notice` */
    purpose: text('purpose').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    content: bytea('content').notNull(),
    createdBy: text('created_by').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_sha256').on(t.sha256), check('stored_files_size', sql`${t.size} > 0`)],
);
