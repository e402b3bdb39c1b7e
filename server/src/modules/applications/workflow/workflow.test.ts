import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors.ts';
import {
  ACTIONS,
  APPLICATION_ACTIONS,
  APPLICATION_KINDS,
  APPLICATION_STATES,
  STATES,
  TIMERS,
  type Actor,
  type ApplicationState,
  type WorkflowKind,
} from './definition.ts';
import { availableActions, checkTransition, requireTransition } from './transition.ts';

const ACTORS: Actor[] = ['applicant', 'application.intake', 'application.review', 'application.department', 'application.deliver', 'application.approve_second_supplement', 'system'];

describe('the application workflow', () => {
  it('answers every state × action × kind × actor exactly as declared', () => {
    let allowed = 0;
    for (const kind of APPLICATION_KINDS) {
      for (const state of APPLICATION_STATES) {
        for (const action of APPLICATION_ACTIONS) {
          for (const actor of ACTORS) {
            const info = ACTIONS[action];
            const expected = info.kinds.includes(kind) && info.from !== null && info.from.includes(state) && info.actors.includes(actor);
            const check = checkTransition(kind, state, action, actor);
            expect(check.ok, `${kind} ${state} ${action} ${actor}`).toBe(expected);
            if (!check.ok) {
              let thrown: unknown;
              try {
                requireTransition(kind, state, action, actor);
              } catch (err) {
                thrown = err;
              }
              expect(thrown).toBeInstanceOf(AppError);
              expect((thrown as AppError).status).toBe(check.reason === 'actor' ? 403 : 409);
              expect((thrown as AppError).userMessage).toContain(info.label);
            } else {
              allowed += 1;
            }
          }
        }
      }
    }
    expect(allowed).toBeGreaterThan(50);
  });

  it('lets a chosen target through only when the action declares it', () => {
    const toAccepted = requireTransition('single', 'received', 'accept', 'application.intake');
    expect(toAccepted('in_review')).toBe('in_review');
    expect(() => toAccepted('approved')).toThrow(/cannot lead/);
    const unchanged = requireTransition('single', 'in_review', 'take', 'application.review');
    expect(unchanged('in_review')).toBe('in_review');
    expect(() => unchanged('approved')).toThrow(/cannot lead/);
  });

  it('creates applications only through receive, which no existing application can take', () => {
    for (const action of APPLICATION_ACTIONS) expect(ACTIONS[action].from === null).toBe(action === 'receive');
    expect(checkTransition('single', null, 'receive', 'application.intake').ok).toBe(true);
    expect(checkTransition('child', null, 'receive', 'application.intake').ok).toBe(false);
    expect(checkTransition('single', null, 'accept', 'application.intake').ok).toBe(false);
  });

  it('reaches every state from receipt, and every state that is not terminal has a way out', () => {
    for (const kind of APPLICATION_KINDS) {
      const start: ApplicationState[] = ['received'];
      const seen = new Set<ApplicationState>(start);
      for (let grew = true; grew; ) {
        grew = false;
        for (const action of APPLICATION_ACTIONS) {
          const info = ACTIONS[action];
          if (!info.kinds.includes(kind) || info.from === null || info.to === 'unchanged') continue;
          if (!info.from.some((s) => seen.has(s))) continue;
          for (const to of info.to) {
            if (seen.has(to)) continue;
            seen.add(to);
            grew = true;
          }
        }
      }
      const expectedStates = REACHABLE[kind];
      expect([...seen].sort(), kind).toEqual([...expectedStates].sort());
      for (const state of seen) {
        if (STATES[state].isTerminal) continue;
        const exits = APPLICATION_ACTIONS.filter((a) => {
          const info = ACTIONS[a];
          return info.kinds.includes(kind) && info.from?.includes(state) && info.to !== 'unchanged' && info.to.some((to) => to !== state);
        });
        expect(exits.length, `${kind} ${state} needs a way out`).toBeGreaterThan(0);
      }
    }
  });

  it('never leaves a terminal state except through the commitment check', () => {
    for (const action of APPLICATION_ACTIONS) {
      const info = ACTIONS[action];
      for (const from of info.from ?? []) {
        if (STATES[from].isTerminal && info.to !== 'unchanged') expect(['verify_commitment', 'find_false_commitment']).toContain(action);
      }
    }
  });

  it('gives every timer an action a timer may take in the states it watches', () => {
    for (const timer of Object.values(TIMERS)) {
      for (const kind of timer.kinds) for (const state of timer.states) expect(checkTransition(kind, state, timer.action, 'system').ok, `${timer.label} ${kind} ${state}`).toBe(true);
    }
  });

  it('offers a clerk intake decisions on a received application and a reviewer none', () => {
    expect(availableActions('single', 'received', ['application.intake'])).toEqual(
      expect.arrayContaining(['record_material', 'accept', 'accept_with_deferral', 'request_supplement', 'decline']),
    );
    expect(availableActions('single', 'received', ['application.review'])).toEqual([]);
    expect(availableActions('child', 'in_review', ['application.review'])).toEqual(['take', 'approve', 'reject', 'return_for_supplement', 'start_special_procedure']);
  });
});

const REACHABLE: Record<WorkflowKind, ApplicationState[]> = {
  single: [
    'received',
    'awaiting_supplement',
    'supplement_approval',
    'declined',
    'in_review',
    'review_supplement',
    'special_procedure',
    'lead_decision',
    'approved',
    'rejected',
    'delivering',
    'delivered',
    'stopped',
    'revoked',
  ],
  bundle: ['received', 'awaiting_supplement', 'supplement_approval', 'declined', 'in_review', 'lead_decision', 'approved', 'rejected', 'delivering', 'delivered', 'stopped'],
  child: ['received', 'declined', 'in_review', 'review_supplement', 'supplement_approval', 'special_procedure', 'lead_decision', 'approved', 'rejected', 'delivering', 'delivered', 'stopped'],
};
