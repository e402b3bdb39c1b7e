import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../../server/src/platform/db/database.ts';
import { migratePostgres, openPostgres } from '../../server/src/platform/db/postgres.ts';
import { seedDemo } from '../../server/src/demo/seed.ts';
import { adminQuery, withDatabase } from '../../server/test/templates.ts';
import { benchConfig } from './app.ts';

/**
 * Runs a bench on a database of its own, created for the run and dropped after it, on the server of
 * BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL) or, without either, on a throwaway
 * PostgreSQL started for the run. A failure is printed and sets the exit code.
 */
export async function withBenchDatabase(bench: (url: string) => Promise<void>): Promise<void> {
  const { adminUrl, stop } = await postgresForBench();
  const dbName = `banshi_bench_${crypto.randomBytes(4).toString('hex')}`;
  try {
    await adminQuery(adminUrl, `create database ${dbName}`);
    try {
      await bench(withDatabase(adminUrl, dbName));
    } catch (err) {
      console.error('bench failed:', err);
      process.exitCode = 1;
    } finally {
      await adminQuery(adminUrl, `drop database if exists ${dbName} with (force)`).catch(() => undefined);
    }
  } finally {
    stop();
  }
}

/** The database migrated and seeded with the demo center, as `banshi start` in demo mode has it. */
export async function openDemoDatabase(url: string): Promise<Database> {
  await migratePostgres(url);
  const database = openPostgres(url);
  await seedDemo(database.db, benchConfig);
  return database;
}

/** The server's version and whether it syncs to disk, for the first line of a bench's output. */
export async function serverVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = (await client.query('show server_version')).rows[0].server_version as string;
    const fsync = (await client.query('show fsync')).rows[0].fsync as string;
    return `${version}, fsync ${fsync}${fsync === 'off' ? ' (writes not durable: faster than a production server)' : ''}`;
  } finally {
    await client.end();
  }
}

/** The given server, or a throwaway one: initdb in a temp dir, trust auth, fsync off, on a free port. */
async function postgresForBench(): Promise<{ adminUrl: string; stop: () => void }> {
  const given = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (given) return { adminUrl: given, stop: () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-bench-pg-'));
  const port = await freePort();
  // PostgreSQL refuses to run as root.
  const asUser = process.getuid?.() === 0 ? ['runuser', '-u', 'nobody', '--'] : [];
  if (asUser.length) fs.chmodSync(dir, 0o777);
  const exec = (cmd: string, args: string[]) => execFileSync(asUser[0] ?? cmd, [...asUser.slice(1), ...(asUser.length ? [cmd] : []), ...args], { stdio: 'ignore' });
  exec('initdb', ['-D', `${dir}/data`, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']);
  exec('pg_ctl', ['-D', `${dir}/data`, '-l', `${dir}/server.log`, '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`, 'start']);
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        exec('pg_ctl', ['-D', `${dir}/data`, '-m', 'fast', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
