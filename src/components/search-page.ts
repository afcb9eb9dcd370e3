/**
 * <search-page>: /search/?q= shows results when opened (help desks link
 * searches) and keeps the URL in step while typing, via replaceState.
 * The URL only ever carries the allowlisted reduction of the query (see
 * src/search/share.ts): the text itself stays in the textarea, in memory.
 * The header box hands a query over in memory too (the `fix401:search` event).
 * A paste also gets "Analyze this paste": the response analyzer (src/diagnose,
 * its own chunk, loaded on the click) reads it right here, so nothing has to be
 * stored or put in a URL to carry it to /diagnose/.
 */
import { nodeUrl } from '../flow/addresses';
import { loadEngine, resultBody, resultUrl, SEARCH_EVENT, type Engine } from './search-client';
import { base } from './site-base';
import type { Reduced } from '../search/reduce';
import type { Analysis } from '../diagnose/analyze';
import type { Finding } from '../diagnose/finding';
import { reportResult } from './outcome-events';

const SEVERITY: Record<Finding['severity'], string> = { problem: 'Problem', warning: 'Check', info: 'Note' };
/** Quotes from the paste are cut here: the findings and their links must stay in view. */
const QUOTE_CHARS = 240;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The analyzer's findings as text and links: every value from the paste goes in as textContent. */
function findingsView(a: Analysis, cut: Reduced['cut']): HTMLElement[] {
  const n = a.findings.length;
  const heading = el('h2', '', n ? `${n} finding${n === 1 ? '' : 's'} in your paste` : 'The analyzer found nothing to flag in this paste');
  heading.tabIndex = -1;
  const notes = [...a.notices, ...(cut ? [`Only the first ${Math.max(1, Math.round(cut.chars / 1024))} KB were analyzed.`] : [])];
  const list = el('ol', 'findings');
  for (const f of a.findings) {
    const li = el('li', `finding sev-${f.severity}`);
    const head = el('p', 'finding-head');
    head.append(el('span', `pill sev-${f.severity}`, SEVERITY[f.severity]), ' ', el('strong', '', f.title));
    li.append(head, el('p', '', f.detail));
    if (f.quote) {
      const pre = el('pre', 'quote');
      pre.append(el('code', '', f.quote.length > QUOTE_CHARS ? `${f.quote.slice(0, QUOTE_CHARS)}…` : f.quote));
      li.append(pre);
    }
    if (f.fixId) {
      const a = el('a', 'button secondary', 'Go to the fix');
      a.href = nodeUrl(base(), f.fixId);
      li.append(a);
    }
    list.append(li);
  }
  return [heading, ...notes.map((t) => el('p', 'small muted', t)), ...(n ? [list] : [])];
}

function readNote(reduced: Reduced): string {
  const found = [reduced.status && `status ${reduced.status}`, ...reduced.schemes.map((s) => `${s} challenge`), ...reduced.codes].filter(Boolean);
  const read = reduced.pasted ? ` Read from your paste: ${found.join(', ') || 'no status or error code'}.` : '';
  const cut = reduced.cut
    ? ` Only the first ${reduced.cut.lines.toLocaleString('en')} lines (${Math.max(1, Math.round(reduced.cut.chars / 1024))} KB) were read.`
    : '';
  return read + cut;
}

class SearchPage extends HTMLElement {
  private field!: HTMLTextAreaElement;
  private out!: HTMLElement;
  private status!: HTMLElement;
  private fallback: HTMLElement | null = null;
  private analyzeBox: HTMLElement | null = null;
  private analysis: HTMLElement | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const field = this.querySelector<HTMLTextAreaElement>('textarea[data-query]');
    const out = this.querySelector<HTMLElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!field || !out || !status) return;
    Object.assign(this, {
      field,
      out,
      status,
      fallback: this.querySelector<HTMLElement>('[data-all]'),
      analyzeBox: this.querySelector<HTMLElement>('[data-analyze]'),
      analysis: this.querySelector<HTMLElement>('[data-analysis]'),
    });
    this.querySelector('[data-analyze-run]')?.addEventListener('click', () => void this.analyze());
    const q = new URLSearchParams(location.search).get('q') ?? '';
    field.value = q;
    // Results are live; without a name the textarea sends nothing even if the form is submitted.
    field.form?.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.update();
    });
    field.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.update(), 80);
    });
    document.addEventListener(SEARCH_EVENT, (e) => {
      field.value = (e as CustomEvent<string>).detail;
      field.focus();
      void this.update();
    });
    if (q) void this.update();
  }

  /** The address bar ends up in history and in shared links: it gets the allowlisted words only. */
  private writeUrl(engine: Engine, text: string) {
    const url = new URL(location.href);
    const shared = engine.shareable(text);
    if (shared) url.searchParams.set('q', shared);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  }

  private async update() {
    const text = this.field.value;
    const engine = await loadEngine();
    if (this.field.value !== text) return; // a newer keystroke will render
    this.writeUrl(engine, text);
    this.analysis?.replaceChildren(); // findings were for the text as it was
    if (!text.trim()) {
      if (this.analyzeBox) this.analyzeBox.hidden = true;
      this.out.replaceChildren();
      this.status.textContent = '';
      if (this.fallback) this.fallback.hidden = false;
      return;
    }
    const { results, reduced } = engine.search(text, 12);
    if (this.fallback) this.fallback.hidden = results.length > 0;
    if (this.analyzeBox) this.analyzeBox.hidden = !reduced.pasted;
    this.out.replaceChildren(
      ...results.map((r) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = resultUrl(r);
        a.addEventListener('click', () => reportResult(r.doc.url, results.indexOf(r) + 1));
        a.className = 'result';
        a.append(resultBody(r));
        li.append(a);
        return li;
      }),
    );
    const note = readNote(reduced);
    this.status.textContent = results.length
      ? `${results.length} result${results.length === 1 ? '' : 's'}.${note}`
      : `Nothing matched.${note} Try fewer words, or start the guide.`;
  }

  /** Runs the response analyzer on what search read of the paste (the same caps), in this page. */
  private async analyze() {
    if (!this.analysis) return;
    const text = this.field.value;
    this.analysis.replaceChildren(el('p', 'small', 'Reading your paste…'));
    let view: HTMLElement[];
    try {
      const [{ analyze }, { clip }] = await Promise.all([import('../diagnose/analyze'), import('../search/reduce')]);
      const { text: head, cut } = clip(text);
      view = findingsView(analyze(head), cut);
    } catch {
      view = [el('p', 'warn', 'The analyzer could not read this paste. The search results above still apply.')];
    }
    if (this.field.value !== text) return; // edited meanwhile: the next search clears this
    this.analysis.replaceChildren(...view);
    view[0]?.focus();
  }
}

customElements.define('search-page', SearchPage);
