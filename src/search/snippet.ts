/**
 * The text to show under a result: the field value (a symptom, an error, the title) that holds the most of the
 * query's weight, with every matched word highlighted. Errors and symptoms win ties over the title and summary.
 */
import type { Key } from './index-build';
import { normalise } from './reduce';

export interface Snippet {
  text: string;
  /** [start, end] inclusive character ranges to highlight. */
  ranges: [number, number][];
  /**
   * The whole word of the text that matched the query's rarest word, when that word is rare enough to point
   * at one place on the page (src/search/text-fragment.ts): content's own text, never the query's.
   */
  focus?: string;
}

export interface FieldMatch {
  key: Key;
  value: string;
  indices: [number, number][];
}

/** Where a matched word stands in a field value: the query word itself if it is inside, else the whole word. */
export function occurrences(value: string, word: string, term: string): [number, number][] {
  const lower = normalise(value);
  const needle = word.includes(term) ? term : word;
  const out: [number, number][] = [];
  for (let at = lower.indexOf(needle); at >= 0 && out.length < 8; at = lower.indexOf(needle, at + needle.length))
    out.push([at, at + needle.length - 1]);
  return out;
}

const ORDER = ['errors', 'words', 'title', 'summary'];

/** Letters, digits and the joiners of a word (`x-api-key`, `client_id`): what a text fragment must match whole. */
const WORD_CHAR = /[\p{L}\p{N}_-]/u;

/** The whole word of `text` around an inclusive range. */
function wordAround(text: string, [a, b]: [number, number]): string {
  let from = a;
  let to = b;
  while (from > 0 && WORD_CHAR.test(text[from - 1]!)) from--;
  while (to < text.length - 1 && WORD_CHAR.test(text[to + 1]!)) to++;
  return text.slice(from, to + 1);
}

/**
 * `rareIdf`: the weight above which a query word is rare enough (in so few pages) that the word it matched
 * becomes the snippet's `focus`; by default none is.
 */
export function snippetOf(matches: { term: number; m: FieldMatch }[], idf: number[], rareIdf = Infinity): Snippet | undefined {
  const byValue = new Map<string, { key: string; value: string; terms: Set<number>; ranges: [number, number][]; first: Map<number, [number, number]> }>();
  for (const { term, m } of matches) {
    const long = m.indices.filter(([a, b]) => b - a >= 2);
    if (!m.value || !long.length) continue;
    const id = `${m.key}\u0000${m.value}`;
    const v = byValue.get(id) ?? { key: m.key, value: m.value, terms: new Set<number>(), ranges: [], first: new Map<number, [number, number]>() };
    v.terms.add(term);
    if (!v.first.has(term)) v.first.set(term, long[0]!);
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
  const snippet: Snippet = { text: best.value, ranges: merged };
  const rarest = [...best.terms].filter((t) => idf[t]! >= rareIdf).sort((a, b) => idf[b]! - idf[a]!)[0];
  const at = rarest === undefined ? undefined : best.first.get(rarest);
  if (at) snippet.focus = wordAround(best.value, at);
  return snippet;
}
