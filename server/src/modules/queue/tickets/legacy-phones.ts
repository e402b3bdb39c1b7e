import type { Logger } from 'pino';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { personalDataKeys, sealPlainPhones } from '../../../platform/personal-data/personal-data.ts';
import * as repo from './repository.ts';

/**
 * Upgrade step: the kiosk, the guidance desk and the counters used to keep a visitor's phone in
 * clear (tickets.phone). Each such number is stored encrypted, masked and hashed like every other
 * phone number, and the plain column emptied; a number that is not a phone number is dropped.
 * Idempotent and safe with several processes (a row another process has done is skipped). A later
 * migration drops the emptied column.
 */
export async function encryptLegacyTicketPhones(db: Db, config: Pick<Config, 'PERSONAL_DATA_KEY' | 'PERSONAL_DATA_HASH_KEY'>, log: Logger): Promise<{ encrypted: number }> {
  const encrypted = await sealPlainPhones(personalDataKeys(config), { list: () => repo.listPlainPhones(db), replace: (id, sealed) => repo.replacePlainPhone(db, id, sealed) });
  if (encrypted > 0) log.info({ encrypted }, '排队号中的明文电话号码已加密保存');
  return { encrypted };
}
