/**
 * The search engine: exact matching of pasted error strings first, then
 * fuse.js token search (TF-IDF over fuzzy word matches) on the reduced query.
 * Pure: the same code runs in the browser, the unit tests and the benchmark.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { SearchDoc } from './documents';
import { normalise, reduce, type Reduced } from './reduce';

export interface Snippet {
  text: string;
  /** [start, end] inclusive character ranges to highlight. */
  ranges: [number, number][];
}
export interface SearchResult {
  doc: SearchDoc;
  score: number;
  /** How it matched: the pasted error string, or fuzzy words. */
  via: 'error' | 'words';
  snippet?: Snippet;
}
export interface SearchOutcome {
  results: SearchResult[];
  reduced: Reduced;
}

/** Tuned on tests/unit/fixtures/search-queries.ts; see the README's search notes. */
export const FUSE_OPTIONS: IFuseOptions<SearchDoc> = {
  keys: [
    { name: 'title', weight: 3 },
    { name: 'errors', weight: 3 },
    { name: 'words', weight: 2 },
    { name: 'summary', weight: 1 },
  ],
  useTokenSearch: true,
  // By default a match only counts near the start of a field; people's words appear anywhere.
  ignoreLocation: true,
  includeScore: true,
  includeMatches: true,
  threshold: 0.3,
  minMatchCharLength: 3,
};
/** fuse.js returns results worse than `threshold`, so we cut on the score ourselves. */
export const SCORE_CUT = 0.75;
const KIND_BIAS: Record<SearchDoc['kind'], number> = { fix: 0, example: 0.02, step: 0.06 };

const flat = (s: string) => normalise(s).replace(/\s+/g, ' ').trim();
const wordsOf = (s: string) => flat(s).match(/[a-z][a-z0-9_.-]*[a-z0-9]/g) ?? [];

export function createSearch(docs: SearchDoc[], index?: ReturnType<typeof Fuse.createIndex<SearchDoc>>) {
  const fuse = new Fuse(docs, FUSE_OPTIONS, index);
  const errors = docs.flatMap((doc) => doc.errors.map((e) => ({ doc, text: e, key: flat(e) }))).filter((x) => x.key.length >= 6);
  const vocabulary = new Set(docs.flatMap((d) => [d.title, d.summary, ...d.words, ...d.errors].flatMap(wordsOf)));

  function search(query: string, limit = 8): SearchOutcome {
    const reduced = reduce(query);
    const q = flat(query);
    const best = new Map<SearchDoc, SearchResult>();
    const offer = (r: SearchResult) => {
      const prev = best.get(r.doc);
      if (!prev || r.score < prev.score) best.set(r.doc, r);
    };

    // 1. Exact error strings: a pasted "jwt expired" or invalid_token body is decisive.
    if (q.length >= 4) {
      for (const e of errors) {
        const contained = q.includes(e.key);
        const partial = !contained && !reduced.pasted && q.length >= 8 && e.key.includes(q);
        if (contained || partial) {
          // Longer matched strings are more specific; a partial match ranks below a whole one.
          const score = (contained ? 0 : 0.15) + 0.1 / Math.log2(2 + e.key.length);
          offer({ doc: e.doc, score, via: 'error', snippet: { text: e.text, ranges: [[0, e.text.length - 1]] } });
        }
      }
    }

    // 2. Fuzzy words. For a paste, only words our content knows can help; the rest is noise.
    const terms = reduced.pasted ? reduced.terms.filter((t) => vocabulary.has(t)) : reduced.terms;
    if (terms.length) {
      for (const r of fuse.search(terms.join(' '), { limit: 40 })) {
        const score = (r.score ?? 1) + KIND_BIAS[r.item.kind];
        if (score <= SCORE_CUT) offer({ doc: r.item, score, via: 'words', snippet: snippetOf(r) });
      }
    }
    const results = [...best.values()].sort((a, b) => a.score - b.score).slice(0, limit);
    return { results, reduced };
  }

  return { search, size: docs.length };
}

/** The best highlighted field to show under a result: the matched symptom or error, else the title. */
function snippetOf(r: FuseResult<SearchDoc>): Snippet | undefined {
  const order = ['errors', 'words', 'title', 'summary'];
  const matches = [...(r.matches ?? [])].filter((m) => m.value).sort((a, b) => order.indexOf(a.key ?? '') - order.indexOf(b.key ?? ''));
  const m = matches.find((x) => x.indices.some(([s, e]) => e - s >= 2));
  if (!m?.value) return undefined;
  return { text: m.value, ranges: m.indices.filter(([s, e]) => e - s >= 2).map(([s, e]) => [s, e] as [number, number]) };
}
