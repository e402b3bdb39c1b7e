/**
 * One way to declare a stateful thing's workflow, as data: its states, its actions (from which
 * states, to which ones, and who may take each), and the timers that take an action on their own.
 * The state, action and actor types are given by the module, and the definition is a `Record`
 * over each: the compiler refuses a state without a label, an action without a step, or a step
 * naming an unknown state or actor. The service changes a state only through `require`, which
 * throws the module's own 403/409 and returns a check of the target the service chose.
 */

export type Step<S extends string, Actor extends string> = {
  label: string;
  /** null: the action creates the thing (there is no state yet) */
  from: readonly S[] | null;
  /** every state the action may lead to (the service picks one by the facts); 'unchanged': the state stays */
  to: readonly S[] | 'unchanged';
  actors: readonly Actor[];
};

export type Timer<S extends string, A extends string> = { label: string; states: readonly S[]; action: A };

export type WorkflowRefusal = { code: 'FORBIDDEN' | 'INVALID_STATE'; message: string };

export type WorkflowDefinition<
  S extends string,
  A extends string,
  Actor extends string,
  StateInfo extends { label: string },
  ActionInfo extends Step<S, Actor>,
  T extends string,
> = {
  /** what the workflow is about, for internal errors ("ticket", "application") */
  name: string;
  states: Record<S, StateInfo>;
  actions: Record<A, ActionInfo>;
  timers?: Record<T, Timer<S, A>>;
  /** which check comes first when both fail (the answer people see) */
  order: readonly ('actor' | 'state')[];
  /** the messages people see when an action is refused */
  refuse: {
    actor: (action: ActionInfo) => string;
    state: (state: S | null, action: ActionInfo, states: Record<S, StateInfo>) => string;
  };
};

export type Check<S extends string> = { ok: true; to: readonly S[] | 'unchanged' } | { ok: false; reason: 'actor' | 'state'; message: string };

export type Workflow<
  S extends string,
  A extends string,
  Actor extends string,
  StateInfo extends { label: string },
  ActionInfo extends Step<S, Actor>,
  T extends string,
> = WorkflowDefinition<S, A, Actor, StateInfo, ActionInfo, T> & {
  actionNames: readonly A[];
  /** Whether `actor` may take `action` in `state` (no actor: only the state is checked). */
  check(state: S | null, action: A, actor?: Actor): Check<S>;
  /**
   * Throws when the action is not allowed (`toError` makes the module's error from the refusal);
   * otherwise returns a function that checks the state the service chose is one the action may reach.
   */
  require(state: S | null, action: A, actor: Actor | undefined, toError: (refusal: WorkflowRefusal) => Error): (target: S) => S;
  /** The state a single-target action leads to; throws like `require`. */
  next(state: S, action: A, actor: Actor | undefined, toError: (refusal: WorkflowRefusal) => Error): S;
  /** The actions any of these actors may take now (the buttons a page shows). */
  available(state: S, actors: readonly (Actor | undefined)[], filter?: (action: A) => boolean): A[];
};

export function defineWorkflow<
  S extends string,
  A extends string,
  Actor extends string,
  StateInfo extends { label: string } = { label: string },
  ActionInfo extends Step<S, Actor> = Step<S, Actor>,
  T extends string = never,
>(definition: WorkflowDefinition<S, A, Actor, StateInfo, ActionInfo, T>): Workflow<S, A, Actor, StateInfo, ActionInfo, T> {
  const actionNames = Object.keys(definition.actions) as A[];

  function check(state: S | null, action: A, actor?: Actor): Check<S> {
    const step = definition.actions[action];
    for (const kind of definition.order) {
      if (kind === 'actor' && actor !== undefined && !step.actors.includes(actor)) {
        return { ok: false, reason: 'actor', message: definition.refuse.actor(step) };
      }
      if (kind === 'state' && (step.from === null ? state !== null : state === null || !step.from.includes(state))) {
        return { ok: false, reason: 'state', message: definition.refuse.state(state, step, definition.states) };
      }
    }
    return { ok: true, to: step.to };
  }

  function require(state: S | null, action: A, actor: Actor | undefined, toError: (refusal: WorkflowRefusal) => Error) {
    const result = check(state, action, actor);
    if (!result.ok) throw toError({ code: result.reason === 'actor' ? 'FORBIDDEN' : 'INVALID_STATE', message: result.message });
    return (target: S): S => {
      if (result.to === 'unchanged' ? target !== state : !result.to.includes(target)) {
        throw new Error(`${definition.name} workflow: ${action} cannot lead from ${String(state)} to ${target}`);
      }
      return target;
    };
  }

  function next(state: S, action: A, actor: Actor | undefined, toError: (refusal: WorkflowRefusal) => Error): S {
    const target = definition.actions[action].to;
    const accept = require(state, action, actor, toError);
    if (target === 'unchanged') return accept(state);
    if (target.length !== 1) throw new Error(`${definition.name} workflow: ${action} has more than one target`);
    return accept(target[0]!);
  }

  function available(state: S, actors: readonly (Actor | undefined)[], filter?: (action: A) => boolean): A[] {
    return actionNames.filter((action) => (!filter || filter(action)) && actors.some((actor) => check(state, action, actor).ok));
  }

  return { ...definition, actionNames, check, require, next, available };
}
