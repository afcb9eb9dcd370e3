/**
 * What the guide's actions and its one guard do, as pure functions over the
 * context, and `step`: one transition of the compiled JSON config. XState runs
 * the same reducers (src/flow/machine.ts) at build time and in the tests; the
 * browser runs `step` so it does not ship XState's interpreter. A unit test
 * walks every path both ways and requires the same node and context.
 */
import { answerEvent, NOT_FIXED, type GuideEvent } from './addresses';
import type { ActionConfig, GuardConfig, GuideMachineConfig } from './compile';
import { ESCALATE, nextTry, START, type GuideContext } from './types';

type Params<T extends ActionConfig['type']> = Extract<ActionConfig, { type: T }>['params'];

export const reduce = {
  answer: (context: GuideContext, params: Params<'answer'>): Partial<GuideContext> => ({
    trail: [...context.trail, { node: params.node, answer: params.answer }],
    // Only an answer with a shortlist replaces it: the most recent ranked guess stays in force.
    shortlist: params.shortlist ?? context.shortlist,
  }),
  notFixed: (context: GuideContext, params: Params<'notFixed'>): Partial<GuideContext> => ({
    tried: [...context.tried.filter((f) => f !== params.fix), params.fix],
  }),
  tick: (context: GuideContext, params: Params<'tick'>, event: { step: number; checked: boolean }): Partial<GuideContext> => {
    const now = new Set(context.ticked[params.fix] ?? []);
    if (event.checked) now.add(event.step);
    else now.delete(event.step);
    return { ticked: { ...context.ticked, [params.fix]: [...now].sort((a, b) => a - b) } };
  },
};

/** The isNextTry guard: does "did not fix it" on `from` lead to `target` in this context? */
export const isNextTry = (config: GuideMachineConfig) => {
  const ifNotFixed = (fix: string) => config.states[fix]?.meta.ifNotFixed ?? ESCALATE;
  return (context: GuideContext, params: GuardConfig['params']) => nextTry(context, params.from, ifNotFixed) === params.target;
};

/** One transition: the node and context after `event`, or undefined when the node does not take it. */
export function step(config: GuideMachineConfig, node: string, context: GuideContext, event: GuideEvent): { node: string; context: GuideContext } | undefined {
  const state = config.states[node];
  // Final states have no transitions (`on`), so they refuse every event here too.
  const on = state?.on?.[event.type];
  if (!on) return undefined;
  const guard = isNextTry(config);
  const chosen = (Array.isArray(on) ? on : [on]).find((t) => !t.guard || guard(context, t.guard.params));
  if (!chosen) return undefined;
  let next = context;
  for (const action of chosen.actions) {
    if (action.type === 'answer') next = { ...next, ...reduce.answer(next, action.params) };
    else if (action.type === 'notFixed') next = { ...next, ...reduce.notFixed(next, action.params) };
    else if (event.type === 'TICK') next = { ...next, ...reduce.tick(next, action.params, event) };
  }
  return { node: chosen.target ?? node, context: next };
}

/** The events that rebuild a context: the answers in order, then each "did not fix it". */
export function eventsFor(context: Pick<GuideContext, 'trail' | 'tried'>): GuideEvent[] {
  return [...context.trail.map((s) => ({ type: answerEvent(s.answer) })), ...context.tried.map(() => ({ type: NOT_FIXED }) as const)];
}

/**
 * Replays a stored trail (answers, then each "did not fix it") from the start,
 * as the browser does (machine.ts's replay() does the same through XState),
 * and returns the node it ends on with the context it rebuilt (shortlist
 * included), or undefined if any event is refused or goes nowhere (the
 * content changed since it was stored).
 */
export function replayTrail(config: GuideMachineConfig, stored: Pick<GuideContext, 'trail' | 'tried'>): { node: string; context: GuideContext } | undefined {
  let at: { node: string; context: GuideContext } | undefined = { node: START, context: { trail: [], shortlist: [], tried: [], ticked: {} } };
  for (const event of eventsFor(stored)) {
    // Every event replayed moves (answers and "did not fix it" always change the node), so a refusal is the only failure.
    at = step(config, at.node, at.context, event);
    if (!at) return undefined;
  }
  return at;
}
