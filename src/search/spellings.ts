/**
 * The vocabulary words a query word stands for, with fuse.js-style scores (a substring match is 0.001).
 * A word we know needs no fuzzy pass: the words containing it (through the trigram index), the same word
 * without a short ending ("cookies" also finds "cookie"), and its other forms by Porter stem ("stripped"
 * finds "strips"; the stemmer package, since hand-cut endings miss doubled letters). An unknown word that is
 * another form of a known one stands for it; only the rest (typos) go through fuse.js, and their answer is
 * kept, since people retype the same word as they refine a query.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
import { stemmer } from 'stemmer';
import { wordsContaining, type SearchIndex } from './index-build';

/**
 * fuse.js runs over the vocabulary (every distinct word in the documents), not over the documents: each
 * query word is matched fuzzily against a few thousand short words, and the inverted index takes it from there.
 */
export const FUSE_OPTIONS: IFuseOptions<string> = {
  // By default a match only counts near the start; "token" must match inside "invalid_token".
  ignoreLocation: true,
  includeScore: true,
  // One typo per seven letters: "autorization" and "pasword" still match, "world" does not match "word".
  threshold: 0.15,
  // Two-letter words ("ad", "js") would match inside most words while counting as rare.
  minMatchCharLength: 3,
};

export interface Spelling {
  /** Word id in the index. */
  word: number;
  score: number;
}

const TYPO_CACHE_SIZE = 500;
/** The score of another form of the same word ("stripped" for "strips"): close, but less than the word itself. */
export const STEM_SCORE = 0.01;

/**
 * Words of the vocabulary that share a Porter stem with `term` (its other forms: "expires", "expired",
 * "expiring"). The groups are built on first use, from whole words of four letters or more.
 */
export function createStems(index: Pick<SearchIndex, 'words' | 'firstCompound'>): (term: string) => number[] {
  let groups: Map<string, number[]> | undefined;
  return (term) => {
    if (!groups) {
      groups = new Map();
      index.words.forEach((w, id) => {
        if (id >= index.firstCompound || w.length < 4) return;
        const key = stemmer(w);
        const list = groups!.get(key);
        if (list) list.push(id);
        else groups!.set(key, [id]);
      });
    }
    return term.length >= 4 ? (groups.get(stemmer(term)) ?? []) : [];
  };
}

export function createSpellings(index: SearchIndex, forms = createStems(index)): (term: string) => Spelling[] {
  // Built on the first unknown word, not with the index: most queries never need it, and the first search stays short.
  let fuse: Fuse<string> | undefined;
  const typoCache = new Map<string, Spelling[]>();

  function known(term: string): Spelling[] {
    const out: Spelling[] = wordsContaining(index, term).map((word) => ({ word, score: 0.001 }));
    // A joined compound is found by its whole self only (see SearchIndex.firstCompound).
    const own = index.wordId.get(term)!;
    if (own >= index.firstCompound) out.push({ word: own, score: 0.001 });
    // The word less one or two letters of ending, when what is left is still a word of four letters or more.
    for (const cut of [1, 2]) {
      const stem = term.slice(0, term.length - cut);
      const id = stem.length >= 4 ? index.wordId.get(stem) : undefined;
      if (id !== undefined) out.push({ word: id, score: cut / term.length });
    }
    const listed = new Set(out.map((o) => o.word));
    for (const id of forms(term)) if (!listed.has(id)) out.push({ word: id, score: STEM_SCORE });
    // In vocabulary order, as a scan of the whole vocabulary would find them: scores are summed in this order.
    return out.sort((a, b) => a.word - b.word);
  }

  return (term) => {
    if (index.wordId.has(term)) return known(term);
    // Another form of a word we know is not a typo: "preflighted" is "preflight", with no fuzzy pass.
    const same = forms(term);
    if (same.length) return same.map((word) => ({ word, score: STEM_SCORE }));
    let hit = typoCache.get(term);
    if (!hit) {
      fuse ??= new Fuse(index.words, FUSE_OPTIONS);
      hit = fuse.search(term).map((r) => ({ word: r.refIndex, score: Math.max(r.score ?? 1, 0.001) }));
      if (typoCache.size > TYPO_CACHE_SIZE) typoCache.clear();
      typoCache.set(term, hit);
    }
    return hit;
  };
}
