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

export function snippetOf(matches: { term: number; m: FieldMatch }[], idf: number[]): Snippet | undefined {
  const byValue = new Map<string, { key: string; value: string; terms: Set<number>; ranges: [number, number][] }>();
  for (const { term, m } of matches) {
    const long = m.indices.filter(([a, b]) => b - a >= 2);
    if (!m.value || !long.length) continue;
    const id = `${m.key}\u0000${m.value}`;
    const v = byValue.get(id) ?? { key: m.key, value: m.value, terms: new Set<number>(), ranges: [] };
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
