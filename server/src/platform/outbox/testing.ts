import pino from 'pino';
import type { Config } from '../../config.ts';
import type { Db } from '../db/database.ts';
import { APPLICATION_FINISHED, RATING_RECORDED, VISIT_FINISHED } from '../events/domain.ts';
import { dispatchOutbox } from './service.ts';

/**
 * Tests: carries out the domain events waiting in the outbox, as the server's outbox job does
 * right after each commit (SMS stay queued unless `topics` names them).
 */
export async function deliverEvents(t: { db: Db; config: Config }, topics: string[] = [VISIT_FINISHED, APPLICATION_FINISHED, RATING_RECORDED]): Promise<number> {
  let total = 0;
  for (let n = -1; n !== 0; total += n) n = await dispatchOutbox(t.db, { config: t.config, log: pino({ level: 'silent' }) }, { topics, batch: 10_000 });
  return total;
}
