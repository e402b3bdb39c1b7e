import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './platform/db/database.ts';
import { moveLicenseDocumentsIntoStore } from './modules/licenses/documents-on-disk.ts';
import { encryptLegacyInquiryPhones } from './modules/feedback/inquiries/legacy-phones.ts';
import { encryptLegacyTicketPhones } from './modules/queue/tickets/legacy-phones.ts';

/**
 * Data upgrades that SQL migrations cannot do (they need files outside the database, or the
 * personal-data keys kept outside it). `banshi start` and `banshi migrate` run them after the
 * migrations; each is idempotent and safe to run from several processes at once.
 */
export async function runUpgrades(db: Db, config: Pick<Config, 'dataDir' | 'PERSONAL_DATA_KEY' | 'PERSONAL_DATA_HASH_KEY'>, log: Logger): Promise<void> {
  await moveLicenseDocumentsIntoStore(db, config.dataDir, log);
  await encryptLegacyInquiryPhones(db, config, log);
  await encryptLegacyTicketPhones(db, config, log);
}
