/**
 * The search index, built in the browser from search.json (see README, Search): every distinct word of the
 * documents, the field values that hold it (postings), and a trigram index over the words so that finding
 * the words that contain a query word reads a short list instead of the whole vocabulary.
 */
import type { SearchDoc } from './documents';
import { normalise } from './reduce';

/**
 * How much a match in each field counts; normalised to sum to 1, as fuse.js does with key weights. Symptoms
 * (`words`) went from 2 to 2.5 on 2026-12-01: on the real reports both parts gained (tuning 966 to 973 of 1,252,
 * held out 352 to 356 of 538), and every weight from 2.25 to 3.5 did better than 2 in both.
 */
export const KEY_WEIGHTS = { title: 3, errors: 3, words: 2.5, summary: 1 } as const;
export type Key = keyof typeof KEY_WEIGHTS;
export const WEIGHT_TOTAL = Object.values(KEY_WEIGHTS).reduce((a, b) => a + b, 0);

/** fuse.js's own tokenizer, so our vocabulary and its index agree on what a word is. */
export const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;
export const tokens = (s: string): string[] => normalise(s).match(TOKEN) ?? [];

const WORD_AT_START = /^[\p{L}\p{N}]/u;
const WORD_AT_END = /[\p{L}\p{N}]$/u;

/**
 * Words written with hyphens, also as one word: people type "xmlrpc", "signin" or "wpadmin" for what the
 * pages write "XML-RPC", "sign-in" and "wp-admin". Split on whitespace and hyphens, so no regex backtracks.
 */
export function joinedCompounds(s: string): string[] {
  const out: string[] = [];
  for (const chunk of s.split(/\s+/)) {
    const pieces = chunk.split('-');
    let run = '';
    for (let i = 1; i < pieces.length; i++) {
      const before = pieces[i - 1]!;
      const after = pieces[i]!;
      // A hyphen between two letters or digits links words; "--flag" or "a -b" does not.
      if (WORD_AT_END.test(before) && WORD_AT_START.test(after)) {
        // Both sides start or end with a letter or digit, so each has a word there.
        run ||= tokens(before).at(-1)!;
        const next = tokens(after);
        run += next[0]!;
        if (next.length === 1) continue; // the whole piece is one word: the compound may go on
      }
      if (run) out.push(run);
      run = '';
    }
    if (run) out.push(run);
  }
  return out;
}

export interface Posting {
  doc: number;
  key: Key;
  value: string;
  /** fuse.js's field-length norm: a match in a short field counts for more. */
  norm: number;
  /** Which field value of the whole index this is (one symptom, one error string, a title): its number, from 0. */
  passage: number;
}

const fieldNorm = (value: string) => Math.round(1000 / Math.sqrt(Math.max(1, value.split(/\s+/).filter(Boolean).length))) / 1000;

const fieldsOf = (d: SearchDoc): [Key, string[]][] => [['title', [d.title]], ['errors', d.errors], ['words', d.words], ['summary', [d.summary]]];

/** Word → the field values that contain it; `wordsOf` says what the words of a value are. */
export function invertedIndex(docs: SearchDoc[], wordsOf: (value: string) => string[] = tokens): Map<string, Posting[]> {
  const postings = new Map<string, Posting[]>();
  // Numbered in the same order whatever `wordsOf` is, so a value's compounds share its number.
  let passage = 0;
  docs.forEach((d, doc) => {
    for (const [key, values] of fieldsOf(d))
      for (const value of values) {
        const norm = fieldNorm(value);
        const here = passage++;
        for (const w of new Set(wordsOf(value))) {
          const list = postings.get(w) ?? [];
          list.push({ doc, key, value, norm, passage: here });
          postings.set(w, list);
        }
      }
  });
  return postings;
}

export interface SearchIndex {
  docs: SearchDoc[];
  /** The vocabulary, in the order words first appear; a word's id is its position. */
  words: string[];
  wordId: Map<string, number>;
  /** Per word id, its postings. */
  postings: Posting[][];
  /** Trigram → ids of the words that contain it, ascending (words before `firstCompound` only). */
  trigrams: Map<string, number[]>;
  /**
   * Ids from here on are joined hyphen compounds that are no word of their own ("xmlrpc" from "XML-RPC").
   * They match a query word only when it is the whole compound: were they in the trigrams, "api" would also
   * count every "x-api-key" again as "xapikey", and pages full of compounds would gain on every query.
   */
  firstCompound: number;
  /** Per page, how many distinct words it holds over the mean: a page with many symptoms matches more words by chance. */
  relativeLength: Float64Array;
  /** How many field values (passages) the pages hold in all; postings number them from 0. */
  passages: number;
}

export function buildIndex(docs: SearchDoc[]): SearchIndex {
  const byWord = invertedIndex(docs);
  const firstCompound = byWord.size;
  // A page's distinct words, read off the postings before compounds join them (not by tokenising it again).
  const lengths = new Array<number>(docs.length).fill(0);
  for (const list of byWord.values()) for (const doc of new Set(list.map((p) => p.doc))) lengths[doc]!++;
  for (const [w, list] of invertedIndex(docs, joinedCompounds)) {
    const own = byWord.get(w);
    // "e-mail" on one page and "email" on another are one word; its postings stay in page order.
    // A value that holds the plain word too is already filed under it.
    if (own) byWord.set(w, [...own, ...list.filter((p) => !tokens(p.value).includes(w))].sort((a, b) => a.doc - b.doc));
    else byWord.set(w, list);
  }
  const words = [...byWord.keys()];
  const wordId = new Map(words.map((w, i) => [w, i]));
  const trigrams = new Map<string, number[]>();
  words.slice(0, firstCompound).forEach((w, id) => {
    for (let i = 0; i + 3 <= w.length; i++) {
      const g = w.slice(i, i + 3);
      const list = trigrams.get(g);
      if (!list) trigrams.set(g, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    }
  });
  const mean = lengths.reduce((a, b) => a + b, 0) / lengths.length || 1;
  const relativeLength = Float64Array.from(lengths, (n) => n / mean);
  const passages = docs.reduce((n, d) => n + fieldsOf(d).reduce((m, [, values]) => m + values.length, 0), 0);
  return { docs, words, wordId, postings: words.map((w) => byWord.get(w)!), trigrams, firstCompound, relativeLength, passages };
}

/** Ids of the vocabulary words that contain `term` (3 letters or more), ascending, read through its rarest trigram. */
export function wordsContaining(index: SearchIndex, term: string): number[] {
  let shortest: number[] | undefined;
  // Stryker disable next-line EqualityOperator,BlockStatement: any trigram's list (or every word, if none is read) holds the words containing the term; the filter below gives the same ids, slower
  for (let i = 0; i + 3 <= term.length; i++) {
    const list = index.trigrams.get(term.slice(i, i + 3));
    if (!list) return [];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: reading the shortest list only saves time; the filter below gives the same ids from any
    if (!shortest || list.length < shortest.length) shortest = list;
  }
  return (shortest ?? index.words.slice(0, index.firstCompound).map((_, id) => id)).filter((id) => index.words[id]!.includes(term));
}
