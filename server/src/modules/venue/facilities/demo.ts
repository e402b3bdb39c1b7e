import { permissionsOf } from '../../../platform/auth/roles.ts';
import type { Db } from '../../../platform/db/database.ts';
import { listStaff } from '../../staff/service.ts';
import * as venueRepo from '../repository.ts';
import type { FacilityKind } from './contract.ts';
import { finishRepair, registerFacility, reportFault, startRepair, type FacilityActorPrincipal } from './service.ts';

type DemoFacility = { zone: string; kind: FacilityKind; name: string; locationNote?: string; assetNumber?: string };

/** Clause 4.2.2: the devices and facilities of every zone of the demo center, accessibility ones included. */
const DEMO_FACILITIES: DemoFacility[] = [
  { zone: '咨询导办区', kind: 'wheelchair_access', name: '正门无障碍坡道', locationNote: '一楼正门东侧' },
  { zone: '咨询导办区', kind: 'braille_guide', name: '盲文服务指南', locationNote: '导办台左侧' },
  { zone: '咨询导办区', kind: 'hearing_loop', name: '导办台助听环路', locationNote: '导办台' },
  { zone: '咨询导办区', kind: 'wheelchair', name: '便民轮椅（2 台）', locationNote: '导办台后方' },
  { zone: '咨询导办区', kind: 'queue_kiosk', name: '取号机 1 号', assetNumber: 'NH-QH-001' },
  { zone: '咨询导办区', kind: 'cctv', name: '大厅监控 A1', assetNumber: 'NH-JK-001' },
  { zone: '24小时自助办理区', kind: 'self_service_terminal', name: '自助终端 1 号', assetNumber: 'NH-ZZ-001' },
  { zone: '24小时自助办理区', kind: 'self_service_terminal', name: '自助终端 2 号', assetNumber: 'NH-ZZ-002' },
  { zone: '24小时自助办理区', kind: 'printer', name: '自助打印机', assetNumber: 'NH-DY-001' },
  { zone: '申报辅导区', kind: 'id_card_reader', name: '辅导区身份证读卡器', assetNumber: 'NH-DK-001' },
  { zone: '申报辅导区', kind: 'document_camera', name: '辅导区高拍仪', assetNumber: 'NH-GP-001' },
  { zone: '企业开办与经营许可窗口区', kind: 'accessible_counter', name: '1 号无障碍窗口', locationNote: '1 号窗口（低位台面）' },
  { zone: '企业开办与经营许可窗口区', kind: 'id_card_reader', name: '1 号窗口身份证读卡器', assetNumber: 'NH-DK-011' },
  { zone: '企业开办与经营许可窗口区', kind: 'document_camera', name: '2 号窗口高拍仪', assetNumber: 'NH-GP-012' },
  { zone: '惠企服务区', kind: 'printer', name: '惠企服务区打印机', assetNumber: 'NH-DY-021' },
  { zone: '帮办代办服务区', kind: 'id_card_reader', name: '代办区身份证读卡器', assetNumber: 'NH-DK-031' },
  { zone: '二楼休息等候区', kind: 'baby_room', name: '母婴室', locationNote: '二楼东侧走廊尽头' },
  { zone: '二楼休息等候区', kind: 'accessible_toilet', name: '二楼无障碍卫生间', locationNote: '二楼电梯旁' },
  { zone: '二楼休息等候区', kind: 'first_aid_kit', name: '急救箱', locationNote: '休息区服务台' },
  { zone: '二楼休息等候区', kind: 'aed', name: 'AED 自动体外除颤器', assetNumber: 'NH-AED-01' },
  { zone: '二楼休息等候区', kind: 'charging', name: '手机充电站' },
  { zone: '二楼休息等候区', kind: 'water_dispenser', name: '饮水机' },
  { zone: '工程建设与不动产窗口区', kind: 'accessible_counter', name: '工程建设区无障碍窗口', locationNote: '三楼 30 号窗口' },
  { zone: '工程建设与不动产窗口区', kind: 'cctv', name: '三楼监控 C1', assetNumber: 'NH-JK-031' },
  { zone: '后台审批区', kind: 'printer', name: '后台审批区打印机', assetNumber: 'NH-DY-041' },
  { zone: '宣讲培训室', kind: 'hearing_loop', name: '培训室助听环路', locationNote: '前三排座位' },
  { zone: '宣讲培训室', kind: 'other', name: '投影及音响设备', assetNumber: 'NH-TY-051' },
];

const DAY_MS = 24 * 60 * 60 * 1000;

/** The demo's register, one device faulty with an open report and one repaired earlier. */
export async function seedFacilitiesDemo(db: Db, centerId: string, now = new Date()): Promise<void> {
  const people = await listStaff(db, { centerId });
  const as = (username: string): FacilityActorPrincipal => {
    const person = people.find((p) => p.username === username)!;
    return { id: person.id, centerId, centerScope: [centerId], permissions: new Set(permissionsOf(person.roles)) };
  };
  const manager = as('manager');
  const zones = new Map((await venueRepo.listZones(db, centerId)).map((z) => [z.name, z.id]));
  const ids = new Map<string, string>();
  for (const f of DEMO_FACILITIES) {
    const created = await registerFacility(db, manager, { zoneId: zones.get(f.zone)!, kind: f.kind, name: f.name, locationNote: f.locationNote ?? '', assetNumber: f.assetNumber ?? '' });
    ids.set(f.name, created.id);
  }
  const ago = (days: number, hours = 10) => new Date(now.getTime() - days * DAY_MS + (hours - 10) * 3600_000);
  // repaired: reported by the guide, repaired by the vendor, in service again
  const terminal = ids.get('自助终端 2 号')!;
  await reportFault(db, as('guide'), terminal, '触摸屏无响应，无法选择事项', ago(20));
  const reported = await startRepair(db, manager, terminal, { version: 2, repairer: '广东某自助设备有限公司' }, ago(19));
  await finishRepair(db, manager, terminal, { version: reported.version, repairResult: '更换触摸屏排线，测试正常' }, ago(18));
  // faulty: two reports of one open fault
  const camera = ids.get('2 号窗口高拍仪')!;
  await reportFault(db, as('clerk'), camera, '高拍仪拍摄画面模糊，无法识别材料', ago(3));
  await reportFault(db, as('guide'), camera, '群众反映窗口材料拍照多次失败', ago(2));
}
