import os from 'node:os';
import pg from 'pg';

/** A step of the run, on stderr so that stdout holds the figures only. */
export const progress = (text: string) => process.stderr.write(`… ${text}\n`);

/** The p-quantile (0…1) of ascending samples; NaN when there are none. */
export const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;

/** Where the figures were taken, for the first line of a report. */
export function setting(postgresVersion: string): string {
  return `PostgreSQL ${postgresVersion}, app in this process on 127.0.0.1, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? ''})`;
}

/** The durations in ms of `runs` calls of `f` after `warmUps` unmeasured ones, ascending. */
export async function timeRuns(runs: number, f: () => Promise<unknown>, warmUps = 0): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmUps + runs; i++) {
    const start = performance.now();
    await f();
    if (i >= warmUps) times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b);
}

/**
 * Steps per second on `connections` connections at once for `seconds`, each connection running
 * `step` (its `n`-th time) in a loop: the raw rate of the PostgreSQL a bench runs on, as a reference.
 */
export async function rawRate({ url, connections, seconds, step }: { url: string; connections: number; seconds: number; step: (client: pg.PoolClient, worker: number, n: number) => Promise<unknown> }): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  let count = 0;
  const end = performance.now() + seconds * 1000;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      const client = await pool.connect();
      for (let n = 0; performance.now() < end; n++) {
        await step(client, worker, n);
        count += 1;
      }
      client.release();
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  await pool.end();
  return count / elapsed;
}
