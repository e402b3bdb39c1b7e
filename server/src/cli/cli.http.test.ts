import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { adminQuery, withDatabase } from '../../test/templates.ts';

const BIN = fileURLToPath(new URL('../../bin/banshi.mjs', import.meta.url));
const template = inject('banshiTemplate');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-cli-'));
const dbName = `banshi_cli_${crypto.randomBytes(4).toString('hex')}`;
const env: Record<string, string> = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? tmp,
  DATA_DIR: path.join(tmp, 'data'),
  BANSHI_DEMO: '0',
  SESSION_SECRET: 's'.repeat(40),
  PERSONAL_DATA_KEY: 'a1'.repeat(32),
  PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32),
  AUDIT_KEY: 'c3'.repeat(32),
  LOG_LEVEL: 'warn',
  ...(template.kind === 'postgres' ? { DATABASE_URL: withDatabase(template.adminUrl, dbName) } : {}),
};

afterAll(async () => {
  if (template.kind === 'postgres') await adminQuery(template.adminUrl, `drop database if exists ${dbName} with (force)`);
  fs.rmSync(tmp, { recursive: true, force: true });
});

type Run = { code: number | null; stdout: string; stderr: string };
function banshi(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...env, ...options.env }, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end(options.input ?? '');
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function startServer(extraEnv: Record<string, string> = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [BIN, 'start', '--no-web'], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...extraEnv },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    const ok = await fetch(`${base}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = () =>
    new Promise<number | null>((resolve) => {
      child.on('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    });
  return { base, child, stop, output: () => output };
}

const postJson = (url: string, body: object) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  if (template.kind === 'postgres') await adminQuery(template.adminUrl, `create database ${dbName}`);
});

// Each step starts real processes that open a database: give them time on a busy 2-core machine.
describe('npx banshi', { timeout: 180_000 }, () => {
  it('stops on a bad setting with a message naming the variable', async () => {
    const noSecret = await banshi(['migrate'], { env: { SESSION_SECRET: '' } });
    expect(noSecret.code).toBe(1);
    expect(noSecret.stderr).toContain('SESSION_SECRET');
    const badPort = await banshi(['migrate'], { env: { PORT: 'eighty' } });
    expect(badPort.code).toBe(1);
    expect(badPort.stderr).toContain('PORT');
  });

  it('create-admin makes the first administrator; outside demo mode there is no other account', async () => {
    const weak = await banshi(['create-admin', '--username', 'root', '--name', '管理员'], { input: 'short\n' });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('密码');
    const made = await banshi(['create-admin', '--username', 'root', '--name', '管理员'], { input: 'Secret2026\n' });
    expect(made.stderr).toBe('');
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('root');

    const server = await startServer();
    try {
      expect(await (await fetch(`${server.base}/api/demo`)).json()).toMatchObject({ enabled: false, accounts: [] });
      expect((await postJson(`${server.base}/api/auth/login`, { username: 'admin', password: 'Demo1234' })).status).toBe(401);
      const login = await postJson(`${server.base}/api/auth/login`, { username: 'root', password: 'Secret2026' });
      expect(login.status).toBe(200);
      expect(login.headers.get('x-request-id')).toBeTruthy();
      if (template.kind === 'pglite') {
        const second = await banshi(['migrate']);
        expect(second.code).toBe(1);
        expect(second.stderr).toContain('正被另一个 Banshi 进程使用');
      }
    } finally {
      expect(await server.stop()).toBe(0);
    }
  });

  it('backup and restore bring the database back to the moment of the backup', async () => {
    const file = path.join(tmp, template.kind === 'postgres' ? 'backup.dump' : 'backup.tar.gz');
    const backup = await banshi(['backup', '--out', file]);
    expect(backup.stderr).toBe('');
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    expect((await banshi(['create-admin', '--username', 'later', '--name', '后来者'], { input: 'Secret2026\n' })).code).toBe(0);

    if (template.kind === 'pglite') {
      const refused = await banshi(['restore', file]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('--force');
    }
    const restored = await banshi(['restore', file, '--force']);
    expect(restored.code, restored.stderr).toBe(0);

    const server = await startServer();
    try {
      expect((await postJson(`${server.base}/api/auth/login`, { username: 'root', password: 'Secret2026' })).status).toBe(200);
      expect((await postJson(`${server.base}/api/auth/login`, { username: 'later', password: 'Secret2026' })).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});
