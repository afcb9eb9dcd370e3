/**
 * Reports an outcome: a DOM event on document (`fix401:outcome`, detail =
 * ids only), a message to the embedding page when framed, and a beacon when
 * the build set OUTCOME_ENDPOINT. Also keeps this tab's journey (ids only, in
 * sessionStorage) for the support request. Never throws: counting must not
 * break the guide.
 */
import { appendJourney, beaconBody, JOURNEY_KEY, OUTCOME_EVENT, OUTCOME_MESSAGE, outcome, parseJourney, type OutcomeDetail, type OutcomeInput } from '../lib/outcomes';
import { parentOrigin } from './embed-child';

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
