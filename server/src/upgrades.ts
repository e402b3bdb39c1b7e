import type { Logger } from 'pino';
import type { Config } from './config.ts';
import type { Db } from './platform/db/database.ts';
import { moveLicenseDocumentsIntoStore } from './modules/licenses/documents-on-disk.ts';
import { personalDataKeys } from './platform/personal-data/personal-data.ts';
import { sealPlainPhoneColumn } from './platform/personal-data/plain-phone-columns.ts';

/**
 * Data upgrades that SQL migrations cannot do (they need files outside the database, or the
 * personal-data keys kept outside it). `banshi start` and `banshi migrate` run them after the
 * migrations, as the database's owner (one that empties a column may drop it) and, on
 * PostgreSQL, under the migration lock; each is idempotent.
 */
export async function runUpgrades(db: Db, config: Pick<Config, 'dataDir' | 'PERSONAL_DATA_KEY' | 'PERSONAL_DATA_HASH_KEY'>, log: Logger): Promise<void> {
  await moveLicenseDocumentsIntoStore(db, config.dataDir, log);
  const keys = personalDataKeys(config);
  for (const table of ['tickets', 'inquiries'] as const) {
    const sealed = await sealPlainPhoneColumn(db, keys, table);
    if (sealed > 0) log.info({ table, sealed }, '明文电话号码已加密保存，明文列已删除');
  }
}
