import crypto from 'node:crypto';
import { loadConfig } from '../../../config.ts';
import type { Db } from '../../../platform/db/database.ts';
import { VISIT_FINISHED } from '../../../platform/events/domain.ts';
import { deliverEvents } from '../../../platform/outbox/testing.ts';
import { DEMO_CENTER } from '../../../demo/data.ts';
import { listPublishedItemFacts } from '../../catalog/published/items.ts';
import { instantOf } from '../../queue/demo-history.ts';
import { loadPastTickets, type PastTicket } from '../../queue/history/service.ts';
import { listQueues } from '../../queue/settings/service.ts';
import { listDepartments, listStaff } from '../../staff/service.ts';
import { listCenters, listCounters } from '../../venue/service.ts';
import * as demoRepo from '../demo/repository.ts';
import { TEST_SECRETS } from '../../../../test/secrets.ts';

/**
 * A known small set of visits, ratings and callbacks on one day far from the demo's months, for
 * the figures', disclosure's and export's tests. In 市场监督管理局 (the chief's department), ten
 * visits at counter 1 serving 食品经营许可:
 *   t1 5 anonymous · t2 5 real-name (qr) · t3 4 (portal) · t4 default 基本满意 ·
 *   t5 2 real-name, callback reached after 4 h, verified unfounded and closed ·
 *   t6 1 real-name, reached after 2 h, founded, rectification recorded not done ·
 *   t7 1 real-name, callback open, never reached · t8 2 anonymous (no callback) ·
 *   t9 1 real-name excluded by an upheld appeal (its callback closed) · t10 not rated.
 * In 税务局, one visit at counter 12 rated 5 by a real-name rater.
 */

export const KNOWN_DAY = '2020-06-02';
export const MARKET = '市场监督管理局';
export const TAX = '税务局';
export const RATER_PHONE = '13912345678';
export const RATER_NAME = '测试评价人王五';
export const RATER_USCC = '91440605MA51XQ2D77';
export const PUBLIC_SUMMARY = '已对窗口人员开展业务培训，统一材料要求口径。';

export type KnownSet = {
  centerId: string;
  marketId: string;
  taxId: string;
  ratingIds: Record<'t1' | 't2' | 't3' | 't4' | 't5' | 't6' | 't7' | 't8' | 't9' | 'tax', string>;
  callbackIds: Record<'t5' | 't6' | 't7' | 't9', string>;
  ticketIds: string[];
};

export async function seedKnownSet(db: Db, phone: { cipher: string; masked: string }): Promise<KnownSet> {
  const center = (await listCenters(db)).find((c) => c.name === DEMO_CENTER.name)!;
  const departments = await listDepartments(db, center.id);
  const market = departments.find((d) => d.name === MARKET)!;
  const tax = departments.find((d) => d.name === TAX)!;
  const counters = new Map((await listCounters(db, center.id)).map((c) => [c.number, c.id]));
  const staff = await listStaff(db, { centerId: center.id });
  const clerk = staff.find((s) => s.username === 'clerk')!;
  const clerk12 = staff.find((s) => s.username === 'clerk12')!;
  const chief = staff.find((s) => s.username === 'chief')!;
  const manager = staff.find((s) => s.username === 'manager')!;
  const queues = await listQueues(db, center.id);
  const queueA = queues.find((q) => q.prefix === 'A')!;
  const queueC = queues.find((q) => q.prefix === 'C')!;
  const food = (await listPublishedItemFacts(db, center.id)).find((i) => i.code === 'NH-SCJG-006')!;

  const ticket = (n: number, queue: { id: string; prefix: string }, counterId: string, staffId: string, itemId: string | null): PastTicket => ({
    centerId: center.id,
    queue,
    businessDate: KNOWN_DAY,
    number: n,
    state: 'done',
    channel: 'kiosk',
    priorityClass: 'ordinary',
    greenReason: null,
    theme: null,
    itemId,
    uscc: null,
    issuedAt: instantOf(KNOWN_DAY, 9 * 60 + n),
    calledAt: instantOf(KNOWN_DAY, 9 * 60 + n + 1),
    serviceStartedAt: instantOf(KNOWN_DAY, 9 * 60 + n + 2),
    serviceEndedAt: instantOf(KNOWN_DAY, 9 * 60 + n + 10),
    counterId,
    staffId,
    recallCount: 0,
  });
  const past = [
    ...Array.from({ length: 10 }, (_, i) => ticket(i + 1, queueA, counters.get('1')!, clerk.id, food.id)),
    ticket(1, queueC, counters.get('12')!, clerk12.id, null),
  ];
  const ticketIds = await loadPastTickets(db, past);
  await deliverEvents({ db, config: loadConfig({ LOG_LEVEL: 'silent', ...TEST_SECRETS }) }, [VISIT_FINISHED]); // the visits become rateable subjects
  const ratedAt = (i: number) => new Date(past[i]!.serviceEndedAt!.getTime() + 60_000);

  const ids = Object.fromEntries(['t1', 't2', 't3', 't4', 't5', 't6', 't7', 't8', 't9', 'tax'].map((k) => [k, crypto.randomUUID()])) as KnownSet['ratingIds'];
  const common = (i: number) => ({
    centerId: center.id,
    ticketId: ticketIds[i]!,
    departmentId: market.id,
    counterId: counters.get('1')!,
    staffId: clerk.id,
    itemId: food.id,
    itemCode: food.code,
    itemName: food.name,
    serviceEndedAt: past[i]!.serviceEndedAt!,
    ratedAt: ratedAt(i),
    questionSet: 'in_person' as const,
  });
  const realName = { isRealName: true, raterName: RATER_NAME, raterUscc: RATER_USCC, raterPhoneCipher: phone.cipher, raterPhoneMasked: phone.masked };
  await demoRepo.insertRatingRows(db, [
    { ...common(0), id: ids.t1, level: 5, channel: 'evaluator', isRealName: false, tags: ['attitude.friendly'] },
    { ...common(1), id: ids.t2, level: 5, channel: 'qr', ...realName },
    { ...common(2), id: ids.t3, level: 4, channel: 'portal', questionSet: 'online', ...realName },
    { ...common(3), id: ids.t4, level: 3, channel: 'default', isDefault: true, isRealName: false, ratedAt: new Date(past[3]!.serviceEndedAt!.getTime() + 7 * 86_400_000) },
    { ...common(4), id: ids.t5, level: 2, channel: 'qr', tags: ['efficiency.long_wait'], comment: `${RATER_NAME}说等了很久，电话${RATER_PHONE}`, ...realName },
    { ...common(5), id: ids.t6, level: 1, channel: 'evaluator', tags: ['competence.unclear_notice', 'attitude.rude'], comment: '材料说不清楚', ...realName },
    { ...common(6), id: ids.t7, level: 1, channel: 'sms', tags: ['efficiency.delayed'], ...realName },
    { ...common(7), id: ids.t8, level: 2, channel: 'evaluator', isRealName: false, tags: ['efficiency.long_wait'] },
    { ...common(8), id: ids.t9, level: 1, channel: 'phone', ...realName, enteredBy: clerk.id },
    {
      ...common(10),
      id: ids.tax,
      ticketId: ticketIds[10]!,
      departmentId: tax.id,
      counterId: counters.get('12')!,
      staffId: clerk12.id,
      itemId: null,
      itemCode: '',
      itemName: '',
      level: 5,
      channel: 'evaluator',
      ...realName,
    },
  ]);

  const callbackIds = { t5: crypto.randomUUID(), t6: crypto.randomUUID(), t7: crypto.randomUUID(), t9: crypto.randomUUID() };
  const callback = (key: 't5' | 't6' | 't7' | 't9', i: number, extra: Partial<demoRepo.NewCallback>): demoRepo.NewCallback => ({
    id: callbackIds[key],
    ratingId: ids[key],
    centerId: center.id,
    departmentId: market.id,
    counterId: counters.get('1')!,
    assigneeId: chief.id,
    state: 'open',
    contactDueOn: '2020-06-03',
    finishDueOn: '2020-06-09',
    createdAt: ratedAt(i),
    ...extra,
  });
  const hours = (i: number, h: number) => new Date(ratedAt(i).getTime() + h * 3600_000);
  await demoRepo.insertCallbackRows(db, [
    callback('t5', 4, { state: 'closed', contactedAt: hours(4, 4), verdict: 'unfounded', verifiedBy: chief.id, verifiedAt: hours(4, 6), closedAt: hours(4, 6) }),
    callback('t6', 5, { state: 'rectifying', contactedAt: hours(5, 2), verdict: 'founded', verifiedBy: chief.id, verifiedAt: hours(5, 3) }),
    callback('t7', 6, {}),
    callback('t9', 8, { state: 'closed', verdict: 'unfounded', closedAt: hours(8, 48) }),
  ]);
  await demoRepo.insertContactRows(db, [
    { callbackId: callbackIds.t5, method: 'phone', isReached: false, note: '未接通', staffId: chief.id, contactedAt: hours(4, 1) },
    { callbackId: callbackIds.t5, method: 'phone', isReached: true, note: '已联系', staffId: chief.id, contactedAt: hours(4, 4) },
    { callbackId: callbackIds.t6, method: 'phone', isReached: true, note: '已联系', staffId: chief.id, contactedAt: hours(5, 2) },
  ]);
  await demoRepo.insertRectificationRows(db, [
    { callbackId: callbackIds.t6, measures: `约谈${clerk.displayName}，开展业务培训`, ownerId: chief.id, ownerName: chief.displayName, dueOn: '2020-06-09', publicSummary: PUBLIC_SUMMARY },
  ]);
  await demoRepo.insertAppealRows(db, [
    { ratingId: ids.t9, centerId: center.id, reason: 'malicious', statement: '恶意差评', appellantId: clerk.id, state: 'upheld', decidedBy: manager.id, decidedAt: hours(8, 48), decisionNote: '申诉成立' },
  ]);
  await demoRepo.markExcluded(db, [ids.t9], hours(8, 48));
  return { centerId: center.id, marketId: market.id, taxId: tax.id, ratingIds: ids, callbackIds, ticketIds };
}

/** Marks the rectification of t6 done (the department finished it) and closes its callback after the re-rating. */
export async function finishRectification(db: Db, set: KnownSet): Promise<void> {
  await demoRepo.finishDemoRectification(db, set.callbackIds.t6, new Date(`${KNOWN_DAY}T12:00:00+08:00`));
}
