import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** PostgreSQL's server programs (Debian's PostgreSQL 15, or the ones on PATH); null when none. */
export function postgresBin(): string | null {
  const debian = '/usr/lib/postgresql/15/bin';
  if (fs.existsSync(path.join(debian, 'initdb'))) return debian;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
  return null;
}

export type ThrowawayPostgres = {
  /** the `banshi` database */
  url: string;
  /** the `postgres` database, for the test's own look-ups */
  adminUrl: string;
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** stops and removes everything */
  dispose(): Promise<void>;
};

/**
 * A PostgreSQL of the test's own, in a temp dir on a free port, that the test may stop and start
 * (the shared one of the test run must not be). initdb refuses root: as root (CI), it runs as the
 * unprivileged `banshipg` user, created when missing, as .ci/postgres.sh does.
 */
export async function startThrowawayPostgres(bin: string): Promise<ThrowawayPostgres> {
  const isRoot = process.getuid?.() === 0;
  const user = 'banshipg';
  if (isRoot) {
    const exists = await run('id', [user]).then(() => true, () => false);
    if (!exists) await run('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', user]);
  }
  const as = (program: string, args: string[]) =>
    isRoot ? run('runuser', ['-u', user, '--', path.join(bin, program), ...args]) : run(path.join(bin, program), args);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-fault-pg-'));
  if (isRoot) await run('chown', [user, dir]);
  const port = await freePort();
  const data = path.join(dir, 'data');
  await as('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const start = async () => {
    await as('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  };
  const stop = async (mode: 'fast' | 'immediate' = 'fast') => {
    await as('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']);
  };
  await start();
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query('create database banshi');
  await client.end();
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/banshi`,
    adminUrl,
    stop,
    start,
    async dispose() {
      await stop('immediate').catch(() => undefined);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
