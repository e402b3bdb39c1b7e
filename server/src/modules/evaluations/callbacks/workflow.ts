import { AppError } from '../../../platform/errors.ts';
import { defineWorkflow } from '../../../platform/workflow/define.ts';

/**
 * The callback of a real-name bad review (9.1.2), declared as data: its states, the actions on
 * it, and where each may lead. The service changes a state only through `requireTransition`.
 *
 *   open ──contact reached (or the 3rd unreached attempt)──▶ contacted ──verify──▶ verified ──rectify──▶ rectifying ──close──▶ closed
 *     (unreached attempts keep it open)    └─ unfounded ──────────────────────────────────────▶ closed
 *   an upheld appeal closes it from any state (the rating is excluded from the figures).
 */

export const CALLBACK_STATES = ['open', 'contacted', 'verified', 'rectifying', 'closed'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

export const VERDICTS = ['founded', 'partly_founded', 'unfounded'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const CALLBACK_ACTIONS = ['record_contact', 'verify', 'rectify', 'add_evidence', 'mark_done', 're_rate', 'close', 'exclude'] as const;
export type CallbackAction = (typeof CALLBACK_ACTIONS)[number];

/** staff take an action from the callback page; the system's come from another part (an appeal) */
export type CallbackActor = 'staff' | 'system';

export type ActionInfo = {
  label: string;
  from: readonly CallbackState[];
  /** every state the action may lead to (the service picks one by the facts); 'unchanged': the state stays */
  to: readonly CallbackState[] | 'unchanged';
  actors: readonly CallbackActor[];
};

export const STATE_LABELS: Record<CallbackState, string> = {
  open: '待回访',
  contacted: '已回访待核实',
  verified: '已核实待整改',
  rectifying: '整改中',
  closed: '已办结',
};

export const VERDICT_LABELS: Record<Verdict, string> = { founded: '属实', partly_founded: '部分属实', unfounded: '不属实' };

const NOT_CLOSED: readonly CallbackState[] = ['open', 'contacted', 'verified', 'rectifying'];

export const CALLBACK_WORKFLOW = defineWorkflow<CallbackState, CallbackAction, CallbackActor, { label: string }, ActionInfo>({
  name: 'callback',
  states: {
    open: { label: STATE_LABELS.open },
    contacted: { label: STATE_LABELS.contacted },
    verified: { label: STATE_LABELS.verified },
    rectifying: { label: STATE_LABELS.rectifying },
    closed: { label: STATE_LABELS.closed },
  },
  actions: {
    // Further calls after the first are kept too (the timeline shows every attempt).
    record_contact: { label: '登记回访', from: NOT_CLOSED, to: ['open', 'contacted', 'verified', 'rectifying'], actors: ['staff'] },
    verify: { label: '核实', from: ['contacted'], to: ['verified', 'closed'], actors: ['staff'] },
    rectify: { label: '登记整改', from: ['verified'], to: ['rectifying'], actors: ['staff'] },
    add_evidence: { label: '上传整改佐证', from: ['rectifying'], to: 'unchanged', actors: ['staff'] },
    mark_done: { label: '整改完成', from: ['rectifying'], to: 'unchanged', actors: ['staff'] },
    re_rate: { label: '登记整改后再评价', from: ['rectifying'], to: 'unchanged', actors: ['staff'] },
    close: { label: '办结', from: ['rectifying'], to: ['closed'], actors: ['staff'] },
    exclude: { label: '申诉成立，评价剔除', from: NOT_CLOSED, to: ['closed'], actors: ['system'] },
  },
  // who acts is checked by the routes' permissions; the workflow checks the state
  order: ['state'],
  refuse: {
    actor: (action) => `不能${action.label}`,
    state: (state, action, states) => `回访当前为“${states[state!].label}”，不能${action.label}`,
  },
});

export const ACTIONS = CALLBACK_WORKFLOW.actions;

/**
 * After this many unreached attempts the callback counts as made (三次联系未果视为已回访): a rater
 * who never answers must not hold the department's rectification rate below 100 % for ever; the
 * department then verifies the review from its own records.
 */
export const UNREACHED_ATTEMPTS_LIMIT = 3;

/**
 * Where a contact leaves the callback: the first reached one moves an open callback on, and so
 * does the last of UNREACHED_ATTEMPTS_LIMIT unreached ones (`unreachedSoFar` counts this one too).
 */
export function stateAfterContact(state: CallbackState, isReached: boolean, unreachedSoFar = 0): CallbackState {
  if (state !== 'open') return state;
  return isReached || unreachedSoFar >= UNREACHED_ATTEMPTS_LIMIT ? 'contacted' : state;
}

/** An unfounded review needs no rectification: the callback ends at verification. */
export function stateAfterVerdict(verdict: Verdict): CallbackState {
  return verdict === 'unfounded' ? 'closed' : 'verified';
}

export function checkTransition(state: CallbackState, action: CallbackAction): { ok: true } | { ok: false; message: string } {
  const check = CALLBACK_WORKFLOW.check(state, action);
  return check.ok ? { ok: true } : { ok: false, message: check.message };
}

/**
 * Throws INVALID_STATE (409) when the action is not open in this state; otherwise returns a
 * check that the state the service chose is one the action may reach.
 */
export function requireTransition(state: CallbackState, action: CallbackAction) {
  return CALLBACK_WORKFLOW.require(state, action, undefined, (refusal) => new AppError(refusal.code, refusal.message, [{ field: 'state', message: refusal.message }]));
}

/** The staff actions open in a state (the buttons the detail page shows; the service still checks the facts). */
export function availableActions(state: CallbackState): CallbackAction[] {
  return CALLBACK_ACTIONS.filter((a) => CALLBACK_WORKFLOW.check(state, a, 'staff').ok && CALLBACK_WORKFLOW.actions[a].actors.includes('staff'));
}
