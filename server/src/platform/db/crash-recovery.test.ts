import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * Real `banshi start` processes on one embedded data directory: after kill -9 the next start
 * takes the dead owner's lock over at once instead of refusing.
 */

const BIN = fileURLToPath(new URL('../../../bin/banshi.mjs', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-crash-'));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function start(port: number) {
  const child = spawn(process.execPath, [BIN, 'start', '--no-web'], {
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? tmp,
      DATA_DIR: path.join(tmp, 'data'),
      PORT: String(port),
      BANSHI_DEMO: '0',
      SESSION_SECRET: 's'.repeat(40),
      PERSONAL_DATA_KEY: 'a1'.repeat(32),
      PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32),
      AUDIT_KEY: 'c3'.repeat(32),
      LOG_LEVEL: 'info',
    },
    stdio: 'pipe',
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${output}`);
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, output: () => output };
}

describe('the embedded database after kill -9', { timeout: 240_000 }, () => {
  it('opens again at once: the dead owner\'s lock (pid + boot id) is taken over', async () => {
    const port = await freePort();
    const first = await start(port);
    // the start line names the address people open, on the port it listens on (no PUBLIC_URL set)
    expect(first.output()).toContain(`Banshi 已启动：http://localhost:${port}`);
    const lock = JSON.parse(fs.readFileSync(path.join(tmp, 'data', 'pglite.lock'), 'utf8')) as { pid: number; bootId: string };
    expect(lock.pid).toBe(first.child.pid);
    expect(lock.bootId.length).toBeGreaterThan(5);

    first.child.kill('SIGKILL');
    await new Promise((r) => first.child.once('exit', r));
    const second = await start(port);
    expect(second.output()).not.toContain('正被另一个 Banshi 进程使用');
    expect((await fetch(`http://127.0.0.1:${port}/api/health`)).ok).toBe(true);
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'data', 'pglite.lock'), 'utf8')).pid).toBe(second.child.pid);

    // while it lives, the lock holds
    const third = spawn(process.execPath, [BIN, 'migrate'], { env: { ...process.env, DATA_DIR: path.join(tmp, 'data'), BANSHI_DEMO: '0', SESSION_SECRET: 's'.repeat(40), PERSONAL_DATA_KEY: 'a1'.repeat(32), PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32), AUDIT_KEY: 'c3'.repeat(32), DATABASE_URL: '' }, stdio: 'pipe' });
    let stderr = '';
    third.stderr.on('data', (d) => (stderr += d));
    expect(await new Promise((r) => third.on('exit', r))).toBe(1);
    expect(stderr).toContain(`进程号 ${second.child.pid}`);

    second.child.kill('SIGTERM');
    await new Promise((r) => second.child.once('exit', r));
    expect(fs.existsSync(path.join(tmp, 'data', 'pglite.lock'))).toBe(false);
  });
});
