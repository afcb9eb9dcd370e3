/**
 * The guide's addresses and names, in one place: the URL of a node (with the
 * base path, `start` handled once), the step data next to it, and which nodes
 * are the machine's final states. Pure: the build passes import.meta's base,
 * the browser the base embedded in the page.
 */
import { ESCALATE, firstNext, RESOLVED, START, type Next } from './types';

export { ANSWER_PREFIX, FIXED, NOT_FIXED, TICK, answerEvent, isAnswerEvent } from './machine';
export { ESCALATE, RESOLVED, START };

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

const withSlash = (base: string) => `${base.replace(/\/+$/, '')}/`;

/** The URL of a node on a site served under `base` ("/" or "/help/401/"). */
export const nodeUrl = (base: string, node: Next = START) => withSlash(base) + guidePath(node);

/** The prebuilt step panel of a node (written by src/integrations/guide-steps.ts). Every node, start included, has one. */
export const stepDataUrl = (base: string, node: string) => `${withSlash(base)}guide/${node}/step.json`;
