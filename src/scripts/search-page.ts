/**
 * <search-page>: /search/?q= shows results when opened (help desks link
 * searches) and keeps the URL in step while typing, via replaceState.
 * The URL only ever carries the allowlisted reduction of the query (see
 * src/search/share.ts): the text itself stays in the textarea, in memory.
 * The header box hands a query over in memory too (the `fix401:search` event).
 */
import { loadEngine, resultBody, resultUrl, SEARCH_EVENT, type Engine } from './search-client';
import type { Reduced } from '../search/reduce';

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
  private timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const field = this.querySelector<HTMLTextAreaElement>('textarea[data-query]');
    const out = this.querySelector<HTMLElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (!field || !out || !status) return;
    Object.assign(this, { field, out, status, fallback: this.querySelector<HTMLElement>('[data-all]') });
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
    if (!text.trim()) {
      this.out.replaceChildren();
      this.status.textContent = '';
      if (this.fallback) this.fallback.hidden = false;
      return;
    }
    const { results, reduced } = engine.search(text, 12);
    if (this.fallback) this.fallback.hidden = results.length > 0;
    this.out.replaceChildren(
      ...results.map((r) => {
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = resultUrl(r);
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
}

customElements.define('search-page', SearchPage);
