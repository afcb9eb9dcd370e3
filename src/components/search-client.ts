/**
 * Shared by the header combobox and the /search/ page: loads the engine and
 * the documents on first use, and renders results as DOM nodes. Everything a
 * person typed is only ever set as textContent: a query cannot become markup.
 */
import type { SearchOutcome, SearchResult, SearchWire, Snippet } from '../search/engine';
import type { SearchDoc } from '../search/documents';
import { base } from './site-base';
import { textFragment } from '../search/text-fragment';

export type Engine = {
  search(q: string, limit?: number): SearchOutcome;
  /** The allowlisted words of a query: the only part of it that may go into a URL. */
  shareable(q: string): string;
};
let engine: Promise<Engine> | undefined;

/** Fired on document with the query text as detail: the header box handing a query to /search/ in memory. */
export const SEARCH_EVENT = 'fix401:search';

/** The rest of the current task goes to the page: parsing the documents and building the index are two tasks, not one long one. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export function loadEngine(): Promise<Engine> {
  return (engine ??= Promise.all([import('../search/engine'), fetch(`${base()}search.json`).then((r) => r.json() as Promise<SearchWire>)]).then(
    async ([m, wire]) => {
      await nextTask();
      return m.createSearch(m.unpackDocuments(wire));
    },
  ));
}

const KIND_LABEL: Record<SearchDoc['kind'], string> = { fix: 'Fix', example: 'Example', step: 'Checklist step' };

/**
 * A result's page; for a matched error, straight to where the page names it, and for words, to where it
 * names the rarest word that matched, when there is one (see text-fragment.ts).
 */
export function resultUrl(r: SearchResult) {
  const url = `${base()}${r.doc.url}`;
  if (!r.snippet || r.doc.url.includes('#')) return url;
  if (r.via === 'error') return url + textFragment(r.snippet.text);
  return r.snippet.focus ? url + textFragment(r.snippet.focus) : url;
}

export function highlight(snippet: Snippet, max = 160): DocumentFragment {
  const frag = document.createDocumentFragment();
  // Centre a long snippet on its first highlight so the match is visible.
  const first = snippet.ranges[0]?.[0] ?? 0;
  const from = snippet.text.length > max ? Math.max(0, Math.min(first - 40, snippet.text.length - max)) : 0;
  const to = Math.min(snippet.text.length, from + max);
  let at = from;
  if (from > 0) frag.append('…');
  for (const [s, e] of snippet.ranges) {
    if (e < from || s >= to || s < at) continue;
    frag.append(snippet.text.slice(at, s));
    const mark = document.createElement('mark');
    mark.textContent = snippet.text.slice(s, Math.min(e + 1, to));
    frag.append(mark);
    at = Math.min(e + 1, to);
  }
  frag.append(snippet.text.slice(at, to));
  if (to < snippet.text.length) frag.append('…');
  return frag;
}

/** The inside of one result: kind, title, matched text. */
export function resultBody(r: SearchResult): DocumentFragment {
  const frag = document.createDocumentFragment();
  const kind = document.createElement('span');
  kind.className = `pill kind-${r.doc.kind}`;
  kind.textContent = KIND_LABEL[r.doc.kind];
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = r.doc.title;
  frag.append(kind, ' ', title);
  const detail = document.createElement('span');
  detail.className = 'result-detail';
  if (r.snippet && r.snippet.text !== r.doc.title) {
    if (r.via === 'error') detail.append('Matches the error: ');
    detail.append(highlight(r.snippet));
  } else detail.textContent = r.doc.summary;
  frag.append(detail);
  return frag;
}
