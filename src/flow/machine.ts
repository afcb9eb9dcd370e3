import { assign, initialTransition, setup, transition } from 'xstate';
import { assertValidFlow } from './validate';
import { ESCALATE, RESOLVED, START, type FlowInput, type GuideContext, type NodeKind } from './types';

/**
 * The machine config is plain JSON built from content. The same object is
 * written to /flow.json, embedded for the browser, and walked by the tests,
 * so there is no second, hand-written copy of the flow to drift.
 */
export interface StateMeta {
  kind: NodeKind;
  title: string;
}
export interface TransitionConfig {
  target?: string;
  actions: { type: 'answer' | 'notFixed' | 'tick'; params: Record<string, string> }[];
}
export interface StateConfig {
  type?: 'final';
  meta: StateMeta;
  on?: Record<string, TransitionConfig>;
}
export interface GuideMachineConfig {
  id: 'fix401';
  initial: typeof START;
  states: Record<string, StateConfig>;
}

export const answerEvent = (answerId: string) => `ANSWER.${answerId}`;
export const FIXED = 'FIXED';
export const NOT_FIXED = 'NOT_FIXED';
export const TICK = 'TICK';

export function compileFlow(input: FlowInput): GuideMachineConfig {
  assertValidFlow(input);
  const states: Record<string, StateConfig> = {};
  for (const q of input.questions) {
    states[q.id] = {
      meta: { kind: 'question', title: q.question },
      on: Object.fromEntries(
        q.answers.map((a) => [
          answerEvent(a.id),
          { target: a.next, actions: [{ type: 'answer', params: { node: q.id, answer: a.id } }] },
        ]),
      ),
    };
  }
  for (const f of input.fixes) {
    states[f.id] = {
      meta: { kind: 'fix', title: f.title },
      on: {
        [FIXED]: { target: RESOLVED, actions: [] },
        [NOT_FIXED]: { target: f.ifNotFixed, actions: [{ type: 'notFixed', params: { fix: f.id } }] },
        // No target: ticking a step keeps the person on the fix.
        [TICK]: { actions: [{ type: 'tick', params: { fix: f.id } }] },
      },
    };
  }
  states[RESOLVED] = { type: 'final', meta: { kind: 'resolved', title: 'Fixed' } };
  states[ESCALATE] = { type: 'final', meta: { kind: 'escalate', title: 'Ask for help' } };
  return { id: 'fix401', initial: START, states };
}

export const emptyContext = (): GuideContext => ({ trail: [], tried: [], ticked: {} });

export type GuideEvent = { type: string; step?: number; checked?: boolean };

/** Builds the runnable XState machine from the JSON config; the actions are the only code. */
export function createGuideMachine(config: GuideMachineConfig, context: GuideContext = emptyContext()) {
  return setup({
    types: {} as { context: GuideContext; events: GuideEvent },
    actions: {
      answer: assign(({ context }, params: Record<string, string>) => ({
        trail: [...context.trail, { node: params.node!, answer: params.answer! }],
      })),
      notFixed: assign(({ context }, params: Record<string, string>) => ({
        tried: [...context.tried.filter((f) => f !== params.fix), params.fix!],
      })),
      tick: assign(({ context, event }, params: Record<string, string>) => {
        const fix = params.fix!;
        const step = event.step ?? -1;
        const now = new Set(context.ticked[fix] ?? []);
        if (event.checked) now.add(step);
        else now.delete(step);
        return { ticked: { ...context.ticked, [fix]: [...now].sort((a, b) => a - b) } };
      }),
    },
  }).createMachine({ ...(config as object), context } as never);
}

export type GuideMachine = ReturnType<typeof createGuideMachine>;

/** The events that rebuild a context: the answers in order, then each "did not fix it". */
export function eventsFor(context: Pick<GuideContext, 'trail' | 'tried'>): GuideEvent[] {
  return [
    ...context.trail.map((s) => ({ type: answerEvent(s.answer) })),
    ...context.tried.map(() => ({ type: NOT_FIXED })),
  ];
}

/**
 * Replays a stored context through the machine and returns the state it ends
 * in, or undefined if any event is refused (the content changed since it was stored).
 */
export function replay(machine: GuideMachine, context: Pick<GuideContext, 'trail' | 'tried'>): string | undefined {
  let [snapshot] = initialTransition(machine);
  for (const event of eventsFor(context)) {
    const before = snapshot.value;
    if (snapshot.status !== 'active') return undefined;
    [snapshot] = transition(machine, snapshot, event);
    if (snapshot.value === before) return undefined;
  }
  return String(snapshot.value);
}
