/**
 * Reports an outcome: a DOM event on document (`fix401:outcome`, detail =
 * ids only), a message to the embedding page when framed, and a beacon when
 * the build set OUTCOME_ENDPOINT. Also keeps this tab's journey (ids only, in
 * sessionStorage) for the support request. Never throws: counting must not
 * break the guide.
 */
import { appendJourney, beaconBody, JOURNEY_KEY, OUTCOME_EVENT, OUTCOME_MESSAGE, outcome, parseJourney, type OutcomeDetail, type OutcomeInput } from '../lib/outcomes';
import { parentOrigin } from './embed-child';
import { ANSWER_PREFIX, ESCALATE, FIXED, NOT_FIXED, START } from '../flow/addresses';

export function readJourney(): OutcomeDetail[] {
  try {
    return parseJourney(sessionStorage.getItem(JOURNEY_KEY));
  } catch {
    return [];
  }
}

function record(detail: OutcomeDetail) {
  try {
    sessionStorage.setItem(JOURNEY_KEY, JSON.stringify(appendJourney(readJourney(), detail)));
  } catch {
    // Storage off or full: the events still go out.
  }
}

export function report(input: OutcomeInput): void {
  try {
    const embedded = document.documentElement.classList.contains('embedded');
    const detail = outcome(input, embedded);
    if (!detail) return;
    record(detail);
    document.dispatchEvent(new CustomEvent(OUTCOME_EVENT, { detail }));
    const to = embedded ? parentOrigin() : null;
    if (to) window.parent.postMessage({ type: OUTCOME_MESSAGE, detail }, to);
    const endpoint = document.querySelector<HTMLMetaElement>('meta[name="fix401-outcome-endpoint"]')?.content;
    if (endpoint && typeof navigator.sendBeacon === 'function') navigator.sendBeacon(endpoint, beaconBody(detail));
  } catch {
    // never let counting break the page
  }
}

/** The guide's events by their machine names: `ANSWER.<id>` on a question, FIXED / NOT_FIXED on a fix. */
export function reportGuideEvent(node: string, event: string | undefined): void {
  if (!event) return;
  if (event.startsWith(ANSWER_PREFIX)) report({ type: 'answer-chosen', node, answer: event.slice(ANSWER_PREFIX.length) });
  else if (event === FIXED) report({ type: 'fixed', fix: node });
  else if (event === NOT_FIXED) report({ type: 'not-fixed', fix: node });
}

/**
 * A step is on screen; reaching the escalation page also reports "escalated"
 * (after the last fix that did not help). `fromHome`: the page was opened from
 * the home page, which asks the guide's first question; its answer is then in
 * the trail, and it is the person's own.
 */
export function reportStep(node: string, fromHome?: readonly { node: string; answer: string }[]): void {
  const first = fromHome?.find((s) => s.node === START);
  if (first) report({ type: 'answer-chosen', node: START, answer: first.answer });
  report({ type: 'step-shown', node });
  if (node !== ESCALATE) return;
  const last = readJourney().findLast((e) => e.type === 'not-fixed');
  report(last?.type === 'not-fixed' ? { type: 'escalated', fix: last.fix } : { type: 'escalated' });
}

/** A search result was chosen: its page's id (the last part of its path) and its 1-based rank. */
export function reportResult(url: string, rank: number): void {
  const id = url.split('#')[0]!.split('/').filter(Boolean).pop();
  if (id) report({ type: 'search-result-chosen', result: id, rank });
}
