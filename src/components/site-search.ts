/**
 * <site-search> upgrades the header's plain form into a WAI-ARIA combobox:
 * results as you type, arrow keys, Enter, Escape. The engine and the index
 * load on first focus, not with the page.
 *
 * Nothing typed or pasted goes into a URL as it is. Without JavaScript the
 * form's field has no name, so it opens the search page's full list. With it,
 * Enter opens /search/?q= with the allowlisted words only (src/search/share.ts),
 * or, on /search/ itself, hands the text to the page in memory. A multi-line
 * paste is kept whole in memory (an <input> would flatten it) and shown
 * flattened in the box.
 */
import { loadEngine, resultBody, resultUrl, SEARCH_EVENT } from './search-client';
import { base } from './site-base';
import type { SearchResult } from '../search/engine';
import { reportResult } from './outcome-events';

let counter = 0;
/** One space per line-break character, so positions in the box and in the kept paste stay the same. */
const flatten = (text: string) => text.replace(/[\r\n]/g, ' ');

class SiteSearch extends HTMLElement {
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private results: SearchResult[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The last multi-line paste, whole, while the box still shows it. */
  private pasted: { raw: string; shown: string } | undefined;

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('input[type=search]');
    if (!input || this.dataset.upgraded) return;
    this.dataset.upgraded = '';
    this.input = input;
    const id = `search-results-${++counter}`;
    this.list = document.createElement('ul');
    this.list.id = id;
    this.list.className = 'search-popup';
    this.list.setAttribute('role', 'listbox');
    this.list.setAttribute('aria-label', 'Search results');
    this.list.hidden = true;
    this.append(this.list);
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.addEventListener('focus', () => void loadEngine(), { once: true });
    input.addEventListener('paste', this.onPaste);
    input.addEventListener('input', () => {
      if (this.pasted && input.value !== this.pasted.shown) this.pasted = undefined;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.update(), 60);
    });
    input.addEventListener('keydown', this.onKey);
    input.form?.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.submit();
    });
    this.list.addEventListener('mousedown', (e) => e.preventDefault()); // keep focus in the input while clicking
    this.list.addEventListener('click', (e) => {
      const li = (e.target as Element).closest<HTMLElement>('[role=option]');
      if (li) this.go(Number(li.dataset.index));
    });
    this.addEventListener('focusout', (e) => {
      if (!this.contains(e.relatedTarget as Node)) this.close();
    });
  }

  /** The query: a multi-line paste as pasted, else what the box shows. */
  private get query(): string {
    return this.pasted?.raw ?? this.input.value;
  }

  private onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (!/[\r\n]/.test(text)) return; // one line: the box keeps it as it is
    e.preventDefault();
    const { value, selectionStart, selectionEnd } = this.input;
    // Into the earlier paste when the box still shows it, so its line breaks survive a second paste.
    const before = this.pasted && this.pasted.shown === value ? this.pasted.raw : value;
    const raw = before.slice(0, selectionStart ?? value.length) + text + before.slice(selectionEnd ?? value.length);
    const shown = flatten(raw);
    this.input.value = shown;
    this.pasted = { raw, shown };
    this.input.dispatchEvent(new Event('input', { bubbles: true }));
  };

  /** Enter without a picked result: the search page, with nothing of the text in its URL but allowlisted words. */
  private async submit() {
    const text = this.query;
    if (document.querySelector('search-page')) {
      document.dispatchEvent(new CustomEvent(SEARCH_EVENT, { detail: text }));
      this.close();
      return;
    }
    const shared = text.trim() ? (await loadEngine()).shareable(text) : '';
    location.href = `${base()}search/${shared ? `?${new URLSearchParams({ q: shared })}` : ''}`;
  }

  private async update() {
    const q = this.query.trim();
    if (q.length < 2) return this.close();
    const engine = await loadEngine();
    if (this.query.trim() !== q) return; // a newer keystroke will render
    this.results = engine.search(q, 6).results;
    this.render(flatten(q));
  }

  private render(q: string) {
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    const items = this.results.map((r, i) => {
      const li = document.createElement('li');
      li.id = `${this.list.id}-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.dataset.index = String(i);
      li.append(resultBody(r));
      return li;
    });
    const all = document.createElement('li');
    all.className = 'search-all';
    all.setAttribute('role', 'option');
    all.setAttribute('aria-selected', 'false');
    all.id = `${this.list.id}-all`;
    all.dataset.index = String(this.results.length);
    all.textContent = this.results.length ? `All results for “${q.slice(0, 60)}”` : `No quick match. Search everything for “${q.slice(0, 60)}”`;
    this.list.replaceChildren(...items, all);
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  private close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private move(delta: number) {
    const options = [...this.list.querySelectorAll<HTMLElement>('[role=option]')];
    if (!options.length) return;
    this.active = (this.active + delta + options.length) % options.length;
    options.forEach((o, i) => o.setAttribute('aria-selected', String(i === this.active)));
    const current = options[this.active]!;
    this.input.setAttribute('aria-activedescendant', current.id);
    current.scrollIntoView({ block: 'nearest' });
  }

  private go(index: number) {
    const r = this.results[index];
    if (r) reportResult(r.doc.url, index + 1);
    if (r) location.href = resultUrl(r);
    else void this.submit();
  }

  private onKey = (e: KeyboardEvent) => {
    const open = !this.list.hidden;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open) void this.update();
      else this.move(1);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      this.move(-1);
    } else if (e.key === 'Enter' && open && this.active >= 0) {
      e.preventDefault();
      this.go(this.active);
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        this.close();
      } else {
        this.input.value = '';
        this.pasted = undefined;
      }
    }
  };
}

customElements.define('site-search', SiteSearch);
