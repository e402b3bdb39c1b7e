import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../../../test/templates.ts';
import type { Database } from '../db/database.ts';
import { MIGRATIONS_FOLDER } from '../db/migrations.ts';
import { migratePglite, openPglite } from '../db/pglite.ts';
import { migratePostgres, openPostgres } from '../db/postgres.ts';
import { CHUNK_BYTES, readFile } from './service.ts';

/**
 * The upgrade to the one file store, on data written before it: stored files, catalog templates
 * and staff photos keep their bytes (templates their ids, which guides refer to).
 */
const template = inject('banshiTemplate');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-files-migration-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The migrations folder as it was before the content moved: up to the chunks table. */
function migrationsBefore(name: string): string {
  const folder = path.join(tmp, 'migrations');
  fs.cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.replace(/^\d+_/, '') === name);
  if (at < 0) throw new Error(`no migration named ${name}`);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

type Rows<T> = { rows: T[] };

describe('the upgrade to the one file store', () => {
  it('moves stored files, catalog templates and staff photos into chunks, byte for byte', async () => {
    const before = migrationsBefore('files_move_content');
    let database: Database;
    let migrate: (folder?: string) => Promise<void>;
    let drop = async () => {};
    if (template.kind === 'postgres') {
      const name = `banshi_files_${crypto.randomBytes(4).toString('hex')}`;
      await adminQuery(template.adminUrl, `create database ${name}`);
      const url = withDatabase(template.adminUrl, name);
      migrate = (folder) => migratePostgres(url, folder);
      await migrate(before);
      // data written before the application's role existed: as the login user, as releases then did
      database = openPostgres(url, undefined, { role: null });
      drop = () => adminQuery(template.adminUrl, `drop database ${name} with (force)`);
    } else {
      database = await openPglite({ memory: true });
      migrate = (folder) => migratePglite(database, folder);
      await migrate(before);
    }
    const q = async <T>(query: SQL) => (await database.db.execute(query)) as unknown as Rows<T>;
    try {
      const big = crypto.randomBytes(2 * CHUNK_BYTES + 7);
      const sample = Buffer.from('%PDF-1.4 样表');
      const photo = Buffer.from('89504e470d0a1a0a', 'hex');
      const sha = (b: Buffer) => crypto.createHash('sha256').update(b).digest('hex');
      const [file] = (await q<{ id: string }>(sql`insert into stored_files (purpose, filename, media_type, size, sha256, content) values ('notice', '通知书.pdf', 'application/pdf', ${big.length}, ${sha(big)}, ${big}) returning id`)).rows;
      await q(sql`insert into regions (code, name) values ('440605', '南海区')`);
      const [center] = (await q<{ id: string }>(sql`insert into centers (name, level, region_code) values ('测试中心', 'county', '440605') returning id`)).rows;
      const [person] = (await q<{ id: string }>(sql`insert into staff (username, display_name, password_hash, roles) values ('tester', '测试员', 'x', '{clerk}') returning id`)).rows;
      const [catalog] = (
        await q<{ id: string }>(
          sql`insert into catalog_files (center_id, filename, media_type, size, sha256, content, uploaded_by_id) values (${center!.id}, '样表.pdf', 'application/pdf', ${sample.length}, ${sha(sample)}, ${sample}, ${person!.id}) returning id`,
        )
      ).rows;
      await q(sql`insert into staff_photos (staff_id, content_type, data) values (${person!.id}, 'image/png', ${photo})`);

      await migrate();

      expect((await readFile(database.db, file!.id)).content.equals(big)).toBe(true);
      expect((await q<{ n: number }>(sql`select count(*)::int as n from stored_file_chunks where file_id = ${file!.id}`)).rows[0]!.n).toBe(3);
      expect(await readFile(database.db, catalog!.id, 'catalog_template')).toMatchObject({ filename: '样表.pdf', mediaType: 'application/pdf', size: sample.length, sha256: sha(sample) });
      expect((await readFile(database.db, catalog!.id)).content.equals(sample)).toBe(true);
      const [moved] = (await q<{ file_id: string }>(sql`select file_id from staff_photos where staff_id = ${person!.id}`)).rows;
      const stored = await readFile(database.db, moved!.file_id, 'staff_photo');
      expect(stored).toMatchObject({ mediaType: 'image/png', filename: 'photo.png', sha256: sha(photo) });
      expect(stored.content.equals(photo)).toBe(true);
      expect((await q<{ n: number }>(sql`select count(*)::int as n from information_schema.tables where table_name = 'catalog_files'`)).rows[0]!.n).toBe(0);
    } finally {
      await database.close();
      await drop();
    }
  });
});
