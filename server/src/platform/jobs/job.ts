import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';

/**
 * Runs `fn` for every item, one after the other. An item that throws does not stop the others:
 * it is counted and logged by the job runner (and, its state unchanged, picked up again by a later
 * run). `key` names the item in the run's record.
 */
export type Each = <T>(items: Iterable<T>, fn: (item: T) => Promise<unknown>, key?: (item: T) => string) => Promise<void>;

/** How a job goes through its items: the runner's own in a job, `strictItems` elsewhere. */
export type Items = {
  each: Each;
  /** counts work done without `each` (e.g. rows inserted in a batch) */
  done(n: number): void;
};

/** What a job gets for one run. */
export type JobContext = Items & {
  /** the jobs' own pool (PostgreSQL) or the embedded database */
  db: Db;
  config: Config;
  log: Logger;
  /** the run's start; business dates are read from it in Asia/Shanghai */
  now: Date;
};

export type Job = {
  /** `<module>.<what>`, unique */
  name: string;
  /** cron expression (5 fields, or 6 with seconds first) in Asia/Shanghai */
  schedule: string;
  /** also run (when free) on a NOTIFY of one of these channels */
  wakeOn?: string[];
  run(ctx: JobContext): Promise<void>;
};

export function defineJob(job: Job): Job {
  return job;
}

/**
 * `each` outside the job runner (tests, the CLI): every item is tried, then the failures, if
 * any, are thrown together.
 */
export const eachItem: Each = async (items, fn, key) => {
  const errors: unknown[] = [];
  for (const item of items) {
    try {
      await fn(item);
    } catch (err) {
      errors.push(key ? Object.assign(new Error(`${key(item)}: ${messageOf(err)}`), { cause: err }) : err);
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${errors.length} items failed`);
};

export const strictItems: Items = { each: eachItem, done: () => undefined };

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
