import type { Config } from '../../config.ts';
import type { Database, Db } from '../db/database.ts';
import type { EventHub } from '../events/bus.ts';
import type { Act } from '../unit-of-work/act.ts';

/** What every module's routes receive. */
export type ModuleDeps = {
  /** the pool, or inside a state-changing request the transaction of its unit of work */
  db: Db;
  /** a unit of work with its audit row, for work outside a request (jobs: `systemPrincipal`) */
  act: Act;
  config: Config;
  database: Database;
  events: EventHub;
};
