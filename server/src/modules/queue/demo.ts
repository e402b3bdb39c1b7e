import type { Db } from '../../platform/db/database.ts';
import { loadCalendar } from '../../platform/calendar/service.ts';
import type { Theme } from '../catalog/contract.ts';
import { listPublishedItemFacts } from '../catalog/published/items.ts';
import { createStaff, listStaff } from '../staff/service.ts';
import { listCounters, listZones } from '../venue/service.ts';
import { businessClock } from '../../platform/calendar/clock.ts';
import { GREEN_REASONS } from './contract.ts';
import { generateDay, historyItemsOf, type HistoryQueue } from './demo-history.ts';
import { setDemoPhoto } from './photos/service.ts';
import { createDevices } from './settings/devices.ts';
import { createQueue, saveSettings } from './settings/service.ts';
import { loadPastTickets } from './history/service.ts';

type DemoQueue = { prefix: string; name: string; themes: Theme[]; counters: string[]; dailyTickets: number; serviceMinutes: number; quota?: number };

/** The demo center's queues: one per theme (6.1.3), plus delivery and the specialised desks. */
export const DEMO_QUEUES: DemoQueue[] = [
  { prefix: 'A', name: '企业开办', themes: ['start_up'], counters: ['1', '2', '3', '4', '5', '6'], dailyTickets: 70, serviceMinutes: 12 },
  { prefix: 'B', name: '经营许可', themes: ['operating_permits'], counters: ['6', '7', '8', '9'], dailyTickets: 35, serviceMinutes: 12 },
  { prefix: 'C', name: '涉税业务', themes: ['tax'], counters: ['12', '13'], dailyTickets: 35, serviceMinutes: 7 },
  { prefix: 'D', name: '工程建设', themes: ['construction'], counters: ['21', '22', '23', '24'], dailyTickets: 25, serviceMinutes: 20, quota: 120 },
  { prefix: 'E', name: '不动产登记', themes: ['real_estate'], counters: ['25'], dailyTickets: 25, serviceMinutes: 9 },
  { prefix: 'F', name: '水电气网报装', themes: ['utilities'], counters: ['26'], dailyTickets: 15, serviceMinutes: 9 },
  { prefix: 'G', name: '人才服务', themes: ['talent'], counters: ['15'], dailyTickets: 10, serviceMinutes: 10 },
  { prefix: 'H', name: '证照领取', themes: [], counters: ['10', '11', '27'], dailyTickets: 35, serviceMinutes: 4 },
  { prefix: 'P', name: '惠企政策', themes: ['benefits'], counters: ['14'], dailyTickets: 10, serviceMinutes: 12 },
  { prefix: 'J', name: '帮办代办', themes: [], counters: ['16'], dailyTickets: 8, serviceMinutes: 18 },
  { prefix: 'K', name: '“办不成事”反映', themes: [], counters: ['17'], dailyTickets: 3, serviceMinutes: 20 },
];

/** Clerks for the counters the foundation's demo accounts leave empty, so that history has someone at each. */
const DEMO_CLERKS: { username: string; displayName: string; staffNumber: string; counter: string }[] = [
  { username: 'clerk2', displayName: '陈嘉怡', staffNumber: 'NH0202', counter: '2' },
  { username: 'clerk3', displayName: '张子豪', staffNumber: 'NH0203', counter: '3' },
  { username: 'clerk4', displayName: '黄诗琪', staffNumber: 'NH0204', counter: '4' },
  { username: 'clerk7', displayName: '刘家明', staffNumber: 'NH0207', counter: '7' },
  { username: 'clerk8', displayName: '杨晓敏', staffNumber: 'NH0208', counter: '8' },
  { username: 'clerk10', displayName: '邓伟强', staffNumber: 'NH0210', counter: '10' },
  { username: 'clerk12', displayName: '谢婉婷', staffNumber: 'NH0212', counter: '12' },
  { username: 'clerk17', displayName: '冯志成', staffNumber: 'NH0217', counter: '17' },
  { username: 'clerk21', displayName: '曾俊熙', staffNumber: 'NH0221', counter: '21' },
  { username: 'clerk22', displayName: '彭美玲', staffNumber: 'NH0222', counter: '22' },
  { username: 'clerk25', displayName: '蔡国华', staffNumber: 'NH0225', counter: '25' },
  { username: 'clerk26', displayName: '潘雅琳', staffNumber: 'NH0226', counter: '26' },
];

const HISTORY_WORKING_DAYS = 3;

/**
 * The demo center's front desk: settings (open every day around the clock, so the demo can be
 * tried at any hour), queues with counters, a kiosk, two displays and an evaluator per counter,
 * clerks with photos, and the last working days (and today so far) of generated history.
 */
/** `demo`: the demo enterprises' credit codes (the history's applicants) and the demo accounts' password (the clerks'). */
export async function seedQueueDemo(db: Db, centerId: string, demo: { usccs: readonly string[]; password: string }, now = new Date()): Promise<void> {
  await saveSettings(db, centerId, {
    version: 0,
    serviceDays: 'every_day',
    openingPeriods: [{ start: '00:00', end: '24:00' }],
    lastTicketMinutes: 0,
    classOrder: ['appointment', 'green_channel', 'ordinary'],
    maxExtraWaitMinutes: 30,
    greenReasons: [...GREEN_REASONS],
    recallsBeforeNoShow: 2,
    ratingWindowMinutes: 10,
    kioskTicketsPerMinute: 30,
    typicalServiceMinutes: 10,
  });

  const counters = new Map((await listCounters(db, centerId)).map((c) => [c.number, c]));
  const queues = [];
  for (const [i, q] of DEMO_QUEUES.entries()) {
    const created = await createQueue(db, centerId, {
      name: q.name,
      prefix: q.prefix,
      themes: q.themes,
      itemIds: [],
      dailyWalkInQuota: q.quota ?? null,
      isOpen: true,
      typicalServiceMinutes: q.serviceMinutes,
      sortOrder: i,
      counterIds: q.counters.map((n) => counters.get(n)!.id),
    });
    queues.push({ demo: q, id: created.id });
  }

  for (const c of DEMO_CLERKS) {
    await createStaff(
      db,
      { ...c, password: demo.password, roles: ['counter_clerk'], centerId, counterId: counters.get(c.counter)!.id },
      { isDemo: true, mustChangePassword: false },
    );
  }
  const staffAtCounter = new Map<string, string>();
  for (const s of await listStaff(db, { centerId })) {
    if (!s.counterId) continue;
    staffAtCounter.set(s.counterId, s.id);
    await setDemoPhoto(db, s.id, avatarOf(s.displayName, s.staffNumber ?? ''));
  }

  const zones = new Map((await listZones(db, centerId)).map((z) => [z.name, z.id]));
  const served = [...new Set(DEMO_QUEUES.flatMap((q) => q.counters))];
  await createDevices(
    db,
    centerId,
    [
      { kind: 'kiosk', name: '一楼大厅取号机', zoneId: zones.get('咨询导办区') ?? null, counterId: null },
      { kind: 'display', name: '二楼叫号屏', zoneId: zones.get('企业开办与经营许可窗口区')!, counterId: null },
      { kind: 'display', name: '三楼叫号屏', zoneId: zones.get('工程建设与不动产窗口区')!, counterId: null },
      ...served.map((number) => ({ kind: 'evaluator' as const, name: `${number} 号窗口评价器`, zoneId: null, counterId: counters.get(number)!.id })),
    ],
    { isDemo: true },
  );
  const items = await listPublishedItemFacts(db, centerId);
  const historyQueues: HistoryQueue[] = queues.map(({ demo, id }) => ({
    id,
    prefix: demo.prefix,
    dailyTickets: demo.dailyTickets,
    serviceMinutes: demo.serviceMinutes,
    theme: demo.themes[0] ?? null,
    ...historyItemsOf(items, demo.themes),
    counters: demo.counters
      .map((n) => counters.get(n)!.id)
      .filter((cid) => staffAtCounter.has(cid))
      .map((cid) => ({ id: cid, staffId: staffAtCounter.get(cid)! })),
  }));
  const calendar = await loadCalendar(db);
  const today = businessClock(now);
  const days: { date: string; untilMinutes?: number }[] = [];
  let date = today.date;
  while (days.length < HISTORY_WORKING_DAYS) {
    date = previousDay(date);
    if (calendar.isWorkingDay(date)) days.unshift({ date });
  }
  days.push({ date: today.date, untilMinutes: today.minutes });

  const usccs = [...demo.usccs];
  const generated = days.map((d) => generateDay({ centerId, date: d.date, queues: historyQueues, usccs, untilMinutes: d.untilMinutes }));
  const tickets = generated.flatMap((g) => g.tickets);
  await loadPastTickets(db, tickets);
}

function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

const COLOURS = ['#1f6feb', '#0e8a7e', '#b35900', '#8250df', '#cf222e', '#1a7f37'];

/** A plain badge-style picture with the person's surname: the demo has no real photos. */
function avatarOf(name: string, staffNumber: string): string {
  const colour = COLOURS[[...staffNumber].reduce((n, ch) => n + ch.charCodeAt(0), 0) % COLOURS.length];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="300" viewBox="0 0 240 300">` +
    `<rect width="240" height="300" fill="#eef2f7"/><circle cx="120" cy="112" r="64" fill="${colour}"/>` +
    `<path d="M30 300c0-66 40-104 90-104s90 38 90 104z" fill="${colour}"/>` +
    `<text x="120" y="134" font-size="60" text-anchor="middle" fill="#fff" font-family="sans-serif">${name.slice(0, 1)}</text></svg>`
  );
}
