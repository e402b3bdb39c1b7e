import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from 'pino';

const WEB_ROOT = fileURLToPath(new URL('../../../web', import.meta.url));
const DIST = path.join(WEB_ROOT, 'dist');

/** Builds the web app when its build is missing or older than its sources; returns the build folder. */
export async function ensureWebBuild(log: Logger): Promise<string> {
  const builtAt = mtime(path.join(DIST, 'index.html'));
  if (!isWebBuildStale()) return DIST;
  log.info(builtAt ? '网页源码有更新，正在重新构建…' : '首次启动，正在构建网页…');
  await buildWeb();
  return DIST;
}

function isWebBuildStale(): boolean {
  const sourcesAt = newestMtime([path.join(WEB_ROOT, 'src'), path.join(WEB_ROOT, 'build'), path.join(WEB_ROOT, 'index.html'), path.join(WEB_ROOT, 'vite.config.ts')]);
  return mtime(path.join(DIST, 'index.html')) < sourcesAt;
}

async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(WEB_ROOT, 'vite.config.ts'), logLevel: 'warn' });
}

/**
 * `banshi build` (run by `npm install` through `prepare`): the web app, when missing or stale —
 * the launcher has already compiled the server. Without vite (an install without dev
 * dependencies) it says so and leaves the web app to a build made where they are installed.
 */
export async function buildCommand(): Promise<void> {
  if (!isWebBuildStale()) {
    console.log('server/dist 与 web/dist 已是最新');
    return;
  }
  const started = performance.now();
  try {
    await buildWeb();
  } catch (err) {
    if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
    console.log('未安装 vite（没有安装开发依赖）：网页未构建，请在安装了全部依赖的环境中运行 npm run build');
    return;
  }
  console.log(`网页已构建（${Math.round(performance.now() - started)} ms）：web/dist；服务端已编译：server/dist`);
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
