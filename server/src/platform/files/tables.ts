import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { bytea } from '../db/columns.ts';

/**
 * The one file store: every uploaded or generated file (application materials, notices,
 * evaluation evidence, catalog templates, staff photos, licence documents). Kept in the
 * database, outside any web root: one backup (pg_dump or the PGlite dump) holds the records and
 * their files, and every process behind a load balancer sees the same files. Files never change
 * once stored; replacing one stores a new file. The content is in `stored_file_chunks`.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** what the file belongs to, e.g. `application_material`, `catalog_template`; downloads check it */
    purpose: text('purpose').notNull(),
    filename: text('filename').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    createdBy: text('created_by').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_sha256').on(t.sha256), check('stored_files_size', sql`${t.size} > 0`)],
);

/**
 * The content of a stored file in chunks of at most `CHUNK_BYTES`, numbered from 0: a download
 * streams one chunk at a time and never holds the whole file in memory.
 */
export const storedFileChunks = pgTable(
  'stored_file_chunks',
  {
    fileId: uuid('file_id')
      .notNull()
      .references(() => storedFiles.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.fileId, t.seq] }), check('stored_file_chunks_seq', sql`${t.seq} >= 0`)],
);
