import type { Logger } from 'pino';
import type { Config } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { normalizePhone, personalDataKeys, sealPhone } from '../../../platform/personal-data/personal-data.ts';
import * as repo from './repository.ts';

/**
 * Upgrade step: the kiosk, the guidance desk and the counters used to keep a visitor's phone in
 * clear (tickets.phone). Each such number is stored encrypted, masked and hashed like every other
 * phone number, and the plain column emptied; a number that is not a phone number is dropped.
 * Idempotent and safe with several processes (a row another process has done is skipped). A later
 * migration drops the emptied column.
 */
export async function encryptLegacyTicketPhones(db: Db, config: Pick<Config, 'PERSONAL_DATA_KEY' | 'PERSONAL_DATA_HASH_KEY'>, log: Logger): Promise<{ encrypted: number }> {
  const keys = personalDataKeys(config);
  let encrypted = 0;
  for (let batch = await repo.listPlainPhones(db); batch.length > 0; batch = await repo.listPlainPhones(db)) {
    for (const row of batch) {
      const phone = normalizePhone(row.phone);
      const done = await repo.replacePlainPhone(db, row.id, phone ? sealPhone(keys, phone) : { phoneCipher: null, phoneMasked: null, phoneHash: null });
      if (done) encrypted++;
    }
  }
  if (encrypted > 0) log.info({ encrypted }, '排队号中的明文电话号码已加密保存');
  return { encrypted };
}
