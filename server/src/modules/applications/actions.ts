import type { Config } from '../../config.ts';
import type { StaffPrincipal } from '../../platform/auth/principal.ts';
import { loadCalendar, type Calendar } from '../../platform/calendar/service.ts';
import { businessToday } from '../../platform/calendar/working-days.ts';
import type { Db, Tx } from '../../platform/db/database.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { APPLICATION_FINISHED, type ApplicationFinished } from '../../platform/events/domain.ts';
import { enqueue, enqueueMany } from '../../platform/outbox/service.ts';
import * as repo from './repository.ts';
import { ACTIONS, type Actor, type ApplicationAction, type ApplicationState } from './workflow/definition.ts';
import { requireTransition, workflowKindOf } from './workflow/transition.ts';
import type { WorkflowKind } from './workflow/definition.ts';
import { isCenterInScope } from '../../platform/auth/principal.ts';
import type { DbOrTx } from '../../platform/db/database.ts';
import { receivedAtPoint } from '../venue/points/service.ts';

/**
 * Every action on an application runs here, as one transaction: the row is locked and its
 * version and state re-checked, the workflow is asked whether the action is allowed, the change
 * is written with a timeline entry, and a finished application (delivered or declined) publishes
 * `application.finished` for after the commit.
 */

export type ServiceDeps = { db: Db; config: Config };

/** Who acts: a staff member (by their principal), the applicant enterprise online, or the system (a timer, a bundle's aggregation). */
export type Performer =
  | { kind: 'staff'; principal: StaffPrincipal }
  | { kind: 'enterprise'; enterpriseId: string; name: string }
  | { kind: 'system'; name?: string };

export const SYSTEM: Performer = { kind: 'system' };

export type ActionContext = {
  tx: Tx;
  deps: ServiceDeps;
  app: repo.ApplicationRow;
  kind: WorkflowKind;
  actor: Actor;
  performer: Performer;
  /** the performer's name as the timeline shows it */
  byName: string;
  now: Date;
  today: string;
  calendar: Calendar;
};

export type ActionOutcome<T> = {
  to: ApplicationState | 'unchanged';
  patch?: repo.ApplicationPatch;
  /** an opinion or reason, as a person reads it (never personal data) */
  note?: string;
  detail?: Record<string, unknown>;
  departmentId?: string | null;
  result?: T;
};

export type ActionInput = {
  applicationId: string;
  action: ApplicationAction;
  performer: Performer;
  /** the version the person saw; omitted for system actions and material records */
  version?: number;
  now?: Date;
};

export const staleApplication = () =>
  new AppError('STALE_VERSION', '该办件已被他人处理或修改，请刷新后重试', [{ field: 'version', message: '版本已过期' }]);

export async function runAction<T>(deps: ServiceDeps, input: ActionInput, body: (ctx: ActionContext) => Promise<ActionOutcome<T>>): Promise<T | undefined> {
  return deps.db.transaction((tx) => applyAction(tx, deps, input, body));
}

/** The same, inside a transaction the caller already holds (cascades from a child to its bundle). */
export async function applyAction<T>(
  tx: Tx,
  deps: ServiceDeps,
  input: ActionInput,
  body: (ctx: ActionContext) => Promise<ActionOutcome<T>>,
): Promise<T | undefined> {
  const app = await repo.lockApplication(tx, input.applicationId);
  if (!app) throw notFound('办件');
  if (input.version !== undefined && input.version !== app.version) throw staleApplication();
  const kind = workflowKindOf(app);
  const state = app.state as ApplicationState;
  const actor = actorFor(input.performer, input.action);
  const checkTarget = requireTransition(kind, state, input.action, actor);
  const now = input.now ?? new Date();
  const ctx: ActionContext = {
    tx,
    deps,
    app,
    kind,
    actor,
    performer: input.performer,
    byName: nameOf(input.performer),
    now,
    today: businessToday(now),
    calendar: await loadCalendar(tx),
  };
  if (input.performer.kind === 'staff') await assertSameCenter(tx, input.performer.principal, app);
  const outcome = await body(ctx);
  const to = checkTarget(outcome.to === 'unchanged' ? state : outcome.to);
  await repo.updateApplication(tx, app.id, { ...outcome.patch, state: to, updatedAt: now });
  await recordEvent(ctx, { action: input.action, from: state, to, note: outcome.note, detail: outcome.detail, departmentId: outcome.departmentId });
  // 一事一评: a finished application (delivered, or declined) becomes rateable; a bundle's members are rated with it.
  if (to !== state && (to === 'delivered' || to === 'declined') && kind !== 'child') await publishFinished(tx, app, to, now);
  return outcome.result;
}

type FinishedApplication = Pick<
  repo.ApplicationRow,
  'id' | 'centerId' | 'number' | 'code' | 'name' | 'departmentId' | 'firstHandlerId' | 'ticketId' | 'channel' | 'uscc' | 'applicantName' | 'phoneCipher' | 'phoneMasked' | 'receivedAt'
>;

function applicationFinishedOf(app: FinishedApplication, outcome: 'delivered' | 'declined', finishedAt: Date): ApplicationFinished {
  return {
    applicationId: app.id,
    centerId: app.centerId,
    number: app.number,
    outcome,
    itemCode: app.code,
    itemName: app.name,
    departmentId: app.departmentId,
    staffId: app.firstHandlerId,
    ticketId: app.ticketId,
    channel: app.channel,
    uscc: app.uscc,
    applicantName: app.applicantName,
    phoneCipher: app.phoneCipher,
    phoneMasked: app.phoneMasked,
    receivedAt: app.receivedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
  };
}

async function publishFinished(tx: Tx, app: FinishedApplication, outcome: 'delivered' | 'declined', now: Date): Promise<void> {
  await enqueue(tx, { topic: APPLICATION_FINISHED, dedupeKey: `application-finished:${app.id}`, payload: applicationFinishedOf(app, outcome, now) });
}

/** Applications loaded already finished (the demo's history): each publishes `application.finished` like a live one. */
export async function publishFinishedApplications(tx: Tx, apps: (FinishedApplication & { outcome: 'delivered' | 'declined'; finishedAt: Date })[]): Promise<void> {
  await enqueueMany(
    tx,
    apps.map((a) => ({ topic: APPLICATION_FINISHED, dedupeKey: `application-finished:${a.id}`, payload: applicationFinishedOf(a, a.outcome, a.finishedAt) })),
  );
}

/** A timeline entry, in the caller's transaction. */
export async function recordEvent(
  ctx: Pick<ActionContext, 'tx' | 'app' | 'performer' | 'byName' | 'now'>,
  e: { action: ApplicationAction; from: ApplicationState | null; to: ApplicationState; note?: string; detail?: Record<string, unknown>; departmentId?: string | null },
): Promise<number> {
  const principal = ctx.performer.kind === 'staff' ? ctx.performer.principal : null;
  const enterpriseId = ctx.performer.kind === 'enterprise' ? ctx.performer.enterpriseId : null;
  const eventId = await repo.insertEvent(ctx.tx, {
    applicationId: ctx.app.id,
    action: e.action,
    fromState: e.from,
    toState: e.to,
    at: ctx.now,
    actorType: principal ? 'staff' : enterpriseId ? 'enterprise' : 'system',
    actorId: principal?.id ?? enterpriseId,
    actorName: ctx.byName,
    departmentId: e.departmentId !== undefined ? e.departmentId : (principal?.departmentId ?? null),
    note: e.note ?? '',
    detail: e.detail ?? {},
  });
  return eventId;
}

/** The actor a performer acts as for this action: the first of the action's actors they hold. */
export function actorFor(performer: Performer, action: ApplicationAction): Actor {
  if (performer.kind === 'system') return 'system';
  if (performer.kind === 'enterprise') return 'applicant';
  const actors = ACTIONS[action].actors;
  const held = actors.find((a) => a !== 'system' && a !== 'applicant' && performer.principal.permissions.has(a));
  // No matching permission: the workflow refuses with the action's name (403).
  return held ?? (actors.find((a) => a !== 'system' && a !== 'applicant') ?? 'application.intake');
}

/** The actors a staff member holds (for the actions a page offers). */
export function actorsOf(principal: StaffPrincipal): Actor[] {
  const all: Actor[] = ['application.intake', 'application.review', 'application.department', 'application.deliver', 'application.approve_second_supplement'];
  return all.filter((a) => principal.permissions.has(a as never));
}

export function nameOf(performer: Performer): string {
  switch (performer.kind) {
    case 'staff':
      return performer.principal.displayName;
    case 'enterprise':
      return performer.name;
    case 'system':
      return performer.name ?? '系统';
  }
}

/** The application's center, or the nearby service point that received it (6.3.5 委托受理). */
async function assertSameCenter(tx: DbOrTx, principal: StaffPrincipal, app: repo.ApplicationRow) {
  if (isCenterInScope(principal, app.centerId)) return;
  if (app.channel === 'nearby' && (await receivedAtPoint(tx, app.parentId ?? app.id, principal.centerId))) return;
  throw new AppError('FORBIDDEN', '只能处理本中心的办件');
}
