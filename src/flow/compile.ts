import { FIXED, NOT_FIXED, TICK, answerEvent } from './addresses';
import { ESCALATE, firstNext, RESOLVED, shortlistOf, START, type FlowInput, type GuideContext, type NodeKind } from './types';

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

