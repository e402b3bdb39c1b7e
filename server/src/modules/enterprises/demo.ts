import type { Config } from '../../config.ts';
import type { Db } from '../../platform/db/database.ts';
import { recordCreditEntriesInBulk } from './credit/service.ts';
import { generateDemoData } from './demo-data.ts';
import { personalDataKeys } from '../../platform/personal-data/personal-data.ts';
import { registerContactsInBulk } from './people/service.ts';
import { countEnterprises, registerEnterprisesInBulk } from './registry/service.ts';

/**
 * The demo registry: 5,000 generated enterprises of 南海区 (the two demo portal accounts'
 * enterprises first), legal representatives and agents of the first 400, and credit records
 * (some repaired, a few on the dishonesty list). People are encrypted with the installation's keys.
 */
export async function seedEnterprisesDemo(db: Db, config: Config): Promise<void> {
  if ((await countEnterprises(db)) > 0) return;
  const data = generateDemoData();
  const ids = await registerEnterprisesInBulk(db, data.enterprises);
  await registerContactsInBulk(
    db,
    personalDataKeys(config),
    data.people.map((p) => ({ enterpriseId: ids.get(p.enterpriseUscc)!, role: p.role, name: p.name, idNumber: p.idNumber, phone: p.phone })),
  );
  await recordCreditEntriesInBulk(
    db,
    data.credit.map((c) => ({
      ...c,
      enterpriseId: ids.get(c.uscc)!,
      recordedBy: '演示数据',
      repairNote: c.repairedOn ? '已按规定完成信用修复（演示）' : '',
    })),
  );
}
