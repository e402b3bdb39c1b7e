import type { Config } from '../../../config.ts';
import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { permissionsOf } from '../../../platform/auth/roles.ts';
import type { Db } from '../../../platform/db/database.ts';
import { DEMO_ITEMS } from '../../catalog/demo.ts';
import { itemGuideOf } from '../../catalog/demo/build.ts';
import { SYSTEM_EDITOR } from '../../catalog/editor.ts';
import { loadCatalog } from '../../catalog/import-export/apply.ts';
import { generateDemoData } from '../../enterprises/demo-data.ts';
import * as staff from '../../staff/service.ts';
import * as venue from '../../venue/service.ts';
import type { ServiceDeps } from '../actions.ts';
import { acceptApplication } from '../decisions/service.ts';
import { markMaterial } from '../intake/service.ts';
import { approveTask, takeTask } from '../review/service.ts';
import { getApplicationDetail } from '../service.ts';
import type { HandoverInput } from './contract.ts';
import { saveDirectoryEntry } from './directory.ts';
import { exportPackage } from './exchange.ts';
import { attachScan, completePart, createHandover, getHandover, returnResult } from './service.ts';

/**
 * 跨域通办 demo (6.3.2): a second Banshi center, 佛山市顺德区政务服务中心 (with 食品经营许可, its
 * 市场监督管理局, a clerk and a reviewer); the 跨域通办 counter and directory of 南海; one matter
 * received in 南海 for 顺德 under review there, one returned with its result, one exported to 广州
 * (another system), and one 多地联办 matter with its parts.
 */

export const SHUNDE_CENTER = { name: '佛山市顺德区政务服务中心', level: 'county' as const, regionCode: '440606', address: '佛山市顺德区大良街道（演示地址）', phone: '12345', openingHours: '周一至周五 9:00–12:00、14:00–17:30（法定节假日除外）' };
export const SHUNDE_ACCOUNTS = [
  { username: 'sd_clerk', displayName: '陈嘉怡', staffNumber: 'SD0201', roles: ['counter_clerk' as const], department: null },
  { username: 'sd_reviewer', displayName: '冯志强', staffNumber: 'SD0102', roles: ['back_office_reviewer' as const], department: '市场监督管理局' },
];
/** 南海's directory: item, modes, partner regions (GB/T 2260). */
const NANHAI_DIRECTORY: [string, ('full_online' | 'proxy' | 'multi_site')[], string[]][] = [
  ['NH-SCJG-006', ['full_online', 'proxy'], ['440606', '440604', '440100', '440300']],
  ['NH-SCJG-001', ['full_online', 'proxy', 'multi_site'], ['440606', '440604', '440100', '440300']],
  ['NH-SCJG-007', ['proxy'], ['440606', '440604']],
  ['NH-WJ-001', ['full_online'], ['440100', '440300']],
  ['NH-ZJ-001', ['multi_site'], ['440606', '440100']],
];
const SHUNDE_ITEMS = ['NH-SCJG-006', 'NH-SCJG-001', 'NH-SCJG-007'];

export async function seedCrossRegionDemo(db: Db, config: Config, nanhaiCenterId: string, password: string, now = new Date()): Promise<void> {
  const deps: ServiceDeps = { db, config };
  const shunde = await venue.createCenter(db, SHUNDE_CENTER);
  const samr = await staff.createDepartment(db, shunde.id, { name: '市场监督管理局', settlement: 'staff', phone: '12345' });
  const people = new Map<string, StaffPrincipal>();
  const principal = (s: { id: string; username: string; displayName: string; roles: StaffPrincipal['roles']; centerId: string | null; departmentId: string | null }): StaffPrincipal => ({
    type: 'staff', id: s.id, username: s.username, displayName: s.displayName, roles: s.roles, permissions: new Set(permissionsOf(s.roles)), centerId: s.centerId, centerScope: s.centerId ? [s.centerId] : null, departmentId: s.departmentId, mustChangePassword: false,
  });
  for (const a of SHUNDE_ACCOUNTS) {
    const created = await staff.createStaff(db, { username: a.username, displayName: a.displayName, staffNumber: a.staffNumber, password, roles: a.roles, centerId: shunde.id, departmentId: a.department ? samr.id : null }, { isDemo: true, mustChangePassword: false });
    people.set(a.username, principal(created));
  }
  const departments = new Map([['市场监督管理局', samr.id]]);
  const items = DEMO_ITEMS.filter((i) => SHUNDE_ITEMS.includes(i.code)).map((i) => ({ code: i.code, status: 'published' as const, guide: itemGuideOf(i, departments, new Map()) }));
  await loadCatalog(db, shunde.id, { items, bundles: [] }, SYSTEM_EDITOR);

  // 南海: the 跨域通办 counter and the directory; 顺德 lists its items with 南海 as partner.
  const zone = (await venue.listZones(db, nanhaiCenterId)).find((z) => z.name === '企业开办与经营许可窗口区')!;
  await venue.createCounter(db, nanhaiCenterId, { number: '30', name: '跨域通办窗口', purpose: 'cross_region', zoneId: zone.id, departmentId: null }, staff.departmentCenterOf);
  const nanhai = await staff.listStaff(db, { centerId: nanhaiCenterId });
  const [managerRow, clerkRow] = [nanhai.find((s) => s.username === 'manager')!, nanhai.find((s) => s.username === 'clerk')!];
  const manager = principal(managerRow);
  const clerk = principal(clerkRow);
  for (const [itemCode, modes, partnerRegionCodes] of NANHAI_DIRECTORY) await saveDirectoryEntry(db, manager, { itemCode, modes, partnerRegionCodes, note: '' }, now);
  const shundeManager = { ...manager, centerId: shunde.id, centerScope: [shunde.id] };
  for (const itemCode of SHUNDE_ITEMS) await saveDirectoryEntry(db, shundeManager, { itemCode, modes: ['proxy'], partnerRegionCodes: ['440605'], note: '' }, now);

  // Demo enterprises that the other demos and tests leave alone.
  const [a, b, c, d] = generateDemoData().enterprises.slice(20, 24);
  const hour = 3_600_000;
  const food = (e: { uscc: string }): Extract<HandoverInput, { mode: 'proxy' }> => ({ mode: 'proxy', itemCode: 'NH-SCJG-006', competentRegionCode: '440606', applicant: { uscc: e.uscc, name: '' }, answers: { prepackaged_only: 'no', online_sales: 'no' }, contactPhone: null, identityChecked: true, materialsChecked: true, returnMethod: 'post', postalAddress: '佛山市南海区桂城街道（演示地址）' });
  const sdClerk = people.get('sd_clerk')!;
  const sdReviewer = people.get('sd_reviewer')!;
  const acceptAtShunde = async (applicationId: string, at: Date) => {
    const app = await getApplicationDetail(deps, sdClerk, applicationId, at);
    for (const m of app.materials) if (m.status !== 'committed') await markMaterial(deps, sdClerk, { applicationId, key: m.key, mark: { status: 'paper_seen' }, now: at });
    const fresh = await getApplicationDetail(deps, sdClerk, applicationId, at);
    await acceptApplication(deps, sdClerk, { id: applicationId, version: fresh.version, now: at });
  };

  // Under review in 顺德.
  const reviewing = await createHandover(deps, clerk, food(a!), new Date(now.getTime() - 26 * hour));
  await acceptAtShunde(reviewing.application!.id, new Date(now.getTime() - 25 * hour));

  // Decided in 顺德 and its result posted back.
  const returned = await createHandover(deps, clerk, food(b!), new Date(now.getTime() - 50 * hour));
  await acceptAtShunde(returned.application!.id, new Date(now.getTime() - 49 * hour));
  let detail = await getApplicationDetail(deps, sdReviewer, returned.application!.id, new Date(now.getTime() - 3 * hour));
  await takeTask(deps, sdReviewer, { taskId: detail.tasks[0]!.id, version: detail.tasks[0]!.version, now: new Date(now.getTime() - 3 * hour) });
  detail = await getApplicationDetail(deps, sdReviewer, returned.application!.id, new Date(now.getTime() - 2 * hour));
  await approveTask(deps, sdReviewer, { taskId: detail.tasks[0]!.id, version: detail.tasks[0]!.version, opinion: '经审查，符合食品经营许可条件，准予许可。', now: new Date(now.getTime() - 2 * hour) });
  const decided = await getHandover(deps, sdClerk, returned.id);
  await returnResult(deps, sdClerk, returned.id, { version: decided.version, trackingNumber: 'SF1000200030' }, new Date(now.getTime() - hour));

  // To 广州 (another system): a scanned material and the exported package.
  const external = await createHandover(deps, clerk, { ...food(c!), competentRegionCode: '440100', itemCode: 'NH-SCJG-001', answers: {} }, new Date(now.getTime() - 5 * hour));
  await attachScan(deps, clerk, external.id, { filename: '申请书扫描件.pdf', content: DEMO_PDF }, new Date(now.getTime() - 5 * hour));
  await exportPackage(deps, clerk, external.id, new Date(now.getTime() - 4 * hour));

  // 多地联办: 南海 and 顺德 handle one part each; the first is done.
  const joint = await createHandover(deps, clerk, { mode: 'multi_site', itemCode: 'NH-SCJG-001', competentRegionCode: '440606', applicant: { uscc: d!.uscc, name: '' }, identityChecked: true, materialsChecked: true, returnMethod: 'e_license', postalAddress: '', parts: [{ name: '总公司变更登记', regionCode: '440605' }, { name: '分公司变更登记', regionCode: '440606' }] }, new Date(now.getTime() - 6 * hour));
  await completePart(deps, clerk, joint.id, joint.parts[0]!.id, joint.parts[0]!.version, new Date(now.getTime() - 2 * hour));
}

const DEMO_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
