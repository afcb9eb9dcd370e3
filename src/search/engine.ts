/**
 * The search engine: exact matching of pasted error strings first, then
 * fuse.js token search (fuzzy word matches) on the reduced query, one word at
 * a time so that each word's evidence per page can saturate.
 * Pure: the same code runs in the browser, the unit tests and the benchmark.
 *
 * The pieces: index-build.ts (vocabulary, postings, trigrams), spellings.ts (what a query word stands for),
 * errors.ts (exact error strings), scoring.ts (word evidence per page), snippet.ts (what to show).
 */
import type { SearchDoc } from './documents';
import { createErrorMatcher, type ErrorHit } from './errors';
import { buildIndex, TOKEN, type SearchIndex } from './index-build';
import { clip, normalise, reduce, type Reduced } from './reduce';
import { createScorer } from './scoring';
import type { Snippet } from './snippet';
import { shareableQuery } from './share';
import { createSpellings, createStems, FUSE_OPTIONS } from './spellings';

export { invertedIndex, KEY_WEIGHTS, type Posting } from './index-build';
export { FUSE_OPTIONS } from './spellings';
export type { Snippet } from './snippet';
// The browser fetches this module and search.json together, so what unpacks the file travels in the same chunk.
export { unpackDocuments, type SearchWire } from './wire';

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

/**
 * Scores from words are 1 minus the share of the query's IDF-weighted words a page covers (see scoring.ts). A long paste covers
 * little of itself, so the absolute cut is loose; the relative cut drops pages with a small fraction of the best
 * page's evidence, which are the ones that only matched a common word.
 */
export const SCORE_CUT = 0.92;
export const RELATIVE_CUT = 0.4;
const WEAK_STRING_BOOST = 0.7;
// On equal evidence, the fix before an example of it, and both before a checklist step (a title and nothing else).
export const KIND_BIAS: Record<SearchDoc['kind'], number> = { fix: 0, example: 0.02, step: 0.06 };

/**
 * The words to search with. For a paste, only words our content knows (or other forms of them) can help; the rest is noise. Typed words
 * may be typos, so they stay unless they are short enough that a fuzzy or mid-word match would be chance ("cat"
 * in "application"). A snake_case name we don't know ("_oauth2_proxy", "session_expired") may still be made of
 * words we do.
 */
export function searchTerms(reduced: Reduced, index: Pick<SearchIndex, 'wordId'>, forms: (t: string) => number[] = () => []): string[] {
  const known = (t: string) => index.wordId.has(t);
  const split = (t: string) => (known(t) ? [t] : t.split('_'));
  const all = [...reduced.terms, ...reduced.implied].flatMap((t) => (normalise(t).match(TOKEN) ?? []).flatMap(split));
  const counts = (t: string) => known(t) || (reduced.pasted ? forms(t).length > 0 : t.length > 4);
  return [...new Set(all)].filter((t) => t.length >= (FUSE_OPTIONS.minMatchCharLength ?? 1) && counts(t));
}

/**
 * Error hits and word scores in one ranked list, as candidates: page index, score, how it matched. A strong
 * string decides the order, and words seen around it break ties between pages sharing it. A weak one
 * ("401 Unauthorized" inside a longer question) only adds to the words, unless there are no other words.
 */
export function rank(
  docs: SearchDoc[],
  docIndex: Map<SearchDoc, number>,
  errorHits: Map<SearchDoc, ErrorHit>,
  words: Map<number, number>,
  termCount: number,
) {
  const ranked: { doc: number; score: number; via: 'error' | 'words'; snippet?: Snippet }[] = [];
  const byError = new Set<number>();
  for (const [doc, e] of errorHits) {
    const i = docIndex.get(doc)!;
    byError.add(i);
    const w = words.get(i) ?? 1;
    const score = e.weak && termCount ? w * WEAK_STRING_BOOST : e.score * (0.5 + 0.5 * w);
    if (score <= SCORE_CUT) ranked.push({ doc: i, score, via: 'error', snippet: e.snippet });
  }
  let bestCoverage = 0;
  for (const s of words.values()) bestCoverage = Math.max(bestCoverage, 1 - s);
  for (const [i, s] of words) {
    if (byError.has(i) || 1 - s < RELATIVE_CUT * bestCoverage) continue;
    const score = s + KIND_BIAS[docs[i]!.kind];
    if (score <= SCORE_CUT) ranked.push({ doc: i, score, via: 'words' });
  }
  return ranked.sort((a, b) => a.score - b.score);
}

export function createSearch(docs: SearchDoc[]) {
  const index = buildIndex(docs);
  const forms = createStems(index);
  const spellings = createSpellings(index, forms);
  const matchErrors = createErrorMatcher(docs);
  const wordScores = createScorer(index);
  const docIndex = new Map(docs.map((d, i) => [d, i]));
  const vocabulary: ReadonlySet<string> = new Set(index.words);

  function search(query: string, limit = 8): SearchOutcome {
    const { text } = clip(query);
    const reduced = reduce(query);
    if (!text.trim()) return { results: [], reduced };
    const errorHits = matchErrors(text, reduced.pasted);
    const terms = searchTerms(reduced, index, forms);
    const words = wordScores(terms, spellings);
    const results = rank(docs, docIndex, errorHits, words.scores, terms.length)
      .slice(0, limit)
      .map(({ doc, score, via, snippet }): SearchResult => {
        const shown = via === 'error' ? snippet : words.snippet(doc);
        return { doc: docs[doc]!, score, via, ...(shown ? { snippet: shown } : {}) };
      });
    return { results, reduced };
  }

  return {
    search,
    size: docs.length,
    vocabulary,
    /** What of a query may go into a URL: see share.ts. */
    shareable: (query: string) => shareableQuery(query, vocabulary),
  };
}
