/**
 * The guide's addresses and names, in one place: the URL of a node (with the
 * base path, `start` handled once), the step data next to it, the event names
 * and the final states. Pure and free of XState, so the browser can use it.
 */
import { ESCALATE, firstNext, RESOLVED, START, type Next } from './types';

export { ESCALATE, RESOLVED, START };

export const ANSWER_PREFIX = 'ANSWER.';
export const FIXED = 'FIXED';
export const NOT_FIXED = 'NOT_FIXED';
export const TICK = 'TICK';

export type AnswerEvent = { type: `${typeof ANSWER_PREFIX}${string}` };
export type TickEvent = { type: typeof TICK; step: number; checked: boolean };
/** What a link in a step can send: an answer, "fixed" or "not fixed". */
export type LinkEvent = AnswerEvent | { type: typeof FIXED } | { type: typeof NOT_FIXED };
export type GuideEvent = LinkEvent | TickEvent;

export const answerEvent = (answerId: string): AnswerEvent['type'] => `${ANSWER_PREFIX}${answerId}`;
export const isAnswerEvent = (type: string): type is AnswerEvent['type'] => type.startsWith(ANSWER_PREFIX);

/** The event a link's data-event names, or undefined if it names none the guide knows. */
export function guideEvent(type: string | undefined): LinkEvent | undefined {
  if (type === FIXED || type === NOT_FIXED) return { type };
  if (type && isAnswerEvent(type)) return { type };
  return undefined;
}

/** The final states: the guide ends there (no answers, no "did this fix it?"). */
export const FINAL_STATES = [RESOLVED, ESCALATE] as const;
export const isFinal = (node: string) => (FINAL_STATES as readonly string[]).includes(node);

/**
 * The path of a node under the site root: `guide/` for the start, `guide/<id>/` otherwise.
 * An answer's `next` may be passed as is: a shortlist's link is its first fix.
 */
export const guidePath = (node: Next = START) => {
  const id = firstNext(node);
  return !id || id === START ? 'guide/' : `guide/${id}/`;
};

const withSlash = (base: string) => (base.endsWith('/') ? base : `${base}/`);

/** The URL of a node on a site served under `base` ("/" or "/help/401/"). */
export const nodeUrl = (base: string, node: Next = START) => withSlash(base) + guidePath(node);

/** The prebuilt step panel of a node (written by src/integrations/guide-steps.ts). Every node, start included, has one. */
export const stepDataUrl = (base: string, node: string) => `${withSlash(base)}guide/${node}/step.json`;
