/**
 * The search engine: exact matching of pasted error strings first, then
 * fuse.js token search (TF-IDF over fuzzy word matches) on the reduced query.
 * Pure: the same code runs in the browser, the unit tests and the benchmark.
 */
import Fuse, { type FuseResult, type IFuseOptions } from 'fuse.js';
import type { SearchDoc } from './documents';
import { normalise, reduce, STOP, type Reduced } from './reduce';

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
  threshold: 0.15,
  minMatchCharLength: 3,
};
/**
 * Scores from words are 1 minus the share of the query's IDF-weighted words a page covers. A long paste covers
 * little of itself, so the absolute cut is loose; the relative cut drops pages with a small fraction of the best
 * page's evidence, which are the ones that only matched a common word.
 */
export const SCORE_CUT = 0.92;
export const RELATIVE_CUT = 0.4;
/** How fast repeated matches of one word in one page stop adding evidence (x / (x + SATURATION)). */
const SATURATION = 1;
const KIND_BIAS: Record<SearchDoc['kind'], number> = { fix: 0, example: 0.02, step: 0.15 };

/** fuse.js's own tokenizer, so our vocabulary and its index agree on what a word is. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;
const tokens = (s: string) => normalise(s).match(TOKEN) ?? [];
/** Error strings are compared as word sequences, so quoting, spacing and JSON layout don't matter. */
const sequence = (s: string) => (normalise(s).match(/[a-z0-9_]+/g) ?? []).join(' ');

/** "401 Unauthorized", "HTTP ERROR 401", "401 Authorization Required": a status and its reason phrase. */
const STATUS_LINE_401 = /^(http )?(error )?401( [a-z]+){0,2}$/;

interface ErrorString {
  doc: SearchDoc;
  text: string;
  seq: string;
  /** Words in it that are not in every 401 ("401 Unauthorized" has none). */
  distinctive: number;
}

export function createSearch(docs: SearchDoc[], index?: ReturnType<typeof Fuse.createIndex<SearchDoc>>) {
  const fuse = new Fuse(docs, FUSE_OPTIONS, index);
  const errors: ErrorString[] = docs
    .flatMap((doc) => doc.errors.map((text) => ({ doc, text, seq: sequence(text) })))
    .filter((e) => e.seq.length >= 4)
    .map((e) => ({ ...e, distinctive: e.seq.split(' ').filter((w) => !STOP.has(w) && !/^\d+$/.test(w)).length }));
  const vocabulary = new Set(docs.flatMap((d) => [d.title, d.summary, ...d.words, ...d.errors].flatMap(tokens)));

  /**
   * Each word is searched on its own and its evidence per page saturates, so a page that mentions a common word
   * ("token", "api") in fifteen places does not outrank one that matches the rare word once. Words are weighted by
   * how few pages they match, counting fuzzy matches, which fuse.js's own IDF (exact words only) does not see.
   */
  function wordScores(terms: string[]) {
    const perTerm = terms.map((t) => fuse.search(t));
    const n = docs.length;
    const idf = perTerm.map((rs) => Math.log(1 + (n - rs.length + 0.5) / (rs.length + 0.5)));
    const total = idf.reduce((a, b) => a + b, 0);
    const evidence = new Map<SearchDoc, { sum: number; best?: FuseResult<SearchDoc>; bestX: number }>();
    perTerm.forEach((rs, i) => {
      for (const r of rs) {
        const x = -Math.log(Math.max(r.score ?? 1, 1e-9));
        const sat = x / (x + SATURATION);
        const e = evidence.get(r.item) ?? { sum: 0, bestX: -1 };
        e.sum += idf[i]! * sat;
        if (idf[i]! * sat > e.bestX) { e.bestX = idf[i]! * sat; e.best = r; }
        evidence.set(r.item, e);
      }
    });
    const out = new Map<SearchDoc, { score: number; r: FuseResult<SearchDoc> }>();
    for (const [doc, e] of evidence) out.set(doc, { score: 1 - e.sum / total, r: e.best! });
    return out;
  }

  function search(query: string, limit = 8): SearchOutcome {
    const reduced = reduce(query);
    if (!query.trim()) return { results: [], reduced };
    const errorHits = matchErrors(query, reduced.pasted);

    // For a paste, only words our content knows can help; the rest is noise. Typed words may be typos, so they
    // stay unless they are short enough that a fuzzy or mid-word match would be chance ("cat" in "application").
    // A snake_case name we don't know ("_oauth2_proxy", "session_expired") may still be made of words we do.
    const split = (t: string) => (vocabulary.has(t) || !t.includes('_') ? [t] : t.split('_'));
    const terms = [...new Set(reduced.terms.flatMap((t) => (normalise(t).match(TOKEN) ?? []).flatMap(split)))].filter(
      (t) => t.length >= (FUSE_OPTIONS.minMatchCharLength ?? 1) && (vocabulary.has(t) || (!reduced.pasted && t.length > 4)),
    );
    const fuzzy = wordScores(terms);

    const results: SearchResult[] = [];
    for (const [doc, e] of errorHits) {
      const f = fuzzy.get(doc);
      // The error string decides the order; words seen around it break ties between pages sharing a string.
      results.push({ doc, score: e.score * (0.5 + 0.5 * (f?.score ?? 1)), via: 'error', snippet: e.snippet });
    }
    const bestCoverage = Math.max(0, ...[...fuzzy.values()].map((f) => 1 - f.score));
    for (const [doc, { score: s, r }] of fuzzy) {
      if (errorHits.has(doc) || 1 - s < RELATIVE_CUT * bestCoverage) continue;
      const score = s + KIND_BIAS[doc.kind];
      if (score <= SCORE_CUT) results.push({ doc, score, via: 'words', snippet: snippetOf(r) });
    }
    return { results: results.sort((a, b) => a.score - b.score).slice(0, limit), reduced };
  }

  /** Error strings found in the query, or (for typed words) a query that is part of one. Best per page. */
  function matchErrors(query: string, pasted: boolean) {
    const q = sequence(query);
    const padded = ` ${q} `;
    const found: { e: ErrorString; at: number; partial: boolean }[] = [];
    if (q.length >= 4)
      for (const e of errors) {
        const at = padded.indexOf(` ${e.seq} `);
        if (at >= 0) found.push({ e, at, partial: false });
        else if (!pasted && q.length >= 8 && q.includes(' ') && ` ${e.seq} `.includes(padded)) found.push({ e, at: -1, partial: true });
      }
    const best = new Map<SearchDoc, { score: number; snippet: Snippet }>();
    for (const { e, at, partial } of found) {
      // A string overlapping a longer one that also matched is explained by it: `Bearer error="invalid_token"` by the
      // whole challenge with its description.
      const subsumed = at >= 0 && found.some((o) => o.at >= 0 && o.e.seq.length > e.seq.length && o.e.doc !== e.doc && o.at < at + e.seq.length && at < o.at + o.e.seq.length);
      const weak = e.distinctive === 0 || STATUS_LINE_401.test(e.seq) || subsumed;
      // Every 401 response carries its status line, so in a paste it singles out nothing.
      if (weak && pasted && !subsumed) continue;
      const score = weak ? 0.35 : e.distinctive === 1 ? 0.12 : (partial ? 0.15 : 0) + 0.1 / Math.log2(2 + e.seq.length);
      const prev = best.get(e.doc);
      if (!prev || score < prev.score) best.set(e.doc, { score, snippet: { text: e.text, ranges: [[0, e.text.length - 1]] } });
    }
    return best;
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
