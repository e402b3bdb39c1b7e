import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError, migratePglite, openPglite } from './pglite.ts';
import { MIGRATIONS_FOLDER } from './migrations.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-db-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A copy of the real migrations plus one more, as drizzle-kit would write it. */
function migrationsWithExtra(sqlText: string): string {
  const dir = fs.mkdtempSync(path.join(tmp, 'migrations-'));
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
  const last = journal.entries.at(-1);
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_extra' });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(dir, '9999_extra.sql'), sqlText);
  return dir;
}

const tableExists = async (db: Awaited<ReturnType<typeof openPglite>>, name: string) => {
  const res = (await db.db.execute(`select to_regclass('public.${name}') as t`)) as unknown as { rows: { t: string | null }[] };
  return res.rows[0]?.t !== null;
};

describe('embedded database', () => {
  it('refuses a second opener of the same data directory with a clear message', async () => {
    const dir = path.join(tmp, 'locked');
    const first = await openPglite({ dir });
    const second = openPglite({ dir });
    await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(second).rejects.toThrow(/正被另一个 Banshi 进程使用/);
    await first.close();
    const third = await openPglite({ dir });
    await third.close();
  });

  it('migrations are safe to re-run, and a migration that breaks half-way leaves nothing behind and completes next time', async () => {
    const database = await openPglite({ memory: true });
    await migratePglite(database);
    await migratePglite(database);
    expect(await tableExists(database, 'centers')).toBe(true);

    const broken = migrationsWithExtra('CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT 1/0;');
    await expect(migratePglite(database, broken)).rejects.toThrow();
    expect(await tableExists(database, 'half_done')).toBe(false);

    fs.writeFileSync(path.join(broken, '9999_extra.sql'), 'CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT 1;');
    await migratePglite(database, broken);
    expect(await tableExists(database, 'half_done')).toBe(true);
    await database.close();
  });
});
