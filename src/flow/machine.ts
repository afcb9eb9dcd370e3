import { assertEvent, assign, initialTransition, setup, transition } from 'xstate';
import { ESCALATE, nextTry, RESOLVED, shortlistOf, START, firstNext, type FlowInput, type GuideContext, type NodeKind } from './types';

/**
 * The machine config is plain JSON built from content. The same object is
 * written to /flow.json, embedded for the browser, and walked by the tests,
 * so there is no second, hand-written copy of the flow to drift.
 */
export interface StateMeta {
  kind: NodeKind;
  title: string;
  /** Fixes only: where "did not fix it" goes without JavaScript (and the chain the guide falls back to). */
  ifNotFixed?: string;
}
export type ActionConfig =
  | { type: 'answer'; params: { node: string; answer: string; shortlist?: string[] } }
  | { type: 'notFixed'; params: { fix: string } }
  | { type: 'tick'; params: { fix: string } };
/** True when "did not fix it" on `from`, in the current context, leads to `target` (see nextTry). */
export interface GuardConfig {
  type: 'isNextTry';
  params: { from: string; target: string };
}
export interface TransitionConfig {
  target?: string;
  guard?: GuardConfig;
  actions: ActionConfig[];
}
export interface StateConfig {
  type?: 'final';
  meta: StateMeta;
  on?: Record<string, TransitionConfig | TransitionConfig[]>;
}
export interface GuideMachineConfig {
  id: 'fix401';
  initial: typeof START;
  states: Record<string, StateConfig>;
}

export const ANSWER_PREFIX = 'ANSWER.';
export const answerEvent = (answerId: string): AnswerEvent['type'] => `${ANSWER_PREFIX}${answerId}`;
export const FIXED = 'FIXED';
export const NOT_FIXED = 'NOT_FIXED';
export const TICK = 'TICK';

export type AnswerEvent = { type: `${typeof ANSWER_PREFIX}${string}` };
export type GuideEvent = AnswerEvent | { type: typeof FIXED } | { type: typeof NOT_FIXED } | { type: typeof TICK; step: number; checked: boolean };

export const isAnswerEvent = (type: string): type is AnswerEvent['type'] => type.startsWith(ANSWER_PREFIX);

/** The event a link's data-event names, or undefined if it names none the guide knows. */
export function guideEvent(type: string | undefined): Exclude<GuideEvent, { type: typeof TICK }> | undefined {
  if (type === FIXED || type === NOT_FIXED) return { type };
  if (type && isAnswerEvent(type)) return { type };
  return undefined;
}

/** Every node one event away from `node` (its answers' first choices, or a fix's possible next tries). */
export function nodesAfter(config: GuideMachineConfig, node: string): string[] {
  const out = Object.values(config.states[node]?.on ?? {}).flatMap((t) => (Array.isArray(t) ? t : [t]).flatMap((x) => (x.target ? [x.target] : [])));
  return [...new Set(out)];
}

/**
 * Every fix "did not fix it" can lead to from `fix`: the members of each
 * shortlist that can be active there (one that holds `fix` or whose fixes'
 * ifNotFixed chains pass through it), then `fix`'s own chain, then escalate.
 */
function notFixedTargets(input: FlowInput, fix: string): string[] | undefined {
  const ifNotFixed = new Map(input.fixes.map((f) => [f.id, f.ifNotFixed]));
  const chain = (from: string) => {
    const out: string[] = [];
    for (let id = ifNotFixed.get(from); id && id !== ESCALATE && !out.includes(id); id = ifNotFixed.get(id)) out.push(id);
    return out;
  };
  const lists = input.questions.flatMap((q) => q.answers.flatMap((a) => (Array.isArray(a.next) ? [a.next] : [])));
  const active = lists.filter((list) => list.some((id) => id === fix || chain(id).includes(fix)));
  if (!active.length) return undefined; // no shortlist can be active here: "No" is the plain ifNotFixed
  return [...new Set([...active.flat(), ...chain(fix), ESCALATE])].filter((id) => id !== fix);
}

/**
 * Compiles content into the machine config. It does not validate: the build
 * runs validateFlow() once (src/lib/site.ts), so the browser, which compiles
 * the same flow, never ships the validator.
 */
export function compileFlow(input: FlowInput): GuideMachineConfig {
  const states: Record<string, StateConfig> = {};
  for (const q of input.questions) {
    states[q.id] = {
      meta: { kind: 'question', title: q.question },
      on: Object.fromEntries(
        q.answers.map((a) => {
          const shortlist = shortlistOf(a.next);
          const params = { node: q.id, answer: a.id, ...(shortlist && { shortlist }) };
          return [answerEvent(a.id), { target: firstNext(a.next), actions: [{ type: 'answer', params }] }];
        }),
      ),
    };
  }
  for (const f of input.fixes) {
    const actions: ActionConfig[] = [{ type: 'notFixed', params: { fix: f.id } }];
    const targets = notFixedTargets(input, f.id);
    states[f.id] = {
      meta: { kind: 'fix', title: f.title, ifNotFixed: f.ifNotFixed },
      on: {
        [FIXED]: { target: RESOLVED, actions: [] },
        // XState targets are static: one guarded transition per possible next try; exactly one guard holds.
        // The last, unguarded one is the plain ifNotFixed, for a context the content cannot produce.
        [NOT_FIXED]: targets
          ? [
              ...targets.map((target) => ({ target, guard: { type: 'isNextTry' as const, params: { from: f.id, target } }, actions })),
              { target: f.ifNotFixed, actions },
            ]
          : { target: f.ifNotFixed, actions },
        // No target: ticking a step keeps the person on the fix.
        [TICK]: { actions: [{ type: 'tick', params: { fix: f.id } }] },
      },
    };
  }
  states[RESOLVED] = { type: 'final', meta: { kind: 'resolved', title: 'Fixed' } };
  states[ESCALATE] = { type: 'final', meta: { kind: 'escalate', title: 'Ask for help' } };
  return { id: 'fix401', initial: START, states };
}

export const emptyContext = (): GuideContext => ({ trail: [], shortlist: [], tried: [], ticked: {} });

/** Builds the runnable XState machine from the JSON config; the actions and the one guard are the only code. */
export function createGuideMachine(config: GuideMachineConfig, context: GuideContext = emptyContext()) {
  const ifNotFixed = (fix: string) => config.states[fix]?.meta.ifNotFixed ?? ESCALATE;
  return setup({
    types: {} as { context: GuideContext; events: GuideEvent },
    actions: {
      answer: assign(({ context }, params: { node: string; answer: string; shortlist?: string[] }) => ({
        trail: [...context.trail, { node: params.node, answer: params.answer }],
        // Only an answer with a shortlist replaces it: the most recent ranked guess stays in force.
        shortlist: params.shortlist ?? context.shortlist,
      })),
      notFixed: assign(({ context }, params: { fix: string }) => ({
        tried: [...context.tried.filter((f) => f !== params.fix), params.fix],
      })),
      tick: assign(({ context, event }, params: { fix: string }) => {
        assertEvent(event, TICK);
        const now = new Set(context.ticked[params.fix] ?? []);
        if (event.checked) now.add(event.step);
        else now.delete(event.step);
        return { ticked: { ...context.ticked, [params.fix]: [...now].sort((a, b) => a - b) } };
      }),
    },
    guards: {
      isNextTry: ({ context }, params: { from: string; target: string }) => nextTry(context, params.from, ifNotFixed) === params.target,
    },
  }).createMachine({ ...config, context });
}

export type GuideMachine = ReturnType<typeof createGuideMachine>;

/** The events that rebuild a context: the answers in order, then each "did not fix it". */
export function eventsFor(context: Pick<GuideContext, 'trail' | 'tried'>): GuideEvent[] {
  return [...context.trail.map((s) => ({ type: answerEvent(s.answer) })), ...context.tried.map(() => ({ type: NOT_FIXED }) as const)];
}

/**
 * Replays a stored trail (answers, then each "did not fix it") through the
 * machine and returns the node it ends on with the context it rebuilt
 * (shortlist included), or undefined if any event is refused (the content
 * changed since it was stored).
 */
export function replay(machine: GuideMachine, context: Pick<GuideContext, 'trail' | 'tried'>): { node: string; context: GuideContext } | undefined {
  let [snapshot] = initialTransition(machine);
  for (const event of eventsFor(context)) {
    const before = snapshot.value;
    if (snapshot.status !== 'active') return undefined;
    [snapshot] = transition(machine, snapshot, event);
    if (snapshot.value === before) return undefined;
  }
  return { node: String(snapshot.value), context: snapshot.context };
}
