/**
 * <fix-guide> upgrades the server-rendered guide: it steps the guide's
 * machine (the JSON config compiled from content, see src/flow/step.ts), swaps
 * the next step in place (the steps one event away are prefetched while the
 * person reads), and keeps the URL, history, focus, title and a live region in
 * step. Every answer stays a real link; whenever a step is not at hand, the
 * click just navigates. State: src/flow/session.ts; rendering: guide-render.ts;
 * steps and history: guide-history.ts; storage: guide-store.ts.
 */
import { guideEvent, isFinal, nodeUrl, NOT_FIXED, START, TICK } from '../flow/addresses';
import { answerRows } from '../flow/answers';
import { flowInput, type GuideData } from '../flow/client-data';
import { compileFlow, emptyContext, type GuideMachineConfig } from '../flow/compile';
import { typicalPaths } from '../flow/paths';
import { arrival, change, restart } from '../flow/session';
import { step } from '../flow/step';
import { alsoLikely, type GuideContext } from '../flow/types';
import { asHistoryState, pushStep, rememberStep, StepCache, timing } from './guide-history';
import { ALSO_LIKELY, currentStep, focusHeading, listAlsoLikely, markPrevious, pointNotFixed, renderAnswers, setTicks, showStep } from './guide-render';
import { loadContext, loadTicks, saveContext, saveTicks } from './guide-store';
import { reportGuideEvent, reportStep } from './outcome-events';

class FixGuide extends HTMLElement {
  private data!: GuideData;
  private config!: GuideMachineConfig;
  private steps!: StepCache;
  private questions = new Map<string, GuideData['flow']['questions'][number]>();
  private fixTitles = new Map<string, string>();
  private context: GuideContext = emptyContext();
  private typical = false;
  /** Set while a step is being fetched for Back/Forward: clicks on the old step must not act meanwhile. */
  private changing = false;

  connectedCallback() {
    const island = this.querySelector('#guide-data');
    if (!island?.textContent) return;
    this.data = JSON.parse(island.textContent) as GuideData;
    const flow = flowInput(this.data);
    this.config = compileFlow(flow);
    this.steps = new StepCache(this.data.base);
    for (const q of this.data.flow.questions) this.questions.set(q.id, q);
    for (const f of this.data.flow.fixes) this.fixTitles.set(f.id, f.title);
    const node = this.node;
    // The home page asks the first question: arriving from it, the usual answer here is the person's own.
    const fromHome = document.referrer === new URL(this.data.base, location.href).href;
    ({ context: this.context, typical: this.typical } = arrival(this.config, typicalPaths(flow), node, loadContext(), fromHome));
    this.querySelector('[data-no-js-note]')?.remove(); // it describes the page without JavaScript
    this.refresh();
    if (fromHome) focusHeading(this.article);
    if ('scrollRestoration' in history) history.scrollRestoration = 'manual'; // Back shows a step from its h1, never mid-page
    rememberStep({ node, context: this.context });
    this.addEventListener('click', this.onClick);
    this.addEventListener('change', this.onTick);
    window.addEventListener('popstate', this.onPop);
    this.steps.put(node, currentStep(this.article)); // so Back to this page needs no request
    reportStep(node, fromHome ? this.context.trail : undefined); // from the home page, its answer is the person's own
    // On a page that is never idle (a busy phone, a frame resized by its host) the prefetch still runs within 2 s.
    if ('requestIdleCallback' in window) requestIdleCallback(() => this.prefetchAround(node), { timeout: 2000 });
    else setTimeout(() => this.prefetchAround(node), 200);
  }

  disconnectedCallback() { window.removeEventListener('popstate', this.onPop); } // prettier-ignore
  private get article() { return this.querySelector<HTMLElement>('#step')!; } // prettier-ignore
  private get node() { return this.article.dataset.node!; } // prettier-ignore

  /** Fetches the steps one event away from `node` for this context (its answers, or "fixed" / the next try), then marks the guide ready. */
  private prefetchAround(node: string) {
    this.removeAttribute('data-ready');
    const next = Object.keys(this.config.states[node]?.on ?? {}).flatMap((type) => {
      const event = guideEvent(type);
      return (event && step(this.config, node, this.context, event)?.node) || [];
    });
    void Promise.all([...new Set([...next, START])].map((id) => this.steps.load(id))).then(() => {
      if (this.node === node) this.setAttribute('data-ready', '');
    });
  }

  private onClick = (e: MouseEvent) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-event], a[data-change], a[data-restart]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    // The second click of a double click lands on whatever was swapped in under the pointer: ignore it.
    if (this.changing || e.detail > 1) return e.preventDefault();
    timing.start();
    let next: string;
    let previous: string | undefined;
    if (a.dataset.restart !== undefined) [next, this.context] = [START, restart(this.context)];
    else if (a.dataset.change) {
      next = a.dataset.change;
      ({ context: this.context, previous } = change(this.config, this.context, next));
    } else {
      const event = guideEvent(a.dataset.event);
      const after = event && step(this.config, this.node, this.context, event);
      if (!after) return;
      reportGuideEvent(this.node, event.type); // ids only, for the support request and help-desk listeners
      [next, this.context] = [after.node, after.context];
    }
    this.typical = false;
    saveContext(this.context);
    if (!this.show(next, true)) return; // not at hand: the link navigates
    e.preventDefault();
    markPrevious(this.article, previous);
  };

  private onTick = (e: Event) => {
    const box = e.target as HTMLInputElement;
    if (box.type !== 'checkbox' || box.dataset.step === undefined) return;
    const fix = this.node;
    const after = step(this.config, fix, this.context, { type: TICK, step: Number(box.dataset.step), checked: box.checked });
    if (!after) return;
    this.context = after.context;
    saveTicks(fix, this.context.ticked[fix] ?? []);
    saveContext(this.context);
  };

  private onPop = async (e: PopStateEvent) => {
    const state = asHistoryState(e.state);
    if (!state) return;
    this.context = state.context;
    this.typical = false;
    saveContext(this.context);
    // After a reload, earlier entries' steps are not cached yet: fetch the one needed, reload only if that fails.
    this.changing = true;
    await this.steps.load(state.node);
    this.changing = false;
    if (!this.show(state.node, false)) location.reload();
  };

  /** Puts `node` on screen from its prebuilt step; false when it is not available. */
  private show(node: string, push: boolean): boolean {
    const prebuilt = this.steps.get(node);
    if (!prebuilt) return false;
    const url = nodeUrl(this.data.base, node);
    if (push) pushStep({ node, context: this.context }, url);
    showStep(this.article, node, prebuilt, this.querySelector('[data-announce]'));
    reportStep(node);
    const share = this.querySelector<HTMLInputElement>('#share-url');
    if (share) share.value = new URL(url, location.href).href;
    this.refresh();
    timing.end();
    this.prefetchAround(node);
    return true;
  }

  private refresh() {
    this.context = syncPanels(this, this.config, this.context, { typical: this.typical, base: this.data.base, questions: this.questions, fixTitles: this.fixTitles });
  }
}

interface Lookups {
  typical: boolean;
  base: string;
  questions: Map<string, GuideData['flow']['questions'][number]>;
  fixTitles: Map<string, string>;
}

/** Brings the side panel, the ticks and the "No" link in line with the context; returns it with this fix's stored ticks. */
function syncPanels(root: HTMLElement, config: GuideMachineConfig, context: GuideContext, look: Lookups): GuideContext {
  const article = root.querySelector<HTMLElement>('#step')!;
  const node = article.dataset.node!;
  const url = (id: string) => nodeUrl(look.base, id);
  const holder = root.querySelector('[data-answers]');
  if (holder) {
    const rows = answerRows(context.trail, (id) => look.questions.get(id));
    const tried = context.tried.flatMap((id) => look.fixTitles.get(id) ?? []);
    renderAnswers(holder, { rows, typical: look.typical, first: node === START, tried, url });
  }
  if (article.dataset.kind !== 'fix') return context;
  const ticks = loadTicks(node);
  setTicks(article, ticks);
  const withTicks = { ...context, ticked: { ...context.ticked, [node]: ticks } };
  const next = step(config, node, withTicks, { type: NOT_FIXED })?.node;
  if (next) pointNotFixed(article, { id: next, url: url(next), title: isFinal(next) ? undefined : look.fixTitles.get(next) }, look.typical);
  const later = alsoLikely(withTicks, node, next).flatMap((id) => {
    const title = look.fixTitles.get(id);
    return title ? [{ url: url(id), title }] : [];
  });
  listAlsoLikely(article, later, look.typical ? ALSO_LIKELY.typical : ALSO_LIKELY.yours);
  return withTicks;
}

customElements.define('fix-guide', FixGuide);
