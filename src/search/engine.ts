/**
 * The search engine: exact matching of pasted error strings first, then
 * fuse.js token search (fuzzy word matches) on the reduced query, one word at
 * a time so that each word's evidence per page can saturate.
 * Pure: the same code runs in the browser, the unit tests and the benchmark.
 */
import Fuse, { type IFuseOptions } from 'fuse.js';
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

/** How much a match in each field counts; normalised to sum to 1, as fuse.js does with key weights. */
export const KEY_WEIGHTS = { title: 3, errors: 3, words: 2, summary: 1 } as const;
type Key = keyof typeof KEY_WEIGHTS;
const WEIGHT_TOTAL = Object.values(KEY_WEIGHTS).reduce((a, b) => a + b, 0);

/**
 * fuse.js runs over the vocabulary (every distinct word in the documents), not over the documents: each
 * query word is matched fuzzily against a few thousand short words, and an inverted index takes it from
 * there. Matching a word against whole fields costs a bitap pass over all the text per word; this keeps
 * a query well under a millisecond or two at the content's size and grows slowly with it.
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
/**
 * Scores from words are 1 minus the share of the query's IDF-weighted words a page covers. A long paste covers
 * little of itself, so the absolute cut is loose; the relative cut drops pages with a small fraction of the best
 * page's evidence, which are the ones that only matched a common word.
 */
export const SCORE_CUT = 0.92;
export const RELATIVE_CUT = 0.4;
const WEAK_STRING_BOOST = 0.7;
/** How fast repeated matches of one word in one page stop adding evidence (x / (x + SATURATION)). */
const SATURATION = 1;
// On equal evidence, the fix before an example of it, and both before a checklist step (a title and nothing else).
const KIND_BIAS: Record<SearchDoc['kind'], number> = { fix: 0, example: 0.02, step: 0.06 };

/** fuse.js's own tokenizer, so our vocabulary and its index agree on what a word is. */
const TOKEN = /[\p{L}\p{M}\p{N}_]+/gu;
const tokens = (s: string) => normalise(s).match(TOKEN) ?? [];
/** Error strings are compared as word sequences, so quoting, spacing and JSON layout don't matter. */
const sequence = (s: string) => (normalise(s).match(/[a-z0-9_]+/g) ?? []).join(' ');

/** "401 Unauthorized", "HTTP ERROR 401", "401 Authorization Required": a status and its reason phrase. */
const STATUS_LINE_401 = /^(http )?(error )?401( [a-z]+){0,2}$/;

const distinctiveWords = (seq: string) => seq.split(' ').filter((w) => w && !STOP.has(w) && !/^\d+$/.test(w)).length;

interface ErrorString {
  doc: SearchDoc;
  text: string;
  seq: string;
  /** Words in it that are not in every 401 ("401 Unauthorized" has none). */
  distinctive: number;
}

export interface Posting {
  doc: number;
  key: Key;
  value: string;
  /** fuse.js's field-length norm: a match in a short field counts for more. */
  norm: number;
}

const fieldNorm = (value: string) => Math.round(1000 / Math.sqrt(Math.max(1, value.split(/\s+/).filter(Boolean).length))) / 1000;

/** Word → the field values that contain it. Built in the browser from search.json: see README, Search. */
export function invertedIndex(docs: SearchDoc[]): Map<string, Posting[]> {
  const postings = new Map<string, Posting[]>();
  docs.forEach((d, doc) => {
    const fields: [Key, string[]][] = [['title', [d.title]], ['errors', d.errors], ['words', d.words], ['summary', [d.summary]]];
    for (const [key, values] of fields)
      for (const value of values) {
        const norm = fieldNorm(value);
        for (const w of new Set(tokens(value))) {
          const list = postings.get(w) ?? [];
          list.push({ doc, key, value, norm });
          postings.set(w, list);
        }
      }
  });
  return postings;
}

export function createSearch(docs: SearchDoc[]) {
  const postings = invertedIndex(docs);
  const fuse = new Fuse([...postings.keys()], FUSE_OPTIONS);
  const errors: ErrorString[] = docs
    .flatMap((doc) => doc.errors.map((text) => ({ doc, text, seq: sequence(text) })))
    .filter((e) => e.seq.length >= 4)
    .map((e) => ({ ...e, distinctive: distinctiveWords(e.seq) }));
  const vocabulary = new Set(postings.keys());
  const words = [...vocabulary];
  const typoCache = new Map<string, { word: string; score: number }[]>();

  /**
   * The vocabulary words a query word stands for, with fuse.js-style scores (a substring match is 0.001).
   * A word we know needs no fuzzy pass: the words containing it, plus the same word without a short
   * ending ("cookies" also finds "cookie"). Only an unknown word (a typo) goes through fuse.js, and its
   * answer is kept, since people retype the same word as they refine a query.
   */
  function spellings(term: string): { word: string; score: number }[] {
    if (vocabulary.has(term)) {
      const out: { word: string; score: number }[] = [];
      for (const w of words) {
        if (w.includes(term)) out.push({ word: w, score: 0.001 });
        else if (w.length >= 4 && term.length - w.length <= 2 && term.startsWith(w)) out.push({ word: w, score: (term.length - w.length) / term.length });
      }
      return out;
    }
    let hit = typoCache.get(term);
    if (!hit) {
      hit = fuse.search(term).map((r) => ({ word: r.item, score: Math.max(r.score ?? 1, 0.001) }));
      if (typoCache.size > 500) typoCache.clear();
      typoCache.set(term, hit);
    }
    return hit;
  }

  /**
   * The documents one query word matches, as fuse.js would score a field search: per matching field value
   * the best score among the word's spellings in it, combined over fields as -log(score) × key weight × norm.
   */
  function matchWord(term: string) {
    const perValue = new Map<Posting, { score: number; word: string }>();
    for (const { word, score } of spellings(term)) {
      for (const p of postings.get(word)!) {
        const prev = perValue.get(p);
        if (!prev || score < prev.score) perValue.set(p, { score, word });
      }
    }
    const perDoc = new Map<number, { x: number; matches: FieldMatch[] }>();
    for (const [p, { score, word }] of perValue) {
      const d = perDoc.get(p.doc) ?? { x: 0, matches: [] };
      d.x += -Math.log(score) * (KEY_WEIGHTS[p.key] / WEIGHT_TOTAL) * p.norm;
      d.matches.push({ key: p.key, value: p.value, indices: occurrences(p.value, word, term) });
      perDoc.set(p.doc, d);
    }
    return perDoc;
  }

  /**
   * Each word is searched on its own and its evidence per page saturates, so a page that mentions a common word
   * ("token", "api") in fifteen places does not outrank one that matches the rare word once. Words are weighted by
   * how few pages they match, counting fuzzy matches, which fuse.js's own IDF (exact words only) does not see.
   */
  function wordScores(terms: string[]) {
    const perTerm = terms.map(matchWord);
    const n = docs.length;
    const idf = perTerm.map((rs) => Math.log(1 + (n - rs.size + 0.5) / (rs.size + 0.5)));
    const total = idf.reduce((a, b) => a + b, 0);
    const found = new Map<SearchDoc, { sum: number; matches: { term: number; m: FieldMatch }[] }>();
    perTerm.forEach((rs, term) => {
      for (const [i, { x, matches }] of rs) {
        const doc = docs[i]!;
        const f = found.get(doc) ?? { sum: 0, matches: [] };
        f.sum += idf[term]! * (x / (x + SATURATION));
        for (const m of matches) f.matches.push({ term, m });
        found.set(doc, f);
      }
    });
    const out = new Map<SearchDoc, { score: number; snippet?: Snippet }>();
    for (const [doc, f] of found) out.set(doc, { score: 1 - f.sum / total, snippet: snippetOf(f.matches, idf) });
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
      const words = fuzzy.get(doc)?.score ?? 1;
      // A strong string decides the order, and words seen around it break ties between pages sharing it. A weak one
      // ("401 Unauthorized" inside a longer question) only adds to the words, unless there are no other words.
      const score = e.weak && terms.length ? words * WEAK_STRING_BOOST : e.score * (0.5 + 0.5 * words);
      if (score <= SCORE_CUT) results.push({ doc, score, via: 'error', snippet: e.snippet });
    }
    const bestCoverage = Math.max(0, ...[...fuzzy.values()].map((f) => 1 - f.score));
    for (const [doc, { score: s, snippet }] of fuzzy) {
      if (errorHits.has(doc) || 1 - s < RELATIVE_CUT * bestCoverage) continue;
      const score = s + KIND_BIAS[doc.kind];
      if (score <= SCORE_CUT) results.push({ doc, score, via: 'words', snippet });
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
        // Typed words are often a fragment of the message ("jwt expired" of "TokenExpiredError: jwt expired").
        else if (!pasted && q.length >= 8 && q.includes(' ') && ` ${e.seq} `.includes(padded)) found.push({ e, at: -1, partial: true });
      }
    // Typing "http error 401" or "bearer error" is part of dozens of strings; it must not pick one of them.
    const vagueQuery = distinctiveWords(q) < 2;
    const best = new Map<SearchDoc, { score: number; weak: boolean; snippet: Snippet }>();
    for (const { e, at, partial } of found) {
      // A string overlapping a longer one that also matched is explained by it: `Bearer error="invalid_token"` by the
      // whole challenge with its description.
      const subsumed =
        at >= 0 &&
        found.some((o) => o.at >= 0 && o.e.doc !== e.doc && o.e.seq.length > e.seq.length && o.at < at + e.seq.length && at < o.at + o.e.seq.length);
      const weak = e.distinctive === 0 || STATUS_LINE_401.test(e.seq) || subsumed || (partial && vagueQuery);
      // Every 401 response has a status line, so in a paste a string of status words singles out nothing.
      if (weak && pasted && !subsumed) continue;
      // Longer strings are more specific; one distinctive word ("invalid_grant") is a strong hint, not proof.
      const score = weak ? 0.35 : e.distinctive === 1 ? 0.12 : (partial ? 0.15 : 0) + 0.1 / Math.log2(2 + e.seq.length);
      const prev = best.get(e.doc);
      // On a tie, show the shortest string: it is the one the query matched most exactly.
      if (!prev || score < prev.score || (score === prev.score && e.text.length < prev.snippet.text.length))
        best.set(e.doc, { score, weak, snippet: { text: e.text, ranges: [[0, e.text.length - 1]] } });
    }
    return best;
  }

  return { search, size: docs.length };
}

/**
 * The text to show under a result: the field value (a symptom, an error, the title) that holds the most of the
 * query's weight, with every matched word highlighted. Errors and symptoms win ties over the title and summary.
 */
interface FieldMatch {
  key: Key;
  value: string;
  indices: [number, number][];
}

/** Where a matched word stands in a field value: the query word itself if it is inside, else the whole word. */
function occurrences(value: string, word: string, term: string): [number, number][] {
  const lower = normalise(value);
  const needle = word.includes(term) ? term : word;
  const out: [number, number][] = [];
  for (let at = lower.indexOf(needle); at >= 0 && out.length < 8; at = lower.indexOf(needle, at + needle.length))
    out.push([at, at + needle.length - 1]);
  return out;
}

function snippetOf(matches: { term: number; m: FieldMatch }[], idf: number[]): Snippet | undefined {
  const ORDER = ['errors', 'words', 'title', 'summary'];
  const byValue = new Map<string, { key: string; value: string; terms: Set<number>; ranges: [number, number][] }>();
  for (const { term, m } of matches) {
    const long = m.indices.filter(([a, b]) => b - a >= 2);
    if (!m.value || !long.length) continue;
    const id = `${m.key}\u0000${m.value}`;
    const v = byValue.get(id) ?? { key: m.key ?? '', value: m.value, terms: new Set<number>(), ranges: [] };
    v.terms.add(term);
    for (const [a, b] of long) v.ranges.push([a, b]);
    byValue.set(id, v);
  }
  const weight = (v: { terms: Set<number> }) => [...v.terms].reduce((sum, t) => sum + idf[t]!, 0);
  const best = [...byValue.values()].sort((a, b) => weight(b) - weight(a) || ORDER.indexOf(a.key) - ORDER.indexOf(b.key))[0];
  if (!best) return undefined;
  // Words matched separately can overlap ("token" inside "invalid_token"); highlight each character once.
  const merged: [number, number][] = [];
  for (const [a, b] of best.ranges.sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, Math.min(b, best.value.length - 1)]);
  }
  return { text: best.value, ranges: merged };
}
