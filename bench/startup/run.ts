/**
 * Start-up of `banshi start` in embedded mode with the demo (issue 15, item 4): the time from
 * spawn to the first successful GET /api/health, for a first start on a new data directory
 * (migrations and demo seed) and for a restart on the same directory; the CPU time the process
 * used by then; its RSS when it answers and after a settle; the phases of the first start from its
 * own log (module loading, database open and migrations, demo seed, app and listen). The compiled
 * server (server/dist/banshi.mjs, what `banshi` runs) is measured against the old path, the
 * TypeScript sources run through tsx, in the same run. The web app is built beforehand (as `npm
 * install` does); its build time is measured separately with BENCH_WEB_BUILD=1.
 *
 *   npx tsx bench/startup/run.ts      (BENCH_SETTLE_S=10 BENCH_BASELINE=0 for a quick check)
 *
 * Each run uses its own temp DATA_DIR (PGlite) and a free port. Asserts nothing; the machine's
 * load average is printed with the figures, as they depend on it.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { progress } from '../lib/measure.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SETTLE_S = Number(process.env.BENCH_SETTLE_S ?? 60);
const BASELINE = process.env.BENCH_BASELINE !== '0';
const TICKS = 100; // clock ticks per second of /proc/<pid>/stat (USER_HZ on Linux)

type Variant = { name: string; args: string[] };
const compiled: Variant = { name: 'compiled (server/dist)', args: [path.join(ROOT, 'server/bin/banshi.mjs'), 'start'] };
const tsx: Variant = { name: 'old path (tsx)', args: ['--import', 'tsx', path.join(ROOT, 'server/src/cli/main.ts'), 'start'] };

type Start = { readyMs: number; cpuS: number; rssMb: number; settledRssMb: number; phases: string };

const serverBuild = timed(() => execFileSync(process.execPath, [path.join(ROOT, 'server/build.mjs'), '--force'], { stdio: 'ignore' }));
progress(`server compiled in ${serverBuild} ms`);
const webBuild = process.env.BENCH_WEB_BUILD === '1' ? timed(() => execFileSync(process.execPath, [path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'ignore' })) : null;
if (webBuild !== null) progress(`web app built in ${webBuild} ms`);
execFileSync(process.execPath, [path.join(ROOT, 'server/bin/banshi.mjs'), 'build'], { stdio: 'ignore' });

const results: { variant: string; first: Start; restart: Start }[] = [];
for (const variant of BASELINE ? [compiled, tsx] : [compiled]) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'banshi-startup-'));
  try {
    progress(`${variant.name}: first start on a new data directory`);
    const first = await measure(variant, dataDir);
    progress(`${variant.name}: restart`);
    const restart = await measure(variant, dataDir);
    results.push({ variant: variant.name, first, restart });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(`\nbanshi start, embedded PGlite (no fsync) with the demo · Node ${process.version} · ${os.cpus().length} cores · load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
console.log(`server compile (esbuild): ${serverBuild} ms${webBuild !== null ? ` · web build (vite): ${webBuild} ms` : ''}`);
console.log(`settle before the second RSS: ${SETTLE_S} s\n`);
console.log(['', 'ready (s)', 'CPU (s)', 'RSS ready (MB)', 'RSS settled (MB)', 'phases'].join('\t'));
for (const r of results) {
  for (const [label, s] of [['first start', r.first], ['restart', r.restart]] as const) {
    console.log([`${r.variant} · ${label}`, (s.readyMs / 1000).toFixed(1), s.cpuS.toFixed(1), s.rssMb, s.settledRssMb, s.phases].join('\t'));
  }
}
const c = results[0]!;
const b = results[1];
console.log('\ntargets:');
console.log(`  first start ≤ 10 s: ${(c.first.readyMs / 1000).toFixed(1)} s ${c.first.readyMs <= 10_000 ? 'met' : 'NOT met'}`);
console.log(`  restart ≤ 3 s: ${(c.restart.readyMs / 1000).toFixed(1)} s ${c.restart.readyMs <= 3000 ? 'met' : 'NOT met'}`);
console.log(`  steady RSS ≤ 300 MB: ${c.restart.settledRssMb} MB after restart, ${c.first.settledRssMb} MB after first start ${Math.max(c.restart.settledRssMb, c.first.settledRssMb) <= 300 ? 'met' : 'NOT met'}`);
if (b) {
  const ratio = (x: number, y: number) => (y / x).toFixed(2);
  console.log(`  against tsx: first start ×${ratio(c.first.readyMs, b.first.readyMs)} faster, restart ×${ratio(c.restart.readyMs, b.restart.readyMs)} faster (CPU ×${ratio(c.restart.cpuS, b.restart.cpuS)}), settled RSS ${c.restart.settledRssMb} vs ${b.restart.settledRssMb} MB`);
}

function timed(f: () => unknown): number {
  const started = performance.now();
  f();
  return Math.round(performance.now() - started);
}

async function measure(variant: Variant, dataDir: string): Promise<Start> {
  const port = await freePort();
  const started = Date.now();
  const child = spawn(process.execPath, variant.args, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, BANSHI_DEMO: '1', LOG_LEVEL: 'info', CI: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${variant.name} exited: ${output}`);
    if (await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const readyMs = Date.now() - started;
  const cpuS = cpuSeconds(child.pid!);
  const rssMb = rss(child.pid!);
  await new Promise((r) => setTimeout(r, SETTLE_S * 1000));
  const settledRssMb = rss(child.pid!);
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
  return { readyMs, cpuS, rssMb, settledRssMb, phases: phases(output, started) };
}

/** Seconds from spawn to the log lines that mark each phase: first line (modules loaded, database opening), seed begun, listening. */
function phases(output: string, started: number): string {
  const at = (text: string) => {
    const line = output.split('\n').find((l) => l.includes(text));
    const time = line ? (JSON.parse(line) as { time: number }).time : null;
    return time ? ((time - started) / 1000).toFixed(1) : '–';
  };
  const first = output.split('\n').find((l) => l.startsWith('{'));
  const firstAt = first ? (((JSON.parse(first) as { time: number }).time - started) / 1000).toFixed(1) : '–';
  return `first log ${firstAt} s · seed begins ${at('空数据库')} s · listening ${at('Server listening')} s`;
}

function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

function rss(pid: number): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Math.round(Number(line.split(/\s+/)[1]) / 1024);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}
