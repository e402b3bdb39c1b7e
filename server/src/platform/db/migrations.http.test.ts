import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../../../test/templates.ts';
import { migratePglite, openPglite } from './pglite.ts';
import { migratePostgres, openPostgres } from './postgres.ts';
import { MIGRATIONS_FOLDER } from './migrations.ts';

describe('migrations on start-up', () => {
  it('several processes starting at once on an empty database end with one complete schema', async () => {
    const template = inject('banshiTemplate');
    let database;
    let drop = async () => {};
    if (template.kind === 'postgres') {
      const name = `banshi_migrate_${crypto.randomBytes(4).toString('hex')}`;
      await adminQuery(template.adminUrl, `create database ${name}`);
      const url = withDatabase(template.adminUrl, name);
      await Promise.all([migratePostgres(url), migratePostgres(url), migratePostgres(url)]);
      database = openPostgres(url, undefined, { role: null }); // the owner's view: the app's role cannot read drizzle's own table
      drop = () => adminQuery(template.adminUrl, `drop database ${name} with (force)`);
    } else {
      // One process holds an embedded database (the directory lock sees to that): it migrates, and re-runs are no-ops.
      database = await openPglite({ memory: true });
      await migratePglite(database);
      await migratePglite(database);
    }
    const applied = (await database.db.execute('select count(*)::int as n from drizzle.__drizzle_migrations')) as unknown as {
      rows: { n: number }[];
    };
    const tables = (await database.db.execute(
      `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    )) as unknown as { rows: { n: number }[] };
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'));
    expect(applied.rows[0]!.n).toBe(journal.entries.length);
    expect(tables.rows[0]!.n).toBeGreaterThanOrEqual(10);
    await database.close();
    await drop();
  });
});
