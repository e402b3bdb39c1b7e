import type { Config } from '../../../config.ts';
import { permissionsOf } from '../../../platform/auth/roles.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { receiveApplication } from '../../applications/service.ts';
import type { Theme } from '../../catalog/contract.ts';
import { getItemByCode } from '../../catalog/service.ts';
import { createStaff } from '../../staff/service.ts';
import { createQueue } from '../../queue/settings/service.ts';
import { createCounter, createZone, listCenters } from '../service.ts';
import { delegateItem, publishDelegatedItem } from './service.ts';

/**
 * The demo's nearby service points (6.3.5): what the county delegates to them, their own zone, an
 * intake counter with its clerk, and a queue of their own. The queue serves the delegated items by
 * their themes: a queue's item list holds only the point's own published items.
 */
const DEMO_POINTS = [
  { name: '大沥镇便民服务中心', items: ['NH-SCJG-006', 'NH-SCJG-005', 'NH-SCJG-007'], clerk: { username: 'dali', displayName: '区嘉雯', staffNumber: 'DL0201' } },
  { name: '桂城街道平东社区便民服务站', items: ['NH-SCJG-005'], clerk: { username: 'pingdong', displayName: '潘志坚', staffNumber: 'PD0201' } },
];

/** Applications received at 大沥 (their numbers follow the county's). */
const DEMO_RECEIPTS: { code: string; answers: Record<string, string> }[] = [
  { code: 'NH-SCJG-006', answers: { prepackaged_only: 'no', online_sales: 'no' } },
  { code: 'NH-SCJG-005', answers: {} },
];

export async function seedServicePointsDemo(db: Db, config: Config, countyId: string, usccs: string[], password: string): Promise<void> {
  const centers = await listCenters(db);
  const manager: StaffPrincipal = {
    type: 'staff', id: '', username: 'manager', displayName: '陈慧敏', roles: ['center_manager'], permissions: new Set(permissionsOf(['center_manager'])),
    centerId: countyId, centerScope: null, departmentId: null, mustChangePassword: false,
  };
  for (const p of DEMO_POINTS) {
    const point = centers.find((c) => c.name === p.name)!;
    const themes = new Set<Theme>();
    for (const code of p.items) {
      const item = await getItemByCode(db, countyId, code);
      if (item.published) themes.add(item.published.guide.theme);
      await delegateItem(db, manager, point.id, item.id);
      await publishDelegatedItem(db, { ...manager, displayName: p.clerk.displayName }, point.id, item.id);
    }
    const zone = await createZone(db, point.id, { kind: 'counters', name: '综合受理区', floor: '1' });
    const counter = await createCounter(db, point.id, { zoneId: zone.id, number: '1', name: '综合受理窗口', purpose: 'intake' }, async () => null);
    await createQueue(db, point.id, {
      name: '综合受理', prefix: 'A', themes: [...themes], itemIds: [], dailyWalkInQuota: null, isOpen: true, typicalServiceMinutes: 12, sortOrder: 0,
      counterIds: [counter.id],
    });
    const clerk = await createStaff(
      db,
      { ...p.clerk, password, roles: ['counter_clerk'], centerId: point.id, departmentId: null, counterId: counter.id },
      { isDemo: true, mustChangePassword: false },
    );
    if (p.name !== DEMO_POINTS[0]!.name) continue;
    const principal: StaffPrincipal = {
      type: 'staff', id: clerk.id, username: clerk.username, displayName: clerk.displayName, roles: ['counter_clerk'], permissions: new Set(permissionsOf(['counter_clerk'])),
      centerId: point.id, centerScope: [point.id], departmentId: null, mustChangePassword: false,
    };
    for (const [i, r] of DEMO_RECEIPTS.entries()) {
      await receiveApplication({ db, config }, principal, {
        source: { kind: 'item', code: r.code }, answers: r.answers, applicant: { uscc: usccs[i % usccs.length]!, name: '' },
        agent: null, contactPhone: null, channel: 'counter', fromCurrentTicket: false, isCommitment: false,
      });
    }
  }
}
