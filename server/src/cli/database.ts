import type { Config } from '../config.ts';
import { openDatabase } from '../platform/db/open.ts';
import { seedDemo } from '../demo/seed.ts';
import { runUpgrades } from '../upgrades.ts';
import { createLogger } from './logger.ts';

export async function migrateCommand(config: Config): Promise<void> {
  const log = createLogger(config);
  const database = await openDatabase(config, log, (ownerDb) => runUpgrades(ownerDb, config, log));
  await database.close();
  console.log('数据库已是最新版本。');
}

export async function seedCommand(config: Config): Promise<void> {
  const database = await openDatabase(config, createLogger(config));
  try {
    const { seeded } = await seedDemo(database.db, config);
    console.log(seeded ? '演示数据已载入。' : '演示中心已存在，未重复载入。');
  } finally {
    await database.close();
  }
}
