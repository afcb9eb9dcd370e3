/** Plain data the flow is built from; produced from content, no Astro types. */
export interface Sourced {
  /** Repository-relative path of the content file, for error messages. */
  file: string;
}

/**
 * Where an answer leads: one id (a question or a fix), or a ranked shortlist
 * of 2-5 fix ids, likeliest and cheapest first. The first entry is shown; the
 * rest are what "did not fix it" tries next (with JavaScript).
 */
export type Next = string | string[];

export interface Answer {
  id: string;
  label: string;
  hint?: string;
  next: Next;
}

export interface QuestionNode extends Sourced {
  id: string;
  question: string;
  answers: Answer[];
}

export interface FixNode extends Sourced {
  id: string;
  title: string;
  ifNotFixed: string;
}

export interface FlowInput {
  questions: QuestionNode[];
  fixes: FixNode[];
}

export const START = 'start';
export const RESOLVED = 'resolved';
export const ESCALATE = 'escalate';

/** Every id an answer can lead to, in rank order. */
export const nextIds = (next: Next): string[] => (typeof next === 'string' ? [next] : next);
/** Where the answer's plain link goes: the single id, or the shortlist's first fix. */
export const firstNext = (next: Next): string => (typeof next === 'string' ? next : next[0]!);
/** The ranked shortlist an answer sets, if it has one. */
export const shortlistOf = (next: Next): string[] | undefined => (typeof next === 'string' ? undefined : next);

export type NodeKind = 'question' | 'fix' | 'resolved' | 'escalate';

/** One answer given on the way: the node it was given on and the answer's id. */
export interface TrailStep {
  node: string;
  answer: string;
}

export interface GuideContext {
  trail: TrailStep[];
  /** The ranked fixes of the most recent answer that gave a shortlist ([] if none did). */
  shortlist: string[];
  /** Fixes the person said did not help, in the order tried. */
  tried: string[];
  /** Ticked step indexes per fix id. */
  ticked: Record<string, number[]>;
}

/** The shortlist's fixes, in rank order, that are neither `from` nor already tried: what "No" walks through. */
export function untriedShortlist(context: Pick<GuideContext, 'shortlist' | 'tried'>, from: string): string[] {
  const tried = new Set([...context.tried, from]);
  return context.shortlist.filter((id) => !tried.has(id));
}

/**
 * What a fix page lists as "Also likely": the untried shortlist without the fix "No" leads to next (that one is
 * named on its own line). With JavaScript `next` is the shortlist's next try; without, the fix's ifNotFixed.
 */
export function alsoLikely(context: Pick<GuideContext, 'shortlist' | 'tried'>, from: string, next: string | undefined): string[] {
  return untriedShortlist(context, from).filter((id) => id !== next);
}

/**
 * The fix "did not fix it" leads to from `from`: the next untried fix of the
 * shortlist, else the first untried fix down `from`'s ifNotFixed chain, else
 * escalation. `from` itself counts as tried.
 */
export function nextTry(context: Pick<GuideContext, 'shortlist' | 'tried'>, from: string, ifNotFixed: (fix: string) => string): string {
  const listed = untriedShortlist(context, from)[0];
  if (listed) return listed;
  const tried = new Set([...context.tried, from]);
  let next = ifNotFixed(from);
  // The chain is loop-free (validated); `tried` bounds it anyway for hand-made contexts.
  for (let guard = 0; next !== ESCALATE && tried.has(next) && guard <= tried.size; guard++) next = ifNotFixed(next);
  return tried.has(next) ? ESCALATE : next;
}

export class FlowError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The guide's flow is broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'FlowError';
  }
}
