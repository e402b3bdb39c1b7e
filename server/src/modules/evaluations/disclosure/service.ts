import { businessToday } from '../../../platform/calendar/working-days.ts';
import type { Db } from '../../../platform/db/database.ts';
import { listDepartments } from '../../staff/service.ts';
import { getCenter, listCounters } from '../../venue/service.ts';
import * as figuresRepo from '../figures/repository.ts';
import { labelOfTag } from '../ratings/questions.ts';
import type { DisclosureDto } from './contract.ts';
import * as repo from './repository.ts';

/** When a rectification has no public summary, the page says only this: the measures text is internal (it may name staff). */
const RECTIFIED_WITHOUT_SUMMARY = '已核实并完成整改';

/**
 * The public 评价公示 of a month (9.1): ratings by department and by counter (counts by level and
 * 好评率, excluded ratings left out), and the bad reviews rectified in the month with the option
 * tags chosen and the rectification's public summary. No personal data leaves: no rater's name,
 * phone or credit code, no comment (free text may carry any of them), no staff names.
 */
export async function getDisclosure(db: Db, centerId: string, q: { month?: string }, now = new Date()): Promise<DisclosureDto> {
  const center = await getCenter(db, centerId);
  const month = q.month ?? businessToday(now).slice(0, 7);
  const from = `${month}-01`;
  const to = lastDayOf(month);
  const period = { centerId, from, to, departmentIds: null };
  const [byDepartment, byCounter, rectified, first, departments, counters] = await Promise.all([
    figuresRepo.ratingCounts(db, period, 'department'),
    figuresRepo.ratingCounts(db, period, 'counter'),
    repo.rectifiedBetween(db, centerId, from, to),
    repo.firstRatedMonth(db, centerId),
    listDepartments(db, centerId),
    listCounters(db, centerId),
  ]);
  const departmentNames = new Map(departments.map((d) => [d.id, d.name]));
  const counterOf = new Map(counters.map((c) => [c.id, c]));
  return {
    center: { id: center.id, name: center.name },
    month,
    months: monthsBetween(first, businessToday(now).slice(0, 7), 24),
    totals: monthlyOf(totalOf(byDepartment)),
    departments: byDepartment
      .filter((r) => r.key !== null && r.rated > 0)
      .map((r) => ({ name: departmentNames.get(r.key!) ?? '', ...monthlyOf(r) }))
      .sort((a, b) => b.rated - a.rated || a.name.localeCompare(b.name, 'zh-CN')),
    counters: byCounter
      .filter((r) => r.key !== null && r.rated > 0 && counterOf.has(r.key))
      .map((r) => ({ number: counterOf.get(r.key!)!.number, name: counterOf.get(r.key!)!.name, ...monthlyOf(r) }))
      .sort((a, b) => Number(a.number) - Number(b.number) || a.number.localeCompare(b.number)),
    rectified: rectified.map((r) => ({
      ratedOn: r.ratedOn,
      rectifiedOn: r.rectifiedOn,
      departmentName: r.departmentId ? (departmentNames.get(r.departmentId) ?? '') : '',
      itemName: r.itemName,
      level: r.level,
      tags: r.tags.map((code) => labelOfTag(r.questionSet, code)),
      measures: r.publicSummary.trim() || RECTIFIED_WITHOUT_SUMMARY,
    })),
  };
}

function monthlyOf(r: figuresRepo.RatingCounts | undefined) {
  const rated = r?.rated ?? 0;
  const good = (r?.l5 ?? 0) + (r?.l4 ?? 0);
  return {
    rated,
    levels: { 5: r?.l5 ?? 0, 4: r?.l4 ?? 0, 3: r?.l3 ?? 0, 2: r?.l2 ?? 0, 1: r?.l1 ?? 0 },
    goodRate: rated > 0 ? Math.round((good / rated) * 1000) / 1000 : null,
  };
}

/** Departments are disjoint (ratings without one form their own group), so the month's totals are their sum. */
function totalOf(rows: figuresRepo.RatingCounts[]): figuresRepo.RatingCounts | undefined {
  if (rows.length === 0) return undefined;
  const sum = (key: 'rated' | 'l5' | 'l4' | 'l3' | 'l2' | 'l1') => rows.reduce((n, r) => n + r[key], 0);
  return { ...rows[0]!, rated: sum('rated'), l5: sum('l5'), l4: sum('l4'), l3: sum('l3'), l2: sum('l2'), l1: sum('l1') };
}

/** The months from the first rated one to this one, newest first, at most `limit`. */
function monthsBetween(first: string | null, current: string, limit: number): string[] {
  if (!first) return [];
  const months: string[] = [];
  let [y, m] = current.split('-').map(Number) as [number, number];
  while (months.length < limit) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month < first) break;
    months.push(month);
    if (--m === 0) [y, m] = [y - 1, 12];
  }
  return months;
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
}
