import type { Config } from '../../../config.ts';
import { permissionsOf } from '../../../platform/auth/roles.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import type { Db } from '../../../platform/db/database.ts';
import { receiveApplication } from '../../applications/service.ts';
import { getItemByCode } from '../../catalog/service.ts';
import { createStaff } from '../../staff/service.ts';
import { listCenters } from '../service.ts';
import { delegateItem, publishDelegatedItem } from './service.ts';

/**
 * The demo's nearby service points (6.3.5): what the county delegates to them and their clerk. No
 * counter or queue yet: a counter at a town makes GET /api/queue/my-counters show a county id to the
 * town (center-matrix), which is to be found first.
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
    for (const code of p.items) {
      const item = await getItemByCode(db, countyId, code);
      await delegateItem(db, manager, point.id, item.id);
      await publishDelegatedItem(db, { ...manager, displayName: p.clerk.displayName }, point.id, item.id);
    }
    const clerk = await createStaff(
      db,
      { ...p.clerk, password, roles: ['counter_clerk'], centerId: point.id, departmentId: null, counterId: null },
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
