/**
 * Copy-link controls for help desks, added when the page upgrades:
 * - a "Copy link" button on every fix step (li[id^="step-"]) and on every
 *   section heading with an id (h2/h3 in <main>), copying the page's URL with
 *   that anchor;
 * - near the top of the page: "Copy link to this page" and "Copy a message
 *   for the customer" (plain text with the link).
 * Steps swapped in by the guide get theirs too (a MutationObserver on <main>).
 * One delegated click handler, so copies of the markup (the guide keeps the
 * step's HTML for Back) work without their own listeners.
 */
import { copyText } from './copy-link';

const MARK = 'data-anchor-copy';
const STEP_SELECTOR = 'ol.steps > li[id^="step-"]';
/** Sections of a fix (in the guide's step) and of reading pages (checklists, examples, learn). */
const HEADING_SELECTOR = '#step h2[id], #step h3[id], main .prose h2[id], main .prose h3[id]';
/** Headings that are not sections a help desk would send (the guide's own side panel, tab labels, results). */
const SKIP = 'aside, nav, [role="tablist"], .your-answers, [data-no-anchor-copy]';

/** The page's address without the embed flag or any anchor, optionally with one. */
export function pageUrl(hash?: string): string {
  const url = new URL(location.href);
  url.searchParams.delete('embed');
  url.hash = hash ? `#${hash}` : '';
  return url.href;
}

export const customerMessage = (url: string) => `Please follow the steps at ${url}, then tell me whether it worked.`;

function button(label: string, hidden: string, data: Record<string, string>): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'anchor-copy secondary';
  b.append(label);
  if (hidden) {
    const span = document.createElement('span');
    span.className = 'visually-hidden';
    span.textContent = hidden;
    b.append(span);
  }
  for (const [k, v] of Object.entries(data)) b.setAttribute(`data-${k}`, v);
  return b;
}

function headingLabel(h: Element): string {
  return (h.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function addControls(root: ParentNode = document) {
  for (const li of root.querySelectorAll<HTMLElement>(STEP_SELECTOR)) {
    if (li.querySelector(`[${MARK}]`)) continue;
    const n = li.id.slice('step-'.length);
    li.append(button('Copy link', ` to step ${n}`, { 'anchor-copy': li.id }));
  }
  for (const h of root.querySelectorAll<HTMLElement>(HEADING_SELECTOR)) {
    if (h.closest(SKIP) || h.querySelector(`[${MARK}]`) || h.nextElementSibling?.hasAttribute(MARK)) continue;
    // After the heading, not inside it: the heading's accessible name stays its own text.
    h.after(button('Copy link', ` to “${headingLabel(h)}”`, { 'anchor-copy': h.id }));
  }
  const main = document.querySelector('main');
  const crumbs = main?.querySelector('nav.crumbs');
  const place = crumbs ?? main?.querySelector('.prose h1') ?? null;
  if (main && place && !document.querySelector('[data-page-links]')) {
    const bar = document.createElement('div');
    bar.className = 'page-links';
    bar.setAttribute('data-page-links', '');
    bar.append(
      button('Copy link to this page', '', { 'page-copy': 'link' }),
      button('Copy a message for the customer', '', { 'page-copy': 'message' }),
    );
    const status = document.createElement('span');
    status.className = 'small muted';
    status.setAttribute('role', 'status');
    status.setAttribute('data-copy-status', '');
    bar.append(status);
    // Guide pages: under the breadcrumbs (above the step, so it is near the top on a phone); reading pages: before the h1.
    if (crumbs) crumbs.after(bar);
    else place.before(bar);
  }
}

function announce(text: string) {
  const status = document.querySelector('[data-copy-status]');
  if (status) status.textContent = text;
}

document.addEventListener('click', (e) => {
  const b = (e.target as Element | null)?.closest<HTMLButtonElement>('button[data-anchor-copy], button[data-page-copy]');
  if (!b) return;
  const anchor = b.dataset.anchorCopy;
  const text = anchor ? pageUrl(anchor) : b.dataset.pageCopy === 'message' ? customerMessage(pageUrl()) : pageUrl();
  void copyText(text).then((ok) => {
    const what = anchor ? 'Link to this part' : b.dataset.pageCopy === 'message' ? 'Message' : 'Link';
    announce(ok ? `${what} copied.` : `Could not copy. ${text}`);
    if (ok) {
      b.dataset.copied = '';
      setTimeout(() => delete b.dataset.copied, 1500);
    }
  });
});

function start() {
  addControls();
  const main = document.querySelector('main');
  if (main) new MutationObserver(() => addControls()).observe(main, { childList: true, subtree: true });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
