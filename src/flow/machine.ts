/**
 * The guide as an XState 5 machine, built from the plain-JSON config
 * (src/flow/compile.ts). The build, /flow.json and the path tests use it; the
 * actions and the guard are the pure reducers in src/flow/step.ts, which the
 * browser runs without XState.
 */
import { assertEvent, assign, initialTransition, setup, transition } from 'xstate';
import { TICK, type GuideEvent } from './addresses';
import { emptyContext, type ActionConfig, type GuardConfig, type GuideMachineConfig } from './compile';
import { eventsFor, isNextTry, reduce } from './step';
import type { GuideContext } from './types';

export { ANSWER_PREFIX, FIXED, NOT_FIXED, TICK, answerEvent, guideEvent, isAnswerEvent, type GuideEvent } from './addresses';
export { eventsFor } from './step';
export { compileFlow, emptyContext, nodesAfter, type GuideMachineConfig, type StateConfig, type TransitionConfig } from './compile';

type Params<T extends ActionConfig['type']> = Extract<ActionConfig, { type: T }>['params'];

/** Builds the runnable XState machine from the JSON config; the actions and the one guard are the only code. */
export function createGuideMachine(config: GuideMachineConfig, context: GuideContext = emptyContext()) {
  const nextTryIs = isNextTry(config);
  return setup({
    types: {} as { context: GuideContext; events: GuideEvent },
    actions: {
      answer: assign(({ context }, params: Params<'answer'>) => reduce.answer(context, params)),
      notFixed: assign(({ context }, params: Params<'notFixed'>) => reduce.notFixed(context, params)),
      tick: assign(({ context, event }, params: Params<'tick'>) => {
        assertEvent(event, TICK);
        return reduce.tick(context, params, event);
      }),
    },
    guards: {
      isNextTry: ({ context }, params: GuardConfig['params']) => nextTryIs(context, params),
    },
  }).createMachine({ ...config, context });
}

export type GuideMachine = ReturnType<typeof createGuideMachine>;

/**
 * Replays a stored trail through the XState machine: the node it ends on and
 * the context it rebuilt, or undefined if any event is refused (the content
 * changed since it was stored). The browser does the same with replayTrail().
 */
export function replay(machine: GuideMachine, stored: Pick<GuideContext, 'trail' | 'tried'>): { node: string; context: GuideContext } | undefined {
  let [snapshot] = initialTransition(machine);
  for (const event of eventsFor(stored)) {
    const before = snapshot.value;
    // XState leaves the snapshot as it was for an event the state does not take, a final state included.
    [snapshot] = transition(machine, snapshot, event);
    if (snapshot.value === before) return undefined;
  }
  return { node: String(snapshot.value), context: snapshot.context };
}
