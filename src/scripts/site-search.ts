/**
 * <site-search> upgrades the header's plain GET form (which works without JS)
 * into a WAI-ARIA combobox: results as you type, arrow keys, Enter, Escape.
 * The engine and the index load on first focus, not with the page.
 */
import { loadEngine, resultBody, resultUrl } from './search-client';
import type { SearchResult } from '../search/engine';
import { redactSecrets } from '../search/redact';

let counter = 0;

class SiteSearch extends HTMLElement {
  private input!: HTMLInputElement;
  private list!: HTMLUListElement;
  private results: SearchResult[] = [];
  private active = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;

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
    input.addEventListener('input', () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.update(), 60);
    });
    input.addEventListener('keydown', this.onKey);
    // The search page is a GET: strip tokens, cookies and keys before the paste goes into a URL.
    input.form?.addEventListener('submit', () => {
      input.value = redactSecrets(input.value);
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

  private async update() {
    const q = this.input.value.trim();
    if (q.length < 2) return this.close();
    const engine = await loadEngine();
    if (this.input.value.trim() !== q) return; // a newer keystroke will render
    this.results = engine.search(q, 6).results;
    this.render(q);
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
    if (r) location.href = resultUrl(r);
    else this.input.form?.requestSubmit();
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
      } else this.input.value = '';
    }
  };
}

customElements.define('site-search', SiteSearch);
