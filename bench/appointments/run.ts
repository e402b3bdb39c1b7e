/**
 * Appointments under load, through the HTTP API on PostgreSQL (issue 5, Performance):
 *   (a) 100 concurrent bookings of one slot with 10 places: exactly 10 must succeed;
 *   (b) bookings per second: 20 clients booking different slots for 10 s;
 *   (c) the earliest bookable slot of 200 appointment-only items over a 30-day horizon (half of
 *       them with no free place at all, so every day and slot is looked at): the plan read from
 *       the database, the computation, and the portal's item list end to end.
 *
 *   npx tsx bench/appointments/run.ts
 *
 * Uses BENCH_DATABASE_URL or TEST_DATABASE_URL (an administrative URL: it creates and drops its own
 * database); without either it starts a throwaway PostgreSQL (initdb) in a temp dir.
 * The app runs in this process, listening on 127.0.0.1 only.
 */
import { loadCatalog } from '../../server/src/modules/catalog/import-export/apply.ts';
import { SYSTEM_EDITOR } from '../../server/src/modules/catalog/editor.ts';
import { sampleItemGuide } from '../../server/src/modules/catalog/testing.ts';
import { THEMES } from '../../server/src/modules/catalog/contract.ts';
import { listDepartments } from '../../server/src/modules/staff/service.ts';
import { loadCalendar } from '../../server/src/platform/calendar/service.ts';
import { businessToday } from '../../server/src/platform/calendar/working-days.ts';
import { loadCenterPlan } from '../../server/src/modules/appointments/capacity/service.ts';
import { earliestSlot } from '../../server/src/modules/appointments/capacity/plan.ts';
import { serveDemoApp } from '../lib/app.ts';
import { pct, progress, setting, timeRuns } from '../lib/measure.ts';
import { openDemoDatabase, serverVersion, withBenchDatabase } from '../lib/postgres.ts';

const CONCURRENT = 100;
const PLACES = 10;
const CLIENTS = 20;
const BOOKING_SECONDS = 10;
const ITEMS = 200;
const HORIZON = 30;
const ROUNDS = 20;

await withBenchDatabase(run);

async function run(url: string) {
  progress('migrate and seed');
  const database = await openDemoDatabase(url);
  const version = await serverVersion(url);

  const { app, api } = await serveDemoApp(database);
  const manager = await api.login('manager');
  const guide = await api.login('guide');
  const centers = (await api.json('GET', '/api/centers', manager)) as { id: string; name: string }[];
  const centerId = centers.find((c) => c.name === '佛山市南海区政务服务中心')!.id;
  const items = (await api.json('GET', `/api/portal/appointments/items?centerId=${centerId}`)) as { id: string; name: string }[];
  const calendar = await loadCalendar(database.db);
  const today = businessToday();
  const day = (n: number) => calendar.addWorkingDays(today, n);
  let phoneSerial = 0;
  const phone = () => `139${String(10_000_000 + ++phoneSerial)}`;

  progress('(a) 100 concurrent bookings of one slot');
  const itemA = items.find((i) => i.name === '企业设立登记')!;
  await api.json('PUT', '/api/appointments/capacity/rules', manager, { centerId, scope: 'item', scopeId: itemA.id, capacityPerSlot: PLACES, overflowPerSlot: null, version: 0 });
  const slot = { centerId, itemId: itemA.id, date: day(2), start: '10:00', uscc: null, channel: 'desk' };
  const a0 = performance.now();
  const results = await Promise.all(Array.from({ length: CONCURRENT }, () => api.raw('POST', '/api/appointments', guide, { ...slot, phone: phone() })));
  const aSeconds = (performance.now() - a0) / 1000;
  const succeeded = results.filter((r) => r.status === 201).length;
  const full = results.filter((r) => r.status === 409 && (JSON.parse(r.text) as { code: string }).code === 'SLOT_FULL').length;
  const other = CONCURRENT - succeeded - full;
  const capacityDay = (await api.json('GET', `/api/appointments/capacity?centerId=${centerId}&date=${slot.date}`, manager)) as {
    pools: { scopeId: string; slots: { start: string; booked: number }[] }[];
  };
  const bookedInSlot = capacityDay.pools.find((p) => p.scopeId === itemA.id)!.slots.find((s) => s.start === '10:00')!.booked;

  progress('(b) bookings per second');
  const itemB = items.find((i) => i.name === '食品经营许可')!;
  await api.json('PUT', '/api/appointments/capacity/rules', manager, { centerId, scope: 'item', scopeId: itemB.id, capacityPerSlot: 1000, overflowPerSlot: null, version: 0 });
  const starts = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30', '17:00'];
  let booked = 0;
  let failed = 0;
  const latencies: number[] = [];
  const bEnd = performance.now() + BOOKING_SECONDS * 1000;
  const b0 = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      for (let n = 0; performance.now() < bEnd; n++) {
        const t = performance.now();
        const res = await api.raw('POST', '/api/appointments', guide, { centerId, itemId: itemB.id, date: day(1 + ((c + n) % 5)), start: starts[(c * 7 + n) % starts.length], phone: phone(), uscc: null, channel: 'phone' });
        latencies.push(performance.now() - t);
        if (res.status === 201) booked += 1;
        else failed += 1;
      }
    }),
  );
  const bSeconds = (performance.now() - b0) / 1000;
  latencies.sort((x, y) => x - y);

  progress('(c) earliest slot for 200 items over 30 days');
  const settings = (await api.json('GET', `/api/appointments/settings/${centerId}`, manager)) as Record<string, unknown>;
  const { centerId: _c, effectivePeriods: _e, ...input } = settings;
  await api.json('PUT', `/api/appointments/settings/${centerId}`, manager, { ...input, horizonDays: HORIZON });
  const departmentId = (await listDepartments(database.db, centerId))[0]!.id;
  await loadCatalog(
    database.db,
    centerId,
    {
      items: Array.from({ length: ITEMS }, (_, i) => ({
        code: `BENCH-${String(i + 1).padStart(3, '0')}`,
        status: 'published' as const,
        guide: sampleItemGuide(departmentId, {
          name: `压测全预约事项 ${i + 1}`,
          theme: THEMES[i % THEMES.length]!,
          appointment: { mode: 'appointment_only', walkInDailyQuota: null },
        }),
      })),
      bundles: [],
    },
    SYSTEM_EDITOR,
  );
  const benchItems = ((await api.json('GET', `/api/portal/appointments/items?centerId=${centerId}`)) as { id: string; code: string }[]).filter((i) => i.code.startsWith('BENCH-'));
  // Half the items have slots of their own with no place at all: the search looks at every day and slot.
  for (const item of benchItems.filter((_, i) => i % 2 === 0)) {
    await api.json('PUT', '/api/appointments/capacity/rules', manager, { centerId, scope: 'item', scopeId: item.id, capacityPerSlot: 0, overflowPerSlot: null, version: 0 });
  }
  const loadMs: number[] = [];
  const computeMs: number[] = [];
  let found = 0;
  for (let r = 0; r < ROUNDS; r++) {
    const l0 = performance.now();
    const plan = await loadCenterPlan(database.db, centerId, new Date());
    loadMs.push(performance.now() - l0);
    const c0 = performance.now();
    found = 0;
    for (const item of benchItems) {
      const entry = plan.entryOf(item.id)!;
      if (earliestSlot(entry.plan, plan.window)) found += 1;
    }
    computeMs.push(performance.now() - c0);
  }
  const httpMs = await timeRuns(ROUNDS, () => api.json('GET', `/api/portal/appointments/items?centerId=${centerId}`));
  const guaranteeMs = await timeRuns(ROUNDS, () => api.json('GET', `/api/appointments/guarantee/${centerId}`, manager));
  for (const list of [loadMs, computeMs]) list.sort((x, y) => x - y);
  const itemsTotal = ((await api.json('GET', `/api/portal/appointments/items?centerId=${centerId}`)) as unknown[]).length;

  console.log(`Banshi appointments bench — ${setting(version)}`);
  console.log(
    `(a) ${CONCURRENT} concurrent bookings of one slot with ${PLACES} places: ${succeeded} succeeded, ${full} refused SLOT_FULL, ${other} other; slot shows ${bookedInSlot} booked; ${aSeconds.toFixed(2)} s → exactly ${PLACES}: ${succeeded === PLACES && bookedInSlot === PLACES && other === 0 ? 'yes' : 'NO'}`,
  );
  console.log(
    `(b) ${CLIENTS} clients, ${BOOKING_SECONDS} s: ${booked} bookings (${failed} refused) → ${(booked / bSeconds).toFixed(1)} bookings/s; latency p50 ${pct(latencies, 0.5).toFixed(1)} ms, p99 ${pct(latencies, 0.99).toFixed(1)} ms`,
  );
  console.log(
    `(c) earliest slot for ${benchItems.length} appointment-only items over ${HORIZON} days (${benchItems.length - found} with nothing free): plan read p50 ${pct(loadMs, 0.5).toFixed(1)} ms, computation p50 ${pct(computeMs, 0.5).toFixed(1)} ms (max ${computeMs.at(-1)!.toFixed(1)} ms)`,
  );
  console.log(
    `    end to end over HTTP (${ROUNDS} requests each): portal item list with earliest slots (${itemsTotal} items) p50 ${pct(httpMs, 0.5).toFixed(1)} ms, p99 ${pct(httpMs, 0.99).toFixed(1)} ms; manager's guarantee view p50 ${pct(guaranteeMs, 0.5).toFixed(1)} ms`,
  );
  await app.close();
  await database.close();
}
