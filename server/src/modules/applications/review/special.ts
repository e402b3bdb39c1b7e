import type { StaffPrincipal } from '../../../platform/auth/principal.ts';
import { AppError } from '../../../platform/errors.ts';
import { runAction, type ActionContext, type Performer, type ServiceDeps } from '../actions.ts';
import { dueDateOf } from './schedule.ts';
import * as reviewRepo from './repository.ts';

/**
 * 特别程序: expert review, hearing or on-site inspection. The promised clock stands still from
 * the day it starts, for at most the stated number of working days.
 */

export const SPECIAL_PROCEDURE_NAMES = { expert_review: '专家评审', hearing: '听证', inspection: '现场核查' } as const;

export async function startSpecialProcedure(
  deps: ServiceDeps,
  reviewer: StaffPrincipal,
  input: { id: string; version: number; kind: keyof typeof SPECIAL_PROCEDURE_NAMES; reason: string; maxDays: number; now?: Date },
) {
  await runAction(deps, { applicationId: input.id, action: 'start_special_procedure', performer: { kind: 'staff', principal: reviewer }, version: input.version, now: input.now }, async (ctx) => {
    const tasks = await reviewRepo.listTasks(ctx.tx, [ctx.app.id]);
    if (!tasks.some((t) => t.departmentId === reviewer.departmentId && (t.state === 'open' || t.state === 'taken'))) {
      throw new AppError('FORBIDDEN', '只有正在审查本办件的部门可以启动特别程序');
    }
    await reviewRepo.insertSpecialProcedure(ctx.tx, {
      applicationId: ctx.app.id,
      kind: input.kind,
      reason: input.reason,
      maxDays: input.maxDays,
      startedOn: ctx.today,
      startedAt: ctx.now,
      startedByName: reviewer.displayName,
    });
    return {
      to: 'special_procedure',
      patch: { pausedSince: ctx.today },
      note: `${SPECIAL_PROCEDURE_NAMES[input.kind]}（最长 ${input.maxDays} 个工作日，期间不计时）：${input.reason}`,
      detail: { kind: input.kind, maxDays: input.maxDays },
    };
  });
}

/** Ends the open procedure: by the reviewer with its outcome, or by the timer at its maximum. */
export async function endSpecialProcedure(deps: ServiceDeps, performer: Performer, input: { id: string; version?: number; outcome: string; now?: Date }) {
  await runAction(deps, { applicationId: input.id, action: 'end_special_procedure', performer, version: input.version, now: input.now }, async (ctx) => {
    const procedure = await reviewRepo.findOpenProcedure(ctx.tx, ctx.app.id);
    if (!procedure) throw new AppError('INVALID_STATE', '本办件没有进行中的特别程序');
    if (performer.kind === 'staff') {
      const tasks = await reviewRepo.listTasks(ctx.tx, [ctx.app.id]);
      if (!tasks.some((t) => t.departmentId === performer.principal.departmentId)) throw new AppError('FORBIDDEN', '只有审查本办件的部门可以结束特别程序');
    }
    return endWith(ctx, procedure, input.outcome);
  });
}

function endWith(ctx: ActionContext, procedure: reviewRepo.SpecialProcedureRow, outcome: string) {
  const paused = Math.min(ctx.calendar.countWorkingDays(procedure.startedOn, ctx.today), procedure.maxDays);
  const pausedDays = ctx.app.pausedDays + paused;
  return (async () => {
    await reviewRepo.endProcedure(ctx.tx, procedure.id, { endedOn: ctx.today, endedAt: ctx.now, endedByName: ctx.byName, outcome, pausedDays: paused });
    return {
      to: 'in_review' as const,
      patch: {
        pausedDays,
        pausedSince: null,
        dueDate: ctx.app.clockStartOn ? dueDateOf(ctx.calendar, ctx.app.clockStartOn, ctx.app.promisedDays, pausedDays) : ctx.app.dueDate,
      },
      note: `${SPECIAL_PROCEDURE_NAMES[procedure.kind]}结束，暂停 ${paused} 个工作日：${outcome}`,
      detail: { pausedDays: paused },
    };
  })();
}

/** Whether a procedure has reached its maximum by `today` (the timer ends it then). */
export function hasReachedMaximum(countWorkingDays: (from: string, to: string) => number, procedure: { startedOn: string; maxDays: number }, today: string): boolean {
  return countWorkingDays(procedure.startedOn, today) >= procedure.maxDays;
}
