/**
 * Word evidence per page. Each query word is searched on its own and its evidence per page saturates, so a
 * page that mentions a common word ("token", "api") in fifteen places does not outrank one that matches the
 * rare word once. Words are weighted by how few pages they match, counting fuzzy matches, which fuse.js's own
 * IDF (exact words only) does not see.
 *
 * Only pages that hold a spelling of a query word are ever touched (the inverted index prunes the rest), and
 * the costly part, where each word stands in the text for the snippet, is worked out for the shown results only.
 */
import { KEY_WEIGHTS, WEIGHT_TOTAL, type Posting, type SearchIndex } from './index-build';
import { occurrences, snippetOf, type FieldMatch, type Snippet } from './snippet';
import type { Spelling } from './spellings';

/** How fast repeated matches of one word in one page stop adding evidence (x / (x + SATURATION)). */
const SATURATION = 1;

/** One field value a query word matched, through one of its spellings. */
interface Hit {
  posting: Posting;
  word: number;
  score: number;
}

/** What one query word found: its hits in order, and the evidence per page (page → x), in first-hit order. */
interface TermHits {
  term: string;
  hits: Hit[];
  perDoc: Map<number, number>;
}

/** The pages one query word matches, as fuse.js would score a field search: -log(score) × key weight × norm, summed. */
function matchTerm(index: SearchIndex, term: string, spellings: Spelling[]): TermHits {
  const hits: Hit[] = [];
  const perDoc = new Map<number, number>();
  for (const { word, score } of spellings)
    for (const posting of index.postings[word]!) {
      hits.push({ posting, word, score });
      perDoc.set(posting.doc, (perDoc.get(posting.doc) ?? 0) + -Math.log(score) * (KEY_WEIGHTS[posting.key] / WEIGHT_TOTAL) * posting.norm);
    }
  return { term, hits, perDoc };
}

export interface WordScores {
  /** Page → score (1 minus the share of the query's IDF-weighted words it covers), in first-match order. */
  scores: Map<number, number>;
  /** The snippet for one page; call it only for the results shown. */
  snippet(doc: number): Snippet | undefined;
}

export function wordScores(index: SearchIndex, terms: string[], spellings: (term: string) => Spelling[]): WordScores {
  const perTerm = terms.map((t) => matchTerm(index, t, spellings(t)));
  const n = index.docs.length;
  const idf = perTerm.map(({ perDoc }) => Math.log(1 + (n - perDoc.size + 0.5) / (perDoc.size + 0.5)));
  const total = idf.reduce((a, b) => a + b, 0);
  const sums = new Map<number, number>();
  perTerm.forEach(({ perDoc }, term) => {
    for (const [doc, x] of perDoc) sums.set(doc, (sums.get(doc) ?? 0) + idf[term]! * (x / (x + SATURATION)));
  });
  const scores = new Map<number, number>();
  for (const [doc, sum] of sums) scores.set(doc, 1 - sum / total);

  const snippet = (doc: number) => {
    const matches: { term: number; m: FieldMatch }[] = [];
    perTerm.forEach(({ term, hits }, t) => {
      for (const { posting: p, word } of hits)
        if (p.doc === doc) matches.push({ term: t, m: { key: p.key, value: p.value, indices: occurrences(p.value, index.words[word]!, term) } });
    });
    return snippetOf(matches, idf);
  };
  return { scores, snippet };
}
