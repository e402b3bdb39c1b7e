import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** The compiled server (the test global setup compiles it when stale, as `npm install` and the launcher do). */
const SERVER = fileURLToPath(new URL('../../', import.meta.url));
const ENTRY = path.join(SERVER, 'dist', 'banshi.mjs');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-build-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('the compiled server', () => {
  it('is up to date after the build, and `node server/build.mjs` then has nothing to do', () => {
    const run = spawnSync(process.execPath, [path.join(SERVER, 'build.mjs')], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('up to date');
    expect(fs.statSync(ENTRY).isFile()).toBe(true);
  });

  it('keeps packages external (native ones load from node_modules) and needs no TypeScript loader', () => {
    const bundle = fs.readFileSync(ENTRY, 'utf8');
    for (const pkg of ['@node-rs/argon2', '@electric-sql/pglite', 'pdfkit', 'fastify']) expect(bundle).toMatch(new RegExp(`from "${pkg}(/[^"]*)?"`));
    expect(bundle).not.toMatch(/from "tsx|\.ts";/);
  });

  it('resolves every path computed from import.meta.url from the file it was written in', () => {
    const bundle = fs.readFileSync(ENTRY, 'utf8');
    const sources = [...bundle.matchAll(/new URL\("([^"]+)", import\.meta\.url\)/g)].map((m) => m[1]!);
    expect(sources).toEqual(expect.arrayContaining(['../src/platform/db/migrations.ts', '../src/cli/web-build.ts', '../src/platform/pdf/notice.ts']));
    for (const source of sources) expect(fs.existsSync(path.resolve(SERVER, 'dist', source)), source).toBe(true);
  });

  it('answers --help and starts from the compiled entry: migrations applied, /api/health answers', async () => {
    const help = spawnSync(process.execPath, [ENTRY, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('build');
    const port = await freePort();
    const child = spawn(process.execPath, [ENTRY, 'start', '--no-web'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: path.join(tmp, 'data'),
        BANSHI_DEMO: '0',
        SESSION_SECRET: 's'.repeat(40),
        PERSONAL_DATA_KEY: 'a1'.repeat(32),
        PERSONAL_DATA_HASH_KEY: 'b2'.repeat(32),
        AUDIT_KEY: 'c3'.repeat(32),
        LOG_LEVEL: 'info',
        PORT: String(port),
        HOST: '127.0.0.1',
      },
      stdio: 'pipe',
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      let health: Response | null = null;
      for (let i = 0; i < 600 && !health; i++) {
        if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
        health = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => (r.ok ? r : null), () => null);
        if (!health) await new Promise((r) => setTimeout(r, 100));
      }
      expect(health?.status, output).toBe(200);
      // standard output is not a terminal: JSON lines, one object each
      const started = output.split('\n').find((line) => line.includes('Banshi 已启动'));
      expect(JSON.parse(started ?? 'null')).toMatchObject({ level: 30 });
    } finally {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
  }, 120_000);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
