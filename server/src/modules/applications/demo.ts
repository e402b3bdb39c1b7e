import { loadCalendar } from '../../platform/calendar/service.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { getItemByCode } from '../catalog/service.ts';
import { generateDemoData, seededRandom } from '../enterprises/demo-data.ts';
import { enterpriseIdsByUscc } from '../enterprises/registry/service.ts';
import { listDepartments, listStaff } from '../staff/service.ts';
import { getCenter } from '../venue/service.ts';
import type { NoticeKind } from './contract.ts';
import { buildApplication, type DemoContext, type DemoItem, type DemoPlan } from './demo/build.ts';
import { publishFinishedApplications } from './actions.ts';
import { insertDemoRows, type DemoRows } from './demo/repository.ts';
import { documentNumber, regionPrefixOf } from './notices/documents.ts';
import * as repo from './repository.ts';
import type { ApplicationState } from './workflow/definition.ts';

/**
 * The demo center's applications: about three hundred, in every state of the workflow, dated back
 * from the seeding day — some near or past their due date, joint reviews waiting on the lead
 * department, deferred materials pending, supplied and expired, commitments to verify.
 */

const ITEMS: { code: string; weight: number }[] = [
  { code: 'NH-SCJG-006', weight: 10 },
  { code: 'NH-SCJG-007', weight: 3 },
  { code: 'NH-SCJG-008', weight: 3 },
  { code: 'NH-SCJG-010', weight: 3 },
  { code: 'NH-WJ-001', weight: 3 },
  { code: 'NH-ZR-003', weight: 3 },
  { code: 'NH-HB-002', weight: 2 },
  { code: 'NH-SWU-001', weight: 2 },
  { code: 'NH-ZJ-001', weight: 2 },
  { code: 'NH-ZJ-005', weight: 1 },
];

const STATE_COUNTS: [ApplicationState, number][] = [
  ['received', 16],
  ['awaiting_supplement', 22],
  ['supplement_approval', 3],
  ['declined', 12],
  ['in_review', 110],
  ['review_supplement', 6],
  ['special_procedure', 6],
  ['lead_decision', 4],
  ['approved', 22],
  ['rejected', 6],
  ['delivering', 8],
  ['delivered', 95],
  ['stopped', 5],
  ['revoked', 2],
];

export async function seedApplicationsDemo(db: Db, centerId: string, now = new Date()): Promise<void> {
  if ((await repo.searchApplications(db, { centerId, page: 1, pageSize: 1 })).total > 0) return;
  const random = seededRandom(7_2026);
  const center = await getCenter(db, centerId);
  const calendar = await loadCalendar(db);
  const today = businessToday(now);
  const workdays: string[] = [calendar.isWorkingDay(today) ? today : previousWorkingDay(calendar, today)];
  while (workdays.length < 70) workdays.push(previousWorkingDay(calendar, workdays.at(-1)!));

  const departments = new Map((await listDepartments(db, centerId)).map((d) => [d.id, d.name]));
  const items: DemoItem[] = [];
  for (const { code } of ITEMS) {
    const item = await getItemByCode(db, centerId, code);
    if (item.published) items.push({ code, versionId: item.published.meta.id, guide: item.published.guide, departmentName: departments.get(item.published.guide.departmentId) ?? '' });
  }
  const staff = await listStaff(db, { centerId });
  const clerk = staff.find((s) => s.username === 'clerk');
  const reviewer = staff.find((s) => s.username === 'reviewer');
  if (!clerk || !reviewer?.departmentId || items.length === 0) return;

  const registry = generateDemoData().enterprises.slice(0, 400);
  const ids = await enterpriseIdsByUscc(db, registry.map((e) => e.uscc));
  const applicants = registry.filter((e) => ids.has(e.uscc)).map((e) => ({ uscc: e.uscc, name: e.name, enterpriseId: ids.get(e.uscc)! }));

  const year = Number(today.slice(0, 4));
  let serial = 0;
  const noticeSerials = new Map<NoticeKind, number>();
  const ctx: DemoContext = {
    random,
    calendar,
    today,
    workdays,
    centerId,
    centerName: center.name,
    regionPrefix: regionPrefixOf(center.name),
    regionCode: center.regionCode,
    year,
    clerk: { id: clerk.id, name: clerk.displayName },
    reviewer: { id: reviewer.id, name: reviewer.displayName, departmentId: reviewer.departmentId },
    departments,
    nextNumber: () => `${center.regionCode}-${year}-${String(++serial).padStart(6, '0')}`,
    nextNotice: (kind) => {
      const n = (noticeSerials.get(kind) ?? 0) + 1;
      noticeSerials.set(kind, n);
      return documentNumber(center.name, kind, year, n);
    },
    rows: { applications: [], materials: [], events: [], notices: [], supplements: [], tasks: [], procedures: [], verifications: [], deliveries: [] },
  };

  const plans = planApplications(random, items, applicants);
  // Oldest first, so that numbers follow the order of receipt.
  plans.sort((a, b) => b.age - a.age);
  for (const plan of plans) buildApplication(ctx, plan);

  await db.transaction(async (tx) => {
    await insertDemoRows(tx, ctx.rows);
    await publishFinishedApplications(tx, finishedOf(ctx.rows.applications));
    await repo.nextCounter(tx, center.regionCode, year, 'application', serial);
    for (const [kind, n] of noticeSerials) await repo.nextCounter(tx, centerId, year, `notice:${kind}`, n);
  });
}

/** The top-level applications the demo loads delivered or declined, for `application.finished`. */
function finishedOf(rows: DemoRows['applications']) {
  return rows.flatMap((a) => {
    if (a.parentId || (a.state !== 'delivered' && a.state !== 'declined')) return [];
    const finishedAt = a.state === 'delivered' ? (a.deliveredAt ?? a.updatedAt) : (a.decidedAt ?? a.updatedAt);
    return [
      {
        id: a.id!,
        centerId: a.centerId,
        number: a.number,
        code: a.code,
        name: a.name,
        departmentId: a.departmentId ?? null,
        firstHandlerId: a.firstHandlerId ?? null,
        ticketId: a.ticketId ?? null,
        channel: a.channel,
        uscc: a.uscc ?? null,
        applicantName: a.applicantName ?? '',
        phoneCipher: a.phoneCipher ?? null,
        phoneMasked: a.phoneMasked ?? null,
        receivedAt: a.receivedAt as Date,
        outcome: a.state as 'delivered' | 'declined',
        finishedAt: finishedAt as Date,
      },
    ];
  });
}

function planApplications(random: () => number, items: DemoItem[], applicants: DemoPlan['applicant'][]): DemoPlan[] {
  const total = ITEMS.filter((i) => items.some((x) => x.code === i.code)).reduce((n, i) => n + i.weight, 0);
  const pickItem = (filter: (i: DemoItem) => boolean = () => true): DemoItem => {
    const pool = items.filter(filter);
    if (pool.length < items.length) return pool[Math.floor(random() * pool.length)] ?? items[0]!;
    let r = random() * total;
    for (const i of ITEMS) {
      const item = items.find((x) => x.code === i.code);
      if (!item) continue;
      r -= i.weight;
      if (r <= 0) return item;
    }
    return items[0]!;
  };
  const applicant = () => applicants[Math.floor(random() * applicants.length)]!;
  const isJoint = (i: DemoItem) => !!i.guide.jointReview.group && !!i.guide.jointReview.leadDepartmentId && i.guide.jointReview.leadDepartmentId !== i.guide.departmentId;
  const plans: DemoPlan[] = [];
  for (const [state, count] of STATE_COUNTS) {
    for (let n = 0; n < count; n++) {
      const plan: DemoPlan = { item: pickItem(), applicant: applicant(), state, age: 0 };
      const promised = () => plan.item.guide.promisedLimitDays;
      switch (state) {
        case 'received':
          plan.age = Math.floor(random() * 8);
          break;
        case 'awaiting_supplement':
        case 'supplement_approval':
        case 'declined':
          plan.age = 2 + Math.floor(random() * 10);
          break;
        case 'in_review':
          // From fresh to a few days past the promised limit: normal, warning and overdue.
          plan.age = Math.floor(random() * (promised() + 2));
          if (n % 9 === 0 && plan.item.guide.deferral.isAllowed) {
            plan.deferred = 'pending';
            plan.age = Math.min(plan.age, 2);
          } else if (n % 11 === 0 && plan.item.guide.deferral.isAllowed) plan.deferred = 'supplied';
          if (n % 13 === 0 && plan.item.guide.commitment.isAllowed) plan.isCommitment = true;
          break;
        case 'review_supplement':
        case 'special_procedure':
          plan.age = 3 + Math.floor(random() * 5);
          break;
        case 'lead_decision':
          plan.item = pickItem(isJoint);
          plan.age = 4 + Math.floor(random() * 4);
          break;
        case 'stopped':
          plan.item = pickItem((i) => i.guide.deferral.isAllowed);
          plan.deferred = 'expired';
          plan.age = 10 + Math.floor(random() * 20);
          break;
        case 'revoked':
          plan.item = pickItem((i) => i.guide.commitment.isAllowed);
          plan.isCommitment = true;
          plan.age = 30 + Math.floor(random() * 20);
          break;
        default:
          // Decided and delivered: old enough to have been decided; one in eight decided late.
          plan.age = promised() + 6 + Math.floor(random() * 40);
          plan.isLate = n % 8 === 0;
          if (n % 10 === 0 && plan.item.guide.commitment.isAllowed) plan.isCommitment = true;
          plan.delivery = n % 3 === 0 ? 'electronic' : n % 5 === 0 ? 'mail' : 'counter';
      }
      plan.age = Math.min(plan.age, 60);
      plans.push(plan);
    }
  }
  return plans;
}

function previousWorkingDay(calendar: { isWorkingDay(d: string): boolean }, date: string): string {
  let d = date;
  do d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  while (!calendar.isWorkingDay(d));
  return d;
}
