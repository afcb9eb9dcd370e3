/**
 * <fix-guide> upgrades the server-rendered guide: it runs the guide's machine
 * compiled from content, swaps the next step in place (no page load, no
 * request: the steps one event away are prefetched while the person reads),
 * keeps the URL, history, focus, title and a live region in step. Every answer
 * stays a real link; whenever a step is not at hand, the click just navigates.
 */
import { compileFlow, emptyContext, nodesAfter, type GuideMachineConfig } from '../flow/compile';
import { replayTrail as replay, step } from '../flow/step';
import { flowInput, type GuideData } from '../flow/client-data';
import { guideEvent, isFinal, nodeUrl, NOT_FIXED, START, stepDataUrl, TICK } from '../flow/addresses';
import { answerRows } from '../flow/answers';
import { typicalPaths } from '../flow/paths';
import type { GuideContext, TrailStep } from '../flow/types';
import { loadContext, loadTicks, saveContext, saveTicks } from './guide-store';

interface StepHtml {
  title: string;
  kind: string;
  html: string;
  docTitle: string;
}
type Steps = Record<string, StepHtml>;


class FixGuide extends HTMLElement {
  private data!: GuideData;
  private config!: GuideMachineConfig;
  private paths = new Map<string, TrailStep[]>();
  private questions = new Map<string, GuideData['flow']['questions'][number]>();
  private fixTitles = new Map<string, string>();
  private context: GuideContext = emptyContext();
  private steps: Steps = {};
  private pending = new Map<string, Promise<void>>();

  connectedCallback() {
    const island = this.querySelector('#guide-data');
    if (!island?.textContent) return;
    this.data = JSON.parse(island.textContent) as GuideData;
    const flow = flowInput(this.data);
    this.config = compileFlow(flow);
    this.paths = typicalPaths(flow);
    for (const q of this.data.flow.questions) this.questions.set(q.id, q);
    for (const f of this.data.flow.fixes) this.fixTitles.set(f.id, f.title);
    const node = this.node;
    const stored = loadContext();
    const final = isFinal(node);
    // The stored trail counts only if it still leads here (another tab, or content changed since).
    const replayed = stored && !final ? replay(this.config, stored) : undefined;
    const own = !!stored && (final || replayed?.node === node);
    const ticked = stored?.ticked ?? {};
    if (own) this.context = replayed ? { ...replayed.context, ticked } : stored;
    else {
      // Opened cold: the usual answers to here, and the shortlist they give (so "No" tries the other likely causes).
      const trail = this.paths.get(node) ?? [];
      this.context = { ...emptyContext(), trail, shortlist: replay(this.config, { trail, tried: [] })?.context.shortlist ?? [], ticked };
    }
    this.renderAnswers(!own);
    this.restoreTicks();
    this.pointNotFixed();
    this.querySelector<HTMLElement>('[data-no-js-note]')?.remove(); // it describes the page without JavaScript
    history.replaceState({ node, context: this.context }, '');
    this.addEventListener('click', this.onClick);
    this.addEventListener('change', this.onTick);
    window.addEventListener('popstate', this.onPop);
    // This page's own panel, so Back to it needs no request either.
    const here = this.step;
    this.steps[node] = { title: here.dataset.title ?? '', kind: here.dataset.kind ?? '', html: here.innerHTML, docTitle: document.title };
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    idle(() => this.prefetchAround(node));
  }

  /** Fetches the steps one event away from `node` (its answers, or "fixed" / "not fixed"). */
  private prefetchAround(node: string) {
    this.removeAttribute('data-ready');
    const loads = [...new Set([...nodesAfter(this.config, node), START])].map((id) => this.prefetch(id));
    void Promise.all(loads).then(() => {
      if (this.node === node) this.setAttribute('data-ready', '');
    });
  }

  private prefetch(node: string): Promise<void> {
    if (this.steps[node]) return Promise.resolve();
    let p = this.pending.get(node);
    if (!p) {
      // Every node, start included, has its page (and so its step.json) at guide/<id>/.
      p = fetch(stepDataUrl(this.data.base, node))
        .then((r) => (r.ok ? (r.json() as Promise<StepHtml>) : undefined))
        .then((s) => {
          if (s) this.steps[node] = s;
        })
        .catch(() => {})
        .finally(() => this.pending.delete(node));
      this.pending.set(node, p);
    }
    return p;
  }

  disconnectedCallback() {
    window.removeEventListener('popstate', this.onPop);
  }

  private get step() {
    return this.querySelector<HTMLElement>('#step')!;
  }
  private get node() {
    return this.step.dataset.node!;
  }

  private onClick = (e: MouseEvent) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-event], a[data-change], a[data-restart]');
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    performance.mark('fix401:step-start');
    let next: string;
    let context: GuideContext;
    if (a.dataset.restart !== undefined) {
      next = START;
      context = { ...emptyContext(), ticked: this.context.ticked };
    } else if (a.dataset.change) {
      next = a.dataset.change;
      const cut = this.context.trail.findIndex((s) => s.node === next);
      const trail = this.context.trail.slice(0, Math.max(cut, 0));
      context = { ...(replay(this.config, { trail, tried: [] })?.context ?? { ...emptyContext(), trail }), ticked: this.context.ticked };
    } else {
      const event = guideEvent(a.dataset.event);
      if (!event) return;
      const after = step(this.config, this.node, this.context, event);
      if (!after) return;
      next = after.node;
      context = after.context;
    }
    this.context = context;
    saveContext(context);
    if (this.show(next, 'push')) e.preventDefault();
  };

  private onTick = (e: Event) => {
    const box = e.target as HTMLInputElement;
    if (box.type !== 'checkbox' || box.dataset.step === undefined) return;
    const fix = this.node;
    const after = step(this.config, fix, this.context, { type: TICK, step: Number(box.dataset.step), checked: box.checked });
    if (after) this.context = after.context;
    saveTicks(fix, this.context.ticked[fix] ?? []);
    saveContext(this.context);
  };

  private onPop = (e: PopStateEvent) => {
    const state = e.state as { node?: string; context?: GuideContext } | null;
    if (!state?.node) return;
    this.context = state.context ?? emptyContext();
    saveContext(this.context);
    if (!this.show(state.node, 'none')) location.reload();
  };

  /** Puts `node` on screen from the prebuilt step HTML; false when it is not available. */
  private show(node: string, mode: 'push' | 'none'): boolean {
    const step = this.steps[node];
    if (!step) return false;
    const article = this.step;
    article.innerHTML = step.html;
    article.dataset.node = node;
    article.dataset.kind = step.kind;
    article.className = `step step-${step.kind}`;
    document.title = step.docTitle;
    const url = nodeUrl(this.data.base, node);
    if (mode === 'push') history.pushState({ node, context: this.context }, '', url);
    const share = this.querySelector<HTMLInputElement>('#share-url');
    if (share) share.value = new URL(url, location.href).href;
    this.renderAnswers(false);
    this.restoreTicks();
    this.pointNotFixed();
    const h1 = article.querySelector<HTMLElement>('h1');
    h1?.focus();
    window.scrollTo({ top: 0 });
    const live = this.querySelector('[data-announce]');
    if (live) live.textContent = `${step.kind === 'question' ? 'Question' : 'Step'}: ${step.title}`;
    performance.mark('fix401:step-end');
    performance.measure('fix401:step', 'fix401:step-start', 'fix401:step-end');
    this.prefetchAround(node);
    return true;
  }

  /** With JavaScript, "No" goes to the next try for this person's answers: say so, and let the link go there too. */
  private pointNotFixed() {
    const no = this.step.querySelector<HTMLAnchorElement>(`a[data-event="${NOT_FIXED}"]`);
    if (!no) return;
    const next = step(this.config, this.node, this.context, { type: NOT_FIXED })?.node;
    if (!next || next === no.dataset.next) return;
    no.href = nodeUrl(this.data.base, next);
    no.dataset.next = next;
    // FixStep's "Next: …" line under the buttons names the plain link's target; name the real next try.
    const line = this.step.querySelector('.did-it p');
    const title = this.fixTitles.get(next);
    if (line) line.textContent = title ? `Next: ${title} (the next likely cause for your answers)` : 'Next: we will write the support request for you.';
  }

  private restoreTicks() {
    const fix = this.node;
    if (this.step.dataset.kind !== 'fix') return;
    const ticks = loadTicks(fix);
    this.context = { ...this.context, ticked: { ...this.context.ticked, [fix]: ticks } };
    for (const box of this.step.querySelectorAll<HTMLInputElement>('input[data-step]')) box.checked = ticks.includes(Number(box.dataset.step));
  }

  /** Mirrors YourAnswers.astro: the person's own answers, or the typical path when opened cold. */
  private renderAnswers(typical: boolean) {
    const holder = this.querySelector('[data-answers]');
    if (!holder) return;
    const rows = answerRows(this.context.trail, (id) => this.questions.get(id));
    const section = document.createElement('section');
    section.className = 'your-answers';
    section.setAttribute('aria-labelledby', 'answers-title');
    const h2 = section.appendChild(document.createElement('h2'));
    h2.id = 'answers-title';
    h2.textContent = typical && rows.length ? 'The usual way here' : 'Your answers';
    if (typical && rows.length) {
      const note = section.appendChild(document.createElement('p'));
      note.className = 'muted small';
      note.textContent = 'Opened from a link? These are the answers that usually lead here. Change any of them.';
    }
    if (!rows.length) {
      const p = section.appendChild(document.createElement('p'));
      p.className = 'muted small';
      p.textContent = 'This is the first question.';
    } else {
      const ol = section.appendChild(document.createElement('ol'));
      ol.className = 'answer-list';
      for (const r of rows) {
        const li = ol.appendChild(document.createElement('li'));
        li.append(span('q', r.question), span('a', r.answer));
        const change = li.appendChild(document.createElement('a'));
        change.href = nodeUrl(this.data.base, r.node);
        change.dataset.change = r.node;
        change.append('Change', span('visually-hidden', ` your answer to “${r.question}”`));
      }
    }
    for (const id of this.context.tried) {
      const title = this.fixTitles.get(id);
      if (title) section.appendChild(span('tried small', `Tried: ${title}`));
    }
    holder.replaceChildren(section);
  }
}

function span(className: string, text: string) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}

customElements.define('fix-guide', FixGuide);
