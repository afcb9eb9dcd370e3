/**
 * Word evidence per page. Each query word is searched on its own and its evidence per page saturates, so a
 * page that mentions a common word ("token", "api") in fifteen places does not outrank one that matches the
 * rare word once. Words are weighted by how few pages they match, counting fuzzy matches, which fuse.js's own
 * IDF (exact words only) does not see.
 *
 * Only pages that hold a spelling of a query word are ever touched (the inverted index prunes the rest), sums
 * go into flat arrays instead of maps, and the costly part, where each word stands in the text for the
 * snippet, is worked out for the shown results only.
 */
import { KEY_WEIGHTS, WEIGHT_TOTAL, type Posting, type SearchIndex } from './index-build';
import { occurrences, snippetOf, type FieldMatch, type Snippet } from './snippet';
import type { Spelling } from './spellings';

/** How fast repeated matches of one word in one page stop adding evidence (x / (x + SATURATION)). */
const SATURATION = 1;
/**
 * BM25's b, for long queries only: how far a page's length (relativeLength) raises the evidence it needs per
 * word. A page with a hundred symptom phrases shares some word with almost any long report, and such hub pages
 * were the ones most often in the top three of real reports that were not theirs. A short query is different:
 * matching all of its two or three words is the evidence, whatever the page's size, so it is left alone.
 * Both numbers were chosen on the tuning part of the real reports (0.1 to 1; from 4 to 10 words).
 */
export const LENGTH_NORM = 0.2;
export const LONG_QUERY_TERMS = 6;
/**
 * How much of a page's score comes from its one best passage (a symptom, an error string, the title) rather than
 * from all its words together. A page whose single symptom holds several of the report's words is about that
 * report; a hub page that holds each word in a different one of its hundred symptoms is not. Chosen on the tuning
 * part of the real reports on 2026-12-01 (0 to 0.5 in steps of 0.05: 1072 of 1,415 at 0, best at 0.2 with 1100);
 * held out, measured once: 379 to 387 of 597.
 */
export const BEST_PASSAGE = 0.2;

/** What one query word found: its spellings, and the pages it matched with their evidence x, in first-match order. */
interface TermHits {
  term: string;
  spellings: Spelling[];
  docs: number[];
  xs: number[];
  /** The passages (field values) it matched, each once, and the page of each. */
  passages: number[];
  passageDocs: number[];
}

export interface WordScores {
  /**
   * Page → score, in first-match order: 1 minus the share of the query's IDF-weighted words it covers, that share
   * blended with the share its best passage covers alone (BEST_PASSAGE).
   */
  scores: Map<number, number>;
  /** The snippet for one page; call it only for the results shown. */
  snippet(doc: number): Snippet | undefined;
}

/** The postings of one page in a word's list, which is in page order: [from, to). */
function rangeOf(list: Posting[], doc: number): [number, number] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.doc < doc) lo = mid + 1;
    else hi = mid;
  }
  let to = lo;
  while (to < list.length && list[to]!.doc === doc) to++;
  return [lo, to];
}

/** A query word found in at most this many pages is rare enough to take a result to where the page names it. */
export const FOCUS_PAGES = 2;

export function createScorer(index: SearchIndex) {
  const n = index.docs.length;
  const RARE_IDF = Math.log(1 + (n - FOCUS_PAGES + 0.5) / (FOCUS_PAGES + 0.5));
  const acc = new Float64Array(n);
  const stamp = new Uint32Array(n);
  const best = new Float64Array(n);
  const cover = new Float64Array(index.passages);
  // One stamp array, two uses, each under its own generation: in matchTerm a passage is listed once per query
  // word; in wordScores its cover is reset once per query.
  const passageStamp = new Uint32Array(index.passages);
  let generation = 0;

  /** The pages one query word matches, as fuse.js would score a field search: -log(score) × key weight × norm, summed. */
  function matchTerm(term: string, spellings: Spelling[]): TermHits {
    const gen = ++generation;
    const docs: number[] = [];
    const passages: number[] = [];
    const passageDocs: number[] = [];
    for (const { word, score } of spellings) {
      const w = -Math.log(score);
      for (const p of index.postings[word]!) {
        if (passageStamp[p.passage] !== gen) {
          passageStamp[p.passage] = gen;
          passages.push(p.passage);
          passageDocs.push(p.doc);
        }
        if (stamp[p.doc] !== gen) {
          stamp[p.doc] = gen;
          acc[p.doc] = 0;
          docs.push(p.doc);
        }
        acc[p.doc]! += w * (KEY_WEIGHTS[p.key] / WEIGHT_TOTAL) * p.norm;
      }
    }
    return { term, spellings, docs, xs: docs.map((d) => acc[d]!), passages, passageDocs };
  }

  function snippet(perTerm: TermHits[], idf: number[], doc: number): Snippet | undefined {
    const matches: { term: number; m: FieldMatch }[] = [];
    perTerm.forEach(({ term, spellings }, t) => {
      for (const { word } of spellings) {
        const list = index.postings[word]!;
        const [from, to] = rangeOf(list, doc);
        for (let i = from; i < to; i++) {
          const p = list[i]!;
          matches.push({ term: t, m: { key: p.key, value: p.value, indices: occurrences(p.value, index.words[word]!, term) } });
        }
      }
    });
    return snippetOf(matches, idf, RARE_IDF);
  }

  return function wordScores(terms: string[], spellings: (term: string) => Spelling[]): WordScores {
    const perTerm = terms.map((t) => matchTerm(t, spellings(t)));
    const lengthNorm = terms.length >= LONG_QUERY_TERMS ? LENGTH_NORM : 0;
    const idf = perTerm.map(({ docs }) => Math.log(1 + (n - docs.length + 0.5) / (docs.length + 0.5)));
    const total = idf.reduce((a, b) => a + b, 0);
    const gen = ++generation;
    const order: number[] = [];
    perTerm.forEach(({ docs, xs }, term) => {
      docs.forEach((doc, k) => {
        if (stamp[doc] !== gen) {
          stamp[doc] = gen;
          acc[doc] = 0;
          best[doc] = 0;
          order.push(doc);
        }
        const x = xs[k]!;
        acc[doc]! += idf[term]! * (x / (x + SATURATION * (1 - lengthNorm + lengthNorm * index.relativeLength[doc]!)));
      });
    });
    // Every page a term's passage belongs to is in `order` already, so `best` was reset for it above.
    perTerm.forEach(({ passages, passageDocs }, term) => {
      passages.forEach((passage, k) => {
        if (passageStamp[passage] !== gen) {
          passageStamp[passage] = gen;
          cover[passage] = 0;
        }
        const c = (cover[passage]! += idf[term]!);
        const doc = passageDocs[k]!;
        if (c > best[doc]!) best[doc] = c;
      });
    });
    const scores = new Map<number, number>();
    for (const doc of order) scores.set(doc, 1 - ((1 - BEST_PASSAGE) * acc[doc]! + BEST_PASSAGE * best[doc]!) / total);
    return { scores, snippet: (doc) => snippet(perTerm, idf, doc) };
  };
}
