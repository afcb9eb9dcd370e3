/**
 * Exact error strings: the `errors` of the content found in a paste, or (for typed words) a query that is part
 * of one. Strings are compared as word sequences, so quoting, spacing and JSON layout don't matter. Only the
 * strings that share a word with the query are compared (an index by word prunes the rest).
 */
import type { SearchDoc } from './documents';
import { normalise, STOP } from './reduce';
import type { Snippet } from './snippet';

/**
 * Error strings are compared as word sequences, so quoting, spacing and JSON layout don't matter. A number with a
 * dotted part stays one word: IIS's "401.3" (a file permission) is what tells it from "401.1" (a failed logon),
 * and split into "401" and "3" it would be as vague as "401 Unauthorized". The dot only joins digits, so the
 * pattern cannot backtrack.
 */
export const sequence = (s: string) => (normalise(s).match(/[a-z0-9_]+(?:\.\d+)*/g) ?? []).join(' ');

/** "401 Unauthorized", "HTTP ERROR 401", "401 Authorization Required": a status and its reason phrase. */
const STATUS_LINE_401 = /^(?:http )?(?:error )?401(?: [a-z]+){0,2}$/;

const distinctiveWords = (seq: string) => seq.split(' ').filter((w) => w && !STOP.has(w) && !/^\d+$/.test(w)).length;

interface ErrorString {
  doc: SearchDoc;
  text: string;
  seq: string;
  /** Words in it that are not in every 401 ("401 Unauthorized" has none). */
  distinctive: number;
}

export interface ErrorHit {
  score: number;
  weak: boolean;
  snippet: Snippet;
}

interface Found {
  e: ErrorString;
  /** Where it starts in the query's sequence; -1 when the query is part of it. */
  at: number;
  partial: boolean;
}

export function createErrorMatcher(docs: SearchDoc[]) {
  const errors: ErrorString[] = docs
    .flatMap((doc) => doc.errors.map((text) => ({ doc, text, seq: sequence(text) })))
    .filter((e) => e.seq.length >= 4)
    .map((e) => ({ ...e, distinctive: distinctiveWords(e.seq) }));
  // Strings with the same words are compared once ("Unauthorized" is in many pages).
  const seqIds = new Map<string, number>();
  const members: number[][] = [];
  errors.forEach((e, id) => {
    const known = seqIds.get(e.seq);
    if (known !== undefined) members[known]!.push(id);
    else {
      seqIds.set(e.seq, members.length);
      members.push([id]);
    }
  });
  const seqs = [...seqIds.keys()];
  // Word → the sequences starting with it (a full match), and the sequences holding it (a typed fragment).
  const byFirst = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const file = (map: Map<string, number[]>, w: string, id: number) => {
    const list = map.get(w);
    if (!list) map.set(w, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  seqs.forEach((seq, id) => {
    const words = seq.split(' ');
    file(byFirst, words[0]!, id);
    for (const w of words) file(byWord, w, id);
  });

  /** The sequences that could match: those sharing the right word with the query. */
  function candidates(q: string, pasted: boolean): Set<number> {
    const ids = new Set<number>();
    for (const w of new Set(q.split(' '))) for (const id of byFirst.get(w) ?? []) ids.add(id);
    if (!pasted && q.length >= 8 && q.includes(' ')) for (const id of byWord.get(q.slice(0, q.indexOf(' '))) ?? []) ids.add(id);
    return ids;
  }

  /** The strings found, in content order, as a scan of every string would meet them. */
  function find(q: string, pasted: boolean): Found[] {
    const padded = ` ${q} `;
    const found: (Found & { id: number })[] = [];
    if (q.length < 4) return found;
    for (const sid of candidates(q, pasted)) {
      const seq = seqs[sid]!;
      const at = padded.indexOf(` ${seq} `);
      // Typed words are often a fragment of the message ("jwt expired" of "TokenExpiredError: jwt expired").
      const partial = at < 0 && !pasted && q.length >= 8 && q.includes(' ') && ` ${seq} `.includes(padded);
      if (at >= 0 || partial) for (const id of members[sid]!) found.push({ e: errors[id]!, at, partial, id });
    }
    return found.sort((a, b) => a.id - b.id);
  }

  /** Error strings found in the query, or (for typed words) a query that is part of one. Best per page. */
  return function matchErrors(query: string, pasted: boolean): Map<SearchDoc, ErrorHit> {
    const q = sequence(query);
    const found = find(q, pasted);
    // Typing "http error 401" or "bearer error" is part of dozens of strings; it must not pick one of them.
    const vagueQuery = distinctiveWords(q) < 2;
    const best = new Map<SearchDoc, ErrorHit>();
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
  };
}
