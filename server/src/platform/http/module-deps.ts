import type { Config } from '../../config.ts';
import type { Database, Db } from '../db/database.ts';
import type { EventHub } from '../events/bus.ts';

/** What every module's routes receive. */
export type ModuleDeps = { db: Db; config: Config; database: Database; events: EventHub };
