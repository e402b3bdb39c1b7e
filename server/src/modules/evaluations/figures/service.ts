import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { addDays, businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { invalidField } from '../../../platform/errors.ts';
import { listStaff } from '../../staff/service.ts';
import { listCounters } from '../../venue/service.ts';
import type { FiguresDto, FiguresGroup, FiguresQuery, FiguresRow, PendingCallback } from './contract.ts';
import * as repo from './repository.ts';
import { figuresScope } from './scope.ts';
import { rolledRatingCounts, rolledServiceCounts } from './rollups.ts';

/** Labels of the rating channels, for the figures by channel and the export. */
export const CHANNEL_LABELS: Record<string, string> = {
  evaluator: '窗口评价器',
  qr: '扫码评价',
  sms: '短信评价',
  portal: '网上评价',
  kiosk: '自助终端',
  phone: '电话回访',
  default: '默认好评（逾期未评）',
};

const PENDING_LIMIT = 500;

/**
 * 好差评 figures of a period, grouped as asked. Definitions (what a manager can defend):
 * - ratings count in the period of their rating time (Asia/Shanghai dates); default 基本满意
 *   ratings count among the ratings (Guangdong's rule) and in 好评率's denominator;
 * - 好评率 = levels 4–5 / ratings, 差评率 = levels 1–2 / ratings, 主动评价好评率 = levels 4–5
 *   among the ratings actually given (not default);
 * - 主动评价率 and 未评价率 are over the SERVICES FINISHED in the period — tickets done (service
 *   ended in the period) and top-level applications delivered, or decided when never delivered —
 *   whatever the time of their rating: 主动评价率 = rated by the person served / finished;
 *   未评价率 = (recorded 基本满意 by default + still unrated although the rating period is over) /
 *   finished. Services still inside their rating period are counted as awaiting, so that
 *   主动评价率 + 未评价率 + awaiting share + excluded share = 100 %;
 * - the callback rate = real-name bad reviews whose callback is made (the rater reached, or the
 *   attempts the callbacks part counts as enough) / real-name bad
 *   reviews; the rectification rate = real-name bad reviews whose callback is finished (verified
 *   unfounded, rectification done, or closed) / real-name bad reviews; target 100 %, and every
 *   review that keeps either below it is listed;
 * - average time to callback = rating → first contact that reached the rater, in hours (for a rater
 *   never reached, the attempt the callbacks part counts as the callback made);
 * - ratings excluded by an upheld appeal are left out of every rate and counted on their own.
 * Figures by channel have no 主动评价率 (a service not rated has no channel).
 */
export async function getFigures(db: Db, principal: StaffPrincipal, q: FiguresQuery, now = new Date()): Promise<FiguresDto> {
  const today = businessToday(now);
  const to = q.to ?? today;
  const from = q.from ?? addDays(to, -29);
  if (from > to) throw invalidField('from', '开始日期不能晚于结束日期');
  if (addDays(from, 366) < to) throw invalidField('from', '统计期间不能超过一年');
  const scope = await figuresScope(db, principal, q.departmentId);
  const period: repo.Period = { centerId: scope.centerId, from, to, departmentIds: scope.departmentIds };
  const groupBy = q.groupBy;
  const periodDays = await repo.ratingPeriodDays(db, scope.centerId);
  const [byRating, byService, pendingRows, labels] = await Promise.all([
    rolledRatingCounts(db, period, groupBy),
    rolledServiceCounts(db, period, groupBy, periodDays, now),
    repo.pendingCallbacks(db, period, PENDING_LIMIT),
    labelsOf(db, scope.centerId, groupBy),
  ]);
  for (const d of scope.departments) labels.set(d.id, d.name);
  const keys = new Set<string | null>([...byRating.map((r) => r.key), ...(groupBy === 'channel' ? [] : byService.map((s) => s.key))]);
  const rows = [...keys]
    .map((key) => {
      const r = byRating.find((x) => x.key === key);
      const s = byService.find((x) => x.key === key);
      return { key, label: labelOf(groupBy, key, labels, r?.label ?? s?.label ?? null), ...rowOf(r, groupBy === 'channel' ? undefined : s) };
    })
    .sort((a, b) => (isTimeGroup(groupBy) ? (a.key ?? '').localeCompare(b.key ?? '') : b.rated - a.rated || a.label.localeCompare(b.label, 'zh-CN')));
  const counterNumbers = await counterNumbersOf(db, scope.centerId);
  const pending: PendingCallback[] = pendingRows.map((p) => {
    const reason = p.callbackId === null ? 'no_callback' : p.isContacted ? 'not_closed' : 'not_contacted';
    const due = reason === 'not_contacted' ? p.contactDueOn : p.finishDueOn;
    return {
      ratingId: p.ratingId,
      callbackId: p.callbackId,
      reason,
      state: p.state,
      level: p.level,
      ratedAt: new Date(p.ratedAt).toISOString(),
      departmentId: p.departmentId,
      departmentName: p.departmentId ? (labels.get(p.departmentId) ?? '') : '',
      counterNumber: p.counterId ? (counterNumbers.get(p.counterId) ?? '') : '',
      itemName: p.itemName,
      contactDueOn: p.contactDueOn,
      finishDueOn: p.finishDueOn,
      isOverdue: reason === 'no_callback' || (due !== null && due < today),
    };
  });
  return {
    from,
    to,
    groupBy,
    isCenterWide: scope.departmentIds === null,
    departments: scope.departments,
    ratingPeriodDays: periodDays,
    target: 1,
    // Every group is disjoint, so the totals are the sums of the groups (the channel grouping has no services).
    totals: rowOf(sumOf(byRating), groupBy === 'channel' ? (await rolledServiceCounts(db, period, 'center', periodDays, now))[0] : sumOf(byService)),
    rows,
    pending,
  };
}

function rowOf(r: repo.RatingCounts | undefined, s: repo.ServiceCounts | undefined): FiguresRow {
  const rated = r?.rated ?? 0;
  const active = r?.active ?? 0;
  const realNameBad = r?.realNameBad ?? 0;
  const finished = s?.finished ?? 0;
  const defaulted = s?.defaulted ?? 0;
  const unratedPastPeriod = s?.unratedPastPeriod ?? 0;
  return {
    rated,
    levels: { 5: r?.l5 ?? 0, 4: r?.l4 ?? 0, 3: r?.l3 ?? 0, 2: r?.l2 ?? 0, 1: r?.l1 ?? 0 },
    goodRate: ratio((r?.l5 ?? 0) + (r?.l4 ?? 0), rated),
    badRate: ratio((r?.l2 ?? 0) + (r?.l1 ?? 0), rated),
    activeGoodRate: ratio(r?.activeGood ?? 0, active),
    excluded: r?.excluded ?? 0,
    anonymousBad: r?.anonymousBad ?? 0,
    realNameBad,
    calledBack: r?.calledBack ?? 0,
    callbackRate: ratio(r?.calledBack ?? 0, realNameBad),
    rectified: r?.rectified ?? 0,
    rectificationRate: ratio(r?.rectified ?? 0, realNameBad),
    avgCallbackHours: r && r.callbackHoursCount > 0 && r.callbackHoursSum !== null ? Math.round((r.callbackHoursSum / r.callbackHoursCount) * 10) / 10 : null,
    finished,
    activelyRated: s?.activelyRated ?? 0,
    activeRate: s ? ratio(s.activelyRated, finished) : null,
    defaulted,
    unratedPastPeriod,
    awaitingRating: s?.awaitingRating ?? 0,
    unratedRate: s ? ratio(defaulted + unratedPastPeriod, finished) : null,
  };
}

/** Adds up the numeric fields of grouped counts (undefined when there is no group). */
function sumOf<T extends { key: string | null; label: string | null }>(rows: T[]): T | undefined {
  if (rows.length === 0) return undefined;
  const sum: Record<string, unknown> = { key: null, label: null };
  for (const row of rows) {
    for (const [k, v] of Object.entries(row)) {
      if (typeof v === 'number') sum[k] = ((sum[k] as number | undefined) ?? 0) + v;
      else if (v === null && !(k in sum)) sum[k] = null;
    }
  }
  return sum as T;
}

const ratio = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 1000 : null);
const isTimeGroup = (g: FiguresGroup) => g === 'day' || g === 'month';

async function labelsOf(db: Db, centerId: string, groupBy: FiguresGroup): Promise<Map<string, string>> {
  if (groupBy === 'counter') return new Map((await listCounters(db, centerId)).map((c) => [c.id, `${c.number} 号窗口 ${c.name}`]));
  if (groupBy === 'staff') return new Map((await listStaff(db, { centerId })).map((s) => [s.id, s.staffNumber ? `${s.displayName}（${s.staffNumber}）` : s.displayName]));
  return new Map();
}

async function counterNumbersOf(db: Db, centerId: string): Promise<Map<string, string>> {
  return new Map((await listCounters(db, centerId)).map((c) => [c.id, c.number]));
}

function labelOf(groupBy: FiguresGroup, key: string | null, labels: Map<string, string>, fallback: string | null): string {
  if (groupBy === 'center') return '全中心';
  if (groupBy === 'channel') return key ? (CHANNEL_LABELS[key] ?? key) : '—';
  if (isTimeGroup(groupBy)) return key ?? '';
  if (key === null) return { department: '未关联部门', counter: '非窗口办理', staff: '未关联人员', item: '未关联事项' }[groupBy] ?? '—';
  return labels.get(key) ?? (groupBy === 'item' && fallback ? `${fallback}（${key}）` : key);
}
