import { AppError } from '../../../platform/errors.ts';
import {
  ACTIONS,
  APPLICATION_ACTIONS,
  APPLICATION_WORKFLOW,
  type Actor,
  type ApplicationAction,
  type ApplicationState,
  type WorkflowKind,
} from './definition.ts';

/** The workflow kind of a stored application. */
export function workflowKindOf(app: { kind: 'item' | 'bundle'; parentId: string | null }): WorkflowKind {
  if (app.kind === 'bundle') return 'bundle';
  return app.parentId ? 'child' : 'single';
}

export type TransitionCheck =
  | { ok: true; to: readonly ApplicationState[] | 'unchanged' }
  | { ok: false; reason: 'kind' | 'state' | 'actor'; message: string };

/** Whether `actor` may take `action` on an application of this kind in this state, and where it may lead. */
export function checkTransition(kind: WorkflowKind, state: ApplicationState | null, action: ApplicationAction, actor: Actor): TransitionCheck {
  const info = ACTIONS[action];
  if (!info.kinds.includes(kind)) {
    return { ok: false, reason: 'kind', message: `${KIND_NAMES[kind]}不能执行“${info.label}”` };
  }
  return APPLICATION_WORKFLOW.check(state, action, actor);
}

/**
 * Throws a 409 (wrong state or kind) or 403 (wrong actor) when the action is not allowed;
 * otherwise returns a function that checks the state the service chose is one the action may reach.
 */
export function requireTransition(kind: WorkflowKind, state: ApplicationState | null, action: ApplicationAction, actor: Actor) {
  const check = checkTransition(kind, state, action, actor);
  if (!check.ok) throw new AppError(check.reason === 'actor' ? 'FORBIDDEN' : 'INVALID_STATE', check.message);
  return APPLICATION_WORKFLOW.require(state, action, actor, (refusal) => new AppError(refusal.code, refusal.message));
}

/** The actions a person with these actors could take now (for the buttons a page shows). */
export function availableActions(kind: WorkflowKind, state: ApplicationState, actors: readonly Actor[]): ApplicationAction[] {
  return APPLICATION_ACTIONS.filter((action) => actors.some((actor) => checkTransition(kind, state, action, actor).ok));
}

const KIND_NAMES: Record<WorkflowKind, string> = { single: '单事项办件', bundle: '一件事办件', child: '一件事的子办件' };
