import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../platform/calendar/working-days.ts';
import { AppError, invalidField } from '../../platform/errors.ts';
import { getFigures as evaluationFigures } from '../evaluations/figures/service.ts';
import type { FiguresDto as EvaluationFigures, FiguresGroup } from '../evaluations/figures/contract.ts';
import { getHistoryFigures } from '../queue/figures/service.ts';
import { getCenter } from '../venue/service.ts';
import type { Bar, CommandCenterDto, CommandCenterQuery } from './contract.ts';
import { centerTargets, type Deps } from './targets.ts';

const bars = (f: EvaluationFigures): Bar[] => f.rows.map((r) => ({ key: r.key ?? '', label: r.label, value: r.goodRate, count: r.rated }));

/**
 * The command center (指挥中心): every target of the standard with its value, the target and
 * whether it is met; the queue now; trends over 30 days and 12 months; 好评率 by department,
 * counter, clerk, item and channel. A chief officer sees their department, a center manager their
 * center, a region's manager (several centers in scope) also every center of the region side by side.
 */
export async function getCommandCenter(deps: Deps, principal: StaffPrincipal, q: CommandCenterQuery, now = new Date()): Promise<CommandCenterDto> {
  if (!principal.centerId) throw new AppError('FORBIDDEN', '您未被分配到服务中心');
  const today = businessToday(now);
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw invalidField('from', '开始日期不能晚于结束日期');
  if (addDays(from, 366) < to) throw invalidField('from', '统计期间不能超过一年');
  const period = { from, to, departmentId: q.departmentId };
  const main = await centerTargets(deps, principal, period, now);
  const by = (groupBy: FiguresGroup, range = { from, to }) => evaluationFigures(deps.db, principal, { ...range, groupBy, departmentId: q.departmentId }, now);
  const monthsFrom = `${addDays(`${today.slice(0, 7)}-01`, -320).slice(0, 7)}-01`;
  const [counter, clerk, item, channel, days, months, waits, center] = await Promise.all([
    by('counter'),
    by('staff'),
    by('item'),
    by('channel'),
    by('day', { from: addDays(today, -29), to: today }),
    by('month', { from: monthsFrom, to: today }),
    getHistoryFigures(deps.db, principal.centerId, { from: addDays(today, -29), to: today, by: 'day' }),
    getCenter(deps.db, principal.centerId),
  ]);
  const ratingOfDay = new Map(days.rows.map((r) => [r.key, r]));
  const waitOfDay = new Map(waits.rows.map((r) => [r.key, r]));
  const region =
    main.isDepartment || principal.centerScope === null || principal.centerScope.length < 2
      ? []
      : await Promise.all(
          principal.centerScope.map(async (centerId) => ({
            centerId,
            centerName: (await getCenter(deps.db, centerId)).name,
            targets: centerId === principal.centerId ? main.targets : (await centerTargets(deps, { ...principal, centerId }, { from, to }, now)).targets,
          })),
        );
  return {
    generatedAt: now.toISOString(),
    from,
    to,
    scope: main.isDepartment ? 'department' : 'center',
    centerId: principal.centerId,
    centerName: center.name,
    departments: main.ratings.departments,
    targets: main.targets,
    now: {
      waiting: main.live.totals.waiting,
      countersOpen: main.live.totals.countersOpen,
      queues: main.live.queues.map((x) => ({ id: x.id, name: x.name, waiting: x.waiting, countersOpen: x.countersOpen, longestWaitMinutes: x.longestWaitMinutes })),
    },
    trends: {
      days: Array.from({ length: 30 }, (_, i) => addDays(today, i - 29)).map((date) => ({
        date,
        goodRate: ratingOfDay.get(date)?.goodRate ?? null,
        callbackRate: ratingOfDay.get(date)?.callbackRate ?? null,
        averageWaitMinutes: waitOfDay.get(date)?.averageWaitMinutes ?? null,
        tickets: waitOfDay.get(date)?.tickets ?? 0,
      })),
      months: months.rows.map((r) => ({ month: r.key ?? '', rated: r.rated, goodRate: r.goodRate, callbackRate: r.callbackRate })),
    },
    breakdowns: { department: bars(main.ratings), counter: bars(counter), clerk: bars(clerk), item: bars(item), channel: bars(channel) },
    region,
  };
}

/** The big screen's figures: the same, without the region (the hall shows its own center). */
export async function getScreen(deps: Deps, principal: StaffPrincipal, now = new Date()): Promise<CommandCenterDto> {
  return { ...(await getCommandCenter(deps, { ...principal, centerScope: principal.centerId ? [principal.centerId] : [] }, {}, now)), region: [] };
}
