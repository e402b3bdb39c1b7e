import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const BIN = fileURLToPath(new URL('../../server/bin/banshi.mjs', import.meta.url));

/**
 * Starts the real product for the browser tests, as a user would: `banshi start` in demo mode on
 * a fresh embedded database (building the web app if it is stale), on a free port.
 */
export default async function setup(project: TestProject) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-browser-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [BIN, 'start'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BANSHI_DEMO: '1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  // building the web app and seeding the demo take a few minutes on a busy 2-core machine
  const deadline = Date.now() + 420_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`banshi start exited with ${child.exitCode}`);
    if (await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`banshi start did not answer ${baseUrl}/api/health within 420 s`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.BANSHI_TEST_BASE_URL = baseUrl;
  project.provide('baseUrl', baseUrl);
  return async () => {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    fs.rmSync(dataDir, { recursive: true, force: true });
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

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
