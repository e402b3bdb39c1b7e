import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { permissionsOf } from '../../../platform/auth/roles.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { listCounters } from '../../venue/service.ts';
import { createStaff, listStaff } from '../service.ts';
import { recordConduct } from './conduct.ts';
import { addMonths } from './dates.ts';
import { createCourse, createRule, recordCertificate, recordExam, recordSession } from './service.ts';

/** The delivery counters' qualification: the demo's one rule, so that only the delivery posts demand it. */
export const DEMO_DELIVERY_QUALIFICATION = '综合出件上岗证';
/** A clerk of delivery counter 11 whose certificate lapsed a week ago: refused when opening the counter. */
export const DEMO_EXPIRED_CLERK = { username: 'clerk11', displayName: '林思远', staffNumber: 'NH0211', counter: '11' };

/**
 * Training and qualification in the demo center (5.2): a service-etiquette course (GB/T 36112)
 * and a delivery business course, each with a session, attendance and an exam whose passes were
 * issued certificates (the etiquette ones lapse within the month: the manager's expiring list);
 * the rule that a counter clerk at a delivery counter holds a valid 综合出件上岗证; the clerk of
 * counter 11, whose certificate expired; conduct findings of this month.
 * The rule names only the delivery purpose, which the other demo and test clerks do not open.
 */
export async function seedTrainingDemo(db: Db, centerId: string, password: string, now = new Date()): Promise<void> {
  const counters = new Map((await listCounters(db, centerId)).map((c) => [c.number, c.id]));
  await createStaff(
    db,
    { username: DEMO_EXPIRED_CLERK.username, displayName: DEMO_EXPIRED_CLERK.displayName, staffNumber: DEMO_EXPIRED_CLERK.staffNumber, password, roles: ['counter_clerk'], centerId, departmentId: null, counterId: counters.get(DEMO_EXPIRED_CLERK.counter)! },
    { isDemo: true, mustChangePassword: false },
  );
  const people = new Map((await listStaff(db, { centerId })).map((s) => [s.username, s]));
  const id = (username: string) => people.get(username)!.id;
  const manager = people.get('manager')!;
  const as: StaffPrincipal = { type: 'staff', id: manager.id, username: manager.username, displayName: manager.displayName, roles: manager.roles, permissions: new Set(permissionsOf(manager.roles)), centerId, centerScope: [centerId], departmentId: null, mustChangePassword: false };
  const today = businessToday(now);

  const etiquette = await createCourse(db, as, { title: '窗口服务礼仪（GB/T 36112—2018）', category: 'etiquette', description: '仪容仪表、举止行为、服务用语；首问负责与一次性告知。' });
  const etiquetteDay = addDays(today, -350);
  await recordSession(db, as, etiquette.id, { heldOn: etiquetteDay, trainer: '省政务服务培训中心 刘老师', place: '三楼培训室', staffIds: ['clerk', 'clerk2', 'clerk3', 'clerk10', 'guide'].map(id) });
  await recordExam(db, as, etiquette.id, {
    heldOn: etiquetteDay,
    maxScore: 100,
    passMark: 60,
    qualificationKind: '服务礼仪合格证',
    validityMonths: 12,
    scores: [['clerk', 90], ['clerk2', 95], ['clerk3', 78], ['clerk10', 81], ['guide', 88]].map(([u, score]) => ({ staffId: id(u as string), score: score as number })),
  });

  const delivery = await createCourse(db, as, { title: '综合出件业务知识', category: 'business', description: '证照核验、一窗通取、物流寄送与出件登记。' });
  const deliveryDay = addDays(today, -60);
  await recordSession(db, as, delivery.id, { heldOn: deliveryDay, trainer: '陈慧敏', place: '三楼培训室', staffIds: ['clerk', 'clerk2', 'clerk3', 'clerk10'].map(id) });
  await recordExam(db, as, delivery.id, {
    heldOn: deliveryDay,
    maxScore: 100,
    passMark: 60,
    qualificationKind: DEMO_DELIVERY_QUALIFICATION,
    validityMonths: 24,
    scores: [['clerk', 92], ['clerk2', 85], ['clerk3', 58], ['clerk10', 88]].map(([u, score]) => ({ staffId: id(u as string), score: score as number })),
  });

  await createRule(db, as, { purpose: 'delivery', role: 'counter_clerk', kind: DEMO_DELIVERY_QUALIFICATION });
  const lapsedOn = addDays(today, -7);
  await recordCertificate(db, as, { staffId: id(DEMO_EXPIRED_CLERK.username), kind: DEMO_DELIVERY_QUALIFICATION, number: 'CJ-DEMO-0117', issuedOn: addDays(addMonths(lapsedOn, -24), 1), expiresOn: lapsedOn });

  const findings: [string, 'appearance' | 'language' | 'discipline', string, number][] = [
    ['clerk', 'appearance', '未按规定佩戴工作牌', 2],
    ['clerk3', 'discipline', '工作时间在窗口使用手机处理私事', 3],
    ['clerk12', 'language', '答复企业时使用“不知道”“不归我管”等服务忌语', 2],
  ];
  for (const [i, [username, aspect, finding, points]] of findings.entries()) {
    const day = addDays(today, -1 - i);
    await recordConduct(db, as, { staffId: id(username), inspectedOn: day.slice(0, 7) === today.slice(0, 7) ? day : today, aspect, finding, pointsDeducted: points }, now);
  }
}
