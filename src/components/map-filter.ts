/**
 * <map-filter> upgrades /map/: filters the server-rendered nodes as the agent
 * types (a node shows when its own words or its fix's symptoms and errors
 * contain every typed word, and its branch shows with it), adds a "Copy link"
 * button to every question and fix, and folds the question tree's branches
 * into <details> on narrow screens (all open again for printing).
 * The query never leaves the page: it is not put in the URL or stored.
 */
import { copyText } from './copy-link';

const NARROW = '(max-width: 40rem)';

function guideId(a: HTMLAnchorElement): string | undefined {
  return /\/guide\/([a-z0-9-]+)\/$/.exec(new URL(a.href).pathname)?.[1];
}

function ownText(el: Element): string {
  // The node's own words: everything but nested branches (a folded branch's summary counts).
  return [...el.children].map((c) => (c.tagName === 'UL' ? '' : c.tagName === 'DETAILS' ? ownText(c) : (c.textContent ?? ''))).join(' ');
}

class MapFilter extends HTMLElement {
  private terms: Record<string, string> = {};
  private items: { li: HTMLElement; words: string }[] = [];

  connectedCallback() {
    const ui = this.querySelector<HTMLElement>('[data-filter-ui]');
    const input = this.querySelector<HTMLInputElement>('input');
    const count = this.querySelector('[data-count]');
    if (!ui || !input) return;
    try {
      this.terms = JSON.parse(this.querySelector('[data-terms]')?.textContent || '{}') as Record<string, string>;
    } catch {
      this.terms = {};
    }
    const main = this.closest('main') ?? document;
    this.addCopyButtons(main);
    this.fold(main);
    for (const li of main.querySelectorAll<HTMLElement>('.map-tree li, .map-fixes li')) {
      const ids = [...li.querySelectorAll<HTMLAnchorElement>(':scope > a, :scope > span > a, :scope > details > summary ~ span > a, :scope > .map-fix > a')].map(guideId);
      const words = [ownText(li), ...ids.map((id) => (id && this.terms[id]) || '')].join('\n').toLowerCase();
      this.items.push({ li, words });
    }
    const apply = () => {
      const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      let shown = 0;
      // Deepest first, so a branch shows when anything under it matches.
      for (const { li, words: text } of [...this.items].reverse()) {
        const self = words.every((w) => text.includes(w));
        const child = [...li.querySelectorAll<HTMLElement>(':scope li')].some((c) => !c.hidden);
        li.hidden = words.length > 0 && !self && !child;
        if (!li.hidden && words.length) {
          shown++;
          for (const d of li.querySelectorAll('details')) d.open = true;
        }
      }
      if (count) count.textContent = words.length ? (shown ? `${shown} matching entries` : 'Nothing matches. Clear the filter to see the whole map.') : '';
    };
    input.addEventListener('input', apply);
    this.querySelector('[data-clear]')?.addEventListener('click', () => {
      input.value = '';
      apply();
      input.focus();
    });
    ui.hidden = false;
  }

  private addCopyButtons(root: ParentNode) {
    for (const a of root.querySelectorAll<HTMLAnchorElement>('.map-q > a, .map-fix > a, .map-fixes > li > a')) {
      if (a.nextElementSibling?.matches('button.map-copy')) continue;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'map-copy anchor-copy secondary';
      b.append('Copy link');
      const hidden = document.createElement('span');
      hidden.className = 'visually-hidden';
      hidden.textContent = ` to “${(a.textContent ?? '').trim()}”`;
      b.append(hidden);
      b.addEventListener('click', () => {
        void copyText(a.href).then((ok) => {
          const status = this.querySelector('[data-count]');
          if (status) status.textContent = ok ? `Link copied: ${a.href}` : `Could not copy. ${a.href}`;
        });
      });
      a.after(b);
    }
  }

  /** On phones, each branch under the first question folds into a <details> (open for print). */
  private fold(root: ParentNode) {
    if (!matchMedia(NARROW).matches) return;
    const top = root.querySelector('.map-tree > ul');
    if (!top) return;
    const all: HTMLDetailsElement[] = [];
    for (const li of top.querySelectorAll<HTMLElement>(':scope > li')) {
      const label = li.querySelector(':scope > .map-a');
      if (!label) continue;
      const details = document.createElement('details');
      const summary = document.createElement('summary');
      summary.textContent = (label.textContent ?? '').trim();
      details.append(summary, ...[...li.childNodes].filter((n) => n !== label));
      label.remove();
      li.append(details);
      all.push(details);
    }
    window.addEventListener('beforeprint', () => {
      for (const d of all) d.open = true;
    });
  }
}

if (!customElements.get('map-filter')) customElements.define('map-filter', MapFilter);
