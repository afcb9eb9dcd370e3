/**
 * Steps and history: the prebuilt step panels (fetched when idle, one event
 * ahead) and the entries Back and Forward move through.
 */
import { stepDataUrl } from '../flow/addresses';
import type { GuideContext } from '../flow/types';
import { asContext } from './guide-store';
import type { StepHtml } from './guide-render';

export class StepCache {
  private steps = new Map<string, StepHtml>();
  private pending = new Map<string, Promise<StepHtml | undefined>>();
  constructor(private readonly base: string) {}

  get = (node: string) => this.steps.get(node);
  put = (node: string, step: StepHtml) => void this.steps.set(node, step);

  /** The step of `node`, fetched once; undefined when it cannot be had (offline, removed). */
  load(node: string): Promise<StepHtml | undefined> {
    const have = this.steps.get(node);
    if (have) return Promise.resolve(have);
    let p = this.pending.get(node);
    if (!p) {
      p = fetch(stepDataUrl(this.base, node))
        .then((r) => (r.ok ? (r.json() as Promise<StepHtml>) : undefined))
        .then((s) => {
          if (s) this.steps.set(node, s);
          return s;
        })
        .catch(() => undefined)
        .finally(() => this.pending.delete(node));
      this.pending.set(node, p);
    }
    return p;
  }
}

export interface HistoryState {
  node: string;
  context: GuideContext;
}

/** A history entry's state, if it is one the guide wrote (other scripts and old versions may write others). */
export function asHistoryState(v: unknown): HistoryState | undefined {
  if (typeof v !== 'object' || v === null || typeof (v as { node?: unknown }).node !== 'string') return undefined;
  const context = asContext((v as { context?: unknown }).context);
  return context && { node: (v as { node: string }).node, context };
}

export const rememberStep = (state: HistoryState) => history.replaceState(state, '');
export const pushStep = (state: HistoryState, url: string) => history.pushState(state, '', url);

/** Marks the start and end of a step change; measuring never throws (a missing mark is just skipped). */
export const timing = {
  start: () => mark('fix401:step-start'),
  end() {
    mark('fix401:step-end');
    try {
      if (performance.getEntriesByName('fix401:step-start', 'mark').length) performance.measure('fix401:step', 'fix401:step-start', 'fix401:step-end');
      performance.clearMarks('fix401:step-start');
    } catch {
      // A measure is a nicety for the bench; never let it break a step change.
    }
  },
};
function mark(name: string) {
  try {
    performance.mark(name);
  } catch {
    // as above
  }
}
