import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pino, { type Logger } from 'pino';

const WEB_ROOT = fileURLToPath(new URL('../../../web', import.meta.url));
const DIST = path.join(WEB_ROOT, 'dist');

/** Builds the web app when its build is missing or older than its sources; returns the build folder. */
export async function ensureWebBuild(log: Logger): Promise<string> {
  const builtAt = mtime(path.join(DIST, 'index.html'));
  const sourcesAt = newestMtime([path.join(WEB_ROOT, 'src'), path.join(WEB_ROOT, 'build'), path.join(WEB_ROOT, 'index.html'), path.join(WEB_ROOT, 'vite.config.ts')]);
  if (builtAt >= sourcesAt) return DIST;
  log.info(builtAt ? '网页源码有更新，正在重新构建…' : '首次启动，正在构建网页…');
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
  return DIST;
}

/** `banshi build`: the web app, when missing or stale (the launcher has already compiled the server). */
export async function buildCommand(): Promise<void> {
  const started = performance.now();
  await ensureWebBuild(pino({ level: 'info' }));
  console.log(`构建完成（${Math.round(performance.now() - started)} ms）：server/dist、web/dist`);
}

function mtime(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) newest = Math.max(newest, mtime(path.join(entry.parentPath, entry.name)));
      }
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}
