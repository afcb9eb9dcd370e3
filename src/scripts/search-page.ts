/**
 * <search-page>: /search/?q= shows results when opened (help desks link
 * searches) and keeps the URL in step while typing, via replaceState.
 */
import { loadEngine, resultBody, resultUrl } from './search-client';
import { redactSecrets } from '../search/redact';

class SearchPage extends HTMLElement {
  connectedCallback() {
    const field = this.querySelector<HTMLTextAreaElement>('textarea[name=q]');
    const out = this.querySelector<HTMLElement>('[data-results]');
    const status = this.querySelector<HTMLElement>('[data-status]');
    const fallback = this.querySelector<HTMLElement>('[data-all]');
    if (!field || !out || !status) return;
    const q = new URLSearchParams(location.search).get('q') ?? '';
    field.value = q;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = async () => {
      const query = field.value.trim();
      const url = new URL(location.href);
      // The address bar ends up in history and in shared links: it gets the paste without its secrets.
      if (query) url.searchParams.set('q', redactSecrets(field.value));
      else url.searchParams.delete('q');
      history.replaceState(history.state, '', url);
      if (!query) {
        out.replaceChildren();
        status.textContent = '';
        if (fallback) fallback.hidden = false;
        return;
      }
      const { results, reduced } = (await loadEngine()).search(field.value, 12);
      if (field.value.trim() !== query) return;
      if (fallback) fallback.hidden = results.length > 0;
      out.replaceChildren(
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
      const read = reduced.pasted
        ? ` Read from your paste: ${[reduced.status && `status ${reduced.status}`, ...reduced.schemes.map((s) => `${s} challenge`), ...reduced.codes].filter(Boolean).join(', ') || 'no status or error code'}.`
        : '';
      status.textContent = results.length
        ? `${results.length} result${results.length === 1 ? '' : 's'}.${read}`
        : `Nothing matched.${read} Try fewer words, or start the guide.`;
    };
    // Results are already live; submitting would send the paste to the server in the URL.
    field.form?.addEventListener('submit', (e) => e.preventDefault());
    field.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void update(), 80);
    });
    if (q) void update();
  }
}

customElements.define('search-page', SearchPage);
