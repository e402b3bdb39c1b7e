import type { z } from 'zod';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { invalidField } from '../../platform/errors.ts';
import type { figuresDto, requestListQuery } from './contract.ts';
import * as repo from './repository.ts';
import { AGENCY_CHANNELS } from './tables.ts';
import { ownCenter, toSummary } from './views.ts';
import { OPEN_STATES } from './workflow.ts';

/** The agent's lists, home card and the figures of 6.2.1 (requests, in progress, done, days taken, satisfaction). */

const AWAITING_FOLLOW_UP = ['done', 'confirmed'] as const;

export async function listRequests(db: DbOrTx, principal: StaffPrincipal, query: z.output<typeof requestListQuery>) {
  const rows = await repo.listRequests(db, {
    centers: ownCenter(principal),
    state: query.state,
    agentId: query.mine === '1' ? principal.id : undefined,
    states: query.followUpDue === '1' ? AWAITING_FOLLOW_UP : undefined,
    q: query.q || undefined,
  });
  if (query.followUpDue === '1') rows.sort((a, b) => (a.followUpDue ?? '').localeCompare(b.followUpDue ?? ''));
  return { items: rows.map(toSummary), total: rows.length };
}

/** 我的代办: requests made today, the agent's open ones (and those nobody took yet), follow-ups due, soonest first. */
export async function agencyHome(db: DbOrTx, principal: StaffPrincipal, now = new Date()) {
  const centers = ownCenter(principal);
  const today = businessToday(now);
  const [todays, open, due] = [
    await repo.listRequests(db, { centers, requestedOn: today }, 50),
    await repo.listRequests(db, { centers, states: OPEN_STATES }, 200),
    await repo.listRequests(db, { centers, states: AWAITING_FOLLOW_UP }, 200),
  ];
  const mine = open.filter((r) => r.agentId === principal.id || r.agentId === null);
  const dueFirst = due.filter((r) => r.agentId === principal.id || principal.permissions.has('agency.manage')).sort((a, b) => (a.followUpDue ?? '').localeCompare(b.followUpDue ?? ''));
  return { today: todays.map(toSummary), open: mine.map(toSummary), followUpsDue: dueFirst.map(toSummary) };
}

export async function agencyFigures(db: DbOrTx, principal: StaffPrincipal, query: { from?: string; to?: string }, now = new Date()): Promise<z.infer<typeof figuresDto>> {
  const to = query.to ?? businessToday(now);
  const from = query.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalidField('from', '开始日期不能晚于结束日期');
  const rows = await repo.requestsBetween(db, ownCenter(principal), from, to);
  const finished = rows.filter((r) => r.state === 'done' || r.state === 'confirmed' || r.state === 'followed_up');
  const days = finished.map((r) => r.daysTaken).filter((d): d is number => d !== null);
  const rated = rows.map((r) => r.satisfaction).filter((s): s is number => s !== null);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    from,
    to,
    requests: rows.length,
    inProgress: rows.filter((r) => r.state === 'accepted' || r.state === 'signed' || r.state === 'in_progress').length,
    done: finished.length,
    declined: rows.filter((r) => r.state === 'declined' || r.state === 'withdrawn').length,
    averageDays: days.length ? round(days.reduce((a, b) => a + b, 0) / days.length) : null,
    followedUp: rows.filter((r) => r.state === 'followed_up').length,
    averageSatisfaction: rated.length ? round(rated.reduce((a, b) => a + b, 0) / rated.length) : null,
    satisfiedRate: rated.length ? round((rated.filter((s) => s >= 4).length / rated.length) * 100) : null,
    byChannel: AGENCY_CHANNELS.map((channel) => ({ channel, count: rows.filter((r) => r.channel === channel).length })),
  };
}
