/**
 * The file store on PostgreSQL (issue 17, one file store): a 10 MB file stored (checked, hashed,
 * written in 256 KiB chunks) and read back whole and as a stream, MB/s and the memory a streamed
 * download adds, with the same file through one bytea INSERT/SELECT of the same PostgreSQL as
 * reference.
 *
 *   npx tsx bench/files/run.ts
 *
 * Uses BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL: it creates and drops its
 * own database); without either it starts a throwaway PostgreSQL (initdb) in a temp dir.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { migratePostgres, openPostgres } from '../../server/src/platform/db/postgres.ts';
import { openFile, readFile, storeFile } from '../../server/src/platform/files/service.ts';
import { pct, progress, setting, timeRuns } from '../lib/measure.ts';
import { serverVersion, withBenchDatabase } from '../lib/postgres.ts';

const MB = 1024 * 1024;
const SIZE = 10 * MB;
const RUNS = 5;

await withBenchDatabase(async (url) => {
  progress('migrating');
  await migratePostgres(url);
  const database = openPostgres(url);
  try {
    const content = Buffer.concat([Buffer.from('%PDF-1.7\n'), crypto.randomBytes(SIZE - 9)]);
    const rate = (ms: number) => `${((SIZE / MB) / (ms / 1000)).toFixed(1)} MB/s`;
    console.log(setting(await serverVersion(url)));

    progress('storing');
    let id = '';
    const store = await timeRuns(RUNS, async () => {
      id = (await storeFile(database.db, { purpose: 'bench', filename: 'bench.pdf', content, allowed: ['pdf'], maxBytes: SIZE })).id;
    }, 1);
    console.log(`store 10 MB (sniff, SHA-256, 40 chunks): p50 ${pct(store, 0.5).toFixed(0)} ms (${rate(pct(store, 0.5))}), max ${store.at(-1)!.toFixed(0)} ms`);

    progress('reading');
    const whole = await timeRuns(RUNS, () => readFile(database.db, id), 1);
    console.log(`read 10 MB whole: p50 ${pct(whole, 0.5).toFixed(0)} ms (${rate(pct(whole, 0.5))})`);
    let peak = 0;
    const streamed = await timeRuns(RUNS, async () => {
      global.gc?.();
      const base = process.memoryUsage().rss;
      for await (const chunk of (await openFile(database.db, id)).stream()) {
        void chunk;
        peak = Math.max(peak, process.memoryUsage().rss - base);
      }
    }, 1);
    console.log(`stream 10 MB chunk by chunk: p50 ${pct(streamed, 0.5).toFixed(0)} ms (${rate(pct(streamed, 0.5))}), RSS growth while streaming at most ${(peak / MB).toFixed(1)} MB`);

    progress('reference');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('create temporary table blob (data bytea)');
    const insert = await timeRuns(RUNS, () => client.query('insert into blob values ($1)', [content]), 1);
    const select = await timeRuns(RUNS, () => client.query('select data from blob limit 1'), 1);
    await client.end();
    console.log(`reference, one bytea INSERT of 10 MB: p50 ${pct(insert, 0.5).toFixed(0)} ms; one SELECT: p50 ${pct(select, 0.5).toFixed(0)} ms`);
  } finally {
    await database.close();
  }
});
