import { instantOf } from '../../platform/calendar/clock.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import type { Db } from '../../platform/db/database.ts';
import { listPublishedItemFacts } from '../catalog/service.ts';
import { listStaff } from '../staff/service.ts';
import * as repo from './repository.ts';

/**
 * The demo's filing assistance (6.1.2): 罗文静 (`assistant`) helped on site — one filed, one not
 * yet filed with its follow-up due today, one referred whose follow-up is overdue, one filed and
 * followed up — held one video session last working day (logged, 18 minutes), and has one booked
 * for the next working day at 10:00.
 */
export async function seedAssistanceDemo(db: Db, centerId: string, enterprises: readonly { uscc: string; name: string }[], now = new Date()): Promise<void> {
  const assistant = (await listStaff(db, { centerId })).find((s) => s.username === 'assistant');
  if (!assistant) return;
  const items = await listPublishedItemFacts(db, centerId);
  const item = (name: string) => items.filter((i) => i.name.includes(name)).map((i) => i.id).slice(0, 1);
  const calendar = await loadCalendar(db);
  const today = businessToday(now);
  let previous = addDays(today, -1);
  while (!calendar.isWorkingDay(previous)) previous = addDays(previous, -1);
  const earlier = addDays(previous, -7);
  const [first, second] = enterprises;
  const base = { centerId, assistantId: assistant.id, mode: 'on_site' as const, referredTo: '', note: '' };
  const at = (date: string, minutes: number) => ({ businessDate: date, assistedAt: instantOf(date, minutes) });

  await repo.insertRecord(db, {
    ...base,
    ...at(earlier, 600),
    uscc: second?.uscc ?? null,
    enterpriseName: second?.name ?? '',
    personName: '何志强',
    helpedWith: ['fill_forms', 'check_completeness'],
    itemIds: item('食品经营许可'),
    result: 'filed',
    applicationNumber: 'NH-DEMO-0001',
    followUpDueOn: addDays(earlier, 2),
    followUpDoneAt: instantOf(addDays(earlier, 2), 630),
    followUpBy: assistant.id,
    followUpResult: '已受理，企业对辅导满意',
  });
  await repo.insertRecord(db, {
    ...base,
    ...at(previous, 570),
    uscc: first?.uscc ?? null,
    enterpriseName: first?.name ?? '',
    personName: '陈佳怡',
    helpedWith: ['prepare_materials'],
    itemIds: item('设立登记'),
    result: 'not_yet',
    note: '缺股东会决议，企业补齐后再申报',
    followUpDueOn: today,
  });
  await repo.insertRecord(db, {
    ...base,
    ...at(earlier, 900),
    enterpriseName: '佛山市南海区某五金加工厂',
    personName: '梁国栋',
    helpedWith: ['check_completeness'],
    result: 'referred',
    referredTo: '市场监督管理局窗口（经营范围涉及前置审批）',
    followUpDueOn: addDays(earlier, 3),
  });
  await repo.insertRecord(db, {
    ...base,
    ...at(today, 560),
    personName: '黄敏',
    helpedWith: ['fill_forms'],
    itemIds: item('食品经营许可'),
    result: 'filed',
    applicationNumber: 'NH-DEMO-0002',
  });

  if (!first) return;
  const startsAt = instantOf(previous, 900);
  const connectedAt = new Date(startsAt.getTime() + 60_000);
  const endedAt = new Date(connectedAt.getTime() + 18 * 60_000);
  const past = await repo.insertSession(db, {
    centerId,
    uscc: first.uscc,
    enterpriseName: first.name,
    personName: '陈佳怡',
    topic: '网上填报食品经营许可申请表',
    itemId: item('食品经营许可')[0] ?? null,
    startsAt,
    state: 'ended',
    assistantId: assistant.id,
    startedAt: startsAt,
    connectedAt,
    endedAt,
    durationSeconds: 18 * 60,
    bookedAt: instantOf(addDays(previous, -2), 600),
  });
  await repo.insertRecord(db, {
    ...base,
    mode: 'video',
    businessDate: previous,
    assistedAt: endedAt,
    videoSessionId: past!.id,
    uscc: first.uscc,
    enterpriseName: first.name,
    personName: '陈佳怡',
    helpedWith: ['fill_forms', 'check_completeness'],
    itemIds: item('食品经营许可'),
    result: 'filed',
    applicationNumber: 'NH-DEMO-0003',
    durationSeconds: 18 * 60,
  });
  await repo.insertSession(db, {
    centerId,
    uscc: first.uscc,
    enterpriseName: first.name,
    personName: '陈佳怡',
    topic: '准备变更登记材料',
    itemId: null,
    startsAt: instantOf(calendar.nextWorkingDay(today), 600),
    bookedAt: now,
  });
}
