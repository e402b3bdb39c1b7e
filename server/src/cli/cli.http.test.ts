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

const postJson = (url: string, body: object, cookie = '') =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });

async function loginRoot(base: string): Promise<string> {
  const res = await postJson(`${base}/api/auth/login`, { username: 'root', password: 'Secret2026' });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

async function uploadDocument(base: string, cookie: string, licenseId: string, filename: string, content: Buffer): Promise<Response> {
  const form = new FormData();
  form.append('file', new Blob([content]), filename);
  return fetch(`${base}/api/licenses/${licenseId}/document`, { method: 'PUT', headers: { cookie }, body: form });
}

/** A license with an uploaded document, made through the API by the administrator. */
async function licenseWithDocument(base: string, document: Buffer): Promise<string> {
  const cookie = await loginRoot(base);
  const type = await postJson(`${base}/api/license-types`, { code: 'backup_test', name: '备份测试许可证', defaultIssuer: '测试局', validityYears: 5 }, cookie);
  expect(type.status, await type.clone().text()).toBe(201);
  const enterprise = await postJson(
    `${base}/api/enterprises`,
    {
      uscc: '914403001922038216',
      name: '示例精密机械有限公司',
      type: 'limited_liability',
      legalRepresentative: '张三',
      registeredAddress: '深圳市福田区示例路 1 号',
      districtCode: '440304',
      industryCode: 'C3484',
      employees: 250,
      revenue: 5000,
      assets: 3000,
    },
    cookie,
  );
  expect(enterprise.status, await enterprise.clone().text()).toBe(201);
  const license = await postJson(`${base}/api/licenses`, { typeId: ((await type.json()) as { id: string }).id, uscc: '914403001922038216', validFrom: '2026-01-05' }, cookie);
  expect(license.status, await license.clone().text()).toBe(201);
  const { id } = (await license.json()) as { id: string };
  expect((await uploadDocument(base, cookie, id, '许可证.pdf', document)).status).toBe(200);
  return id;
}

async function documentOf(base: string, licenseId: string): Promise<Buffer> {
  const res = await fetch(`${base}/api/licenses/${licenseId}/document`, { headers: { cookie: await loginRoot(base) } });
  expect(res.status).toBe(200);
  return Buffer.from(await res.arrayBuffer());
}

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

  it('backup and restore bring the database and its files back to the moment of the backup', async () => {
    const original = Buffer.from('%PDF-1.4\n% 备份前的证照文件\n%%EOF\n');
    const before = await startServer();
    let licenseId: string;
    try {
      licenseId = await licenseWithDocument(before.base, original);
    } finally {
      await before.stop();
    }

    const file = path.join(tmp, template.kind === 'postgres' ? 'backup.dump' : 'backup.tar.gz');
    const backup = await banshi(['backup', '--out', file]);
    expect(backup.stderr).toBe('');
    expect(fs.statSync(file).size).toBeGreaterThan(1000);
    expect((await banshi(['create-admin', '--username', 'later', '--name', '后来者'], { input: 'Secret2026\n' })).code).toBe(0);
    const after = await startServer();
    try {
      const replacement = Buffer.from('%PDF-1.4\n% 备份后换发的证照文件\n%%EOF\n');
      expect((await uploadDocument(after.base, await loginRoot(after.base), licenseId, '换发.pdf', replacement)).status).toBe(200);
      expect((await documentOf(after.base, licenseId)).equals(replacement)).toBe(true);
    } finally {
      await after.stop();
    }

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
      expect((await documentOf(server.base, licenseId)).equals(original)).toBe(true);
    } finally {
      await server.stop();
    }
    expect(fs.existsSync(path.join(env.DATA_DIR!, 'files'))).toBe(false);
  });
});
