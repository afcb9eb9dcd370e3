import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/model/load-files';
import { plainText } from '../../src/markdown/inline';
import { contentDocuments } from '../../src/search/documents';
import { createSearch } from '../../src/search/engine';
import { SEARCH_BLOCKS, SEARCH_QUERIES, type SearchQuery } from './fixtures/search-queries';

const { content, problems } = loadContentDir('content');
const docs = contentDocuments(content, plainText);
const { search } = createSearch(docs);

/** The share of queries that must find a right page in the first three results. */
const TOP3_TARGET = 0.9;

function score(queries: SearchQuery[]) {
  let top1 = 0;
  let top3 = 0;
  const misses: string[] = [];
  for (const { query, expect: want } of queries) {
    const urls = search(query).results.map((r) => r.doc.url);
    if (want.includes(urls[0] ?? '')) top1++;
    if (urls.slice(0, 3).some((u) => want.includes(u))) top3++;
    else misses.push(`- ${JSON.stringify(query.length > 90 ? `${query.slice(0, 90)}…` : query)}\n    want ${want.join(', ')}\n    got  ${urls.slice(0, 3).join(', ') || '(nothing)'}`);
  }
  const n = queries.length;
  const pct = (x: number) => `${((100 * x) / n).toFixed(1)}%`;
  return { top3: top3 / n, line: `top-3 ${top3}/${n} (${pct(top3)}), top-1 ${top1}/${n} (${pct(top1)})`, misses };
}

/** Lower case, words only: how a copied content string would still read inside a query. */
const words = (s: string) => ` ${(s.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).join(' ')} `;

describe('search relevance on real content', () => {
  it('loads the content without schema problems', () => {
    expect(problems).toEqual([]);
  });

  it('has a fixture big enough to mean something', () => {
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(SEARCH_QUERIES.filter((q) => q.query.includes('\n')).length).toBeGreaterThanOrEqual(10);
    expect(SEARCH_BLOCKS.filter((b) => b.heldOut).length).toBeGreaterThanOrEqual(2);
  });

  it('expects only pages that exist', () => {
    const urls = new Set(docs.map((d) => d.url));
    const missing = SEARCH_QUERIES.flatMap((q) => q.expect.filter((u) => !urls.has(u)).map((u) => `${u} (for ${JSON.stringify(q.query.slice(0, 60))})`));
    expect(missing).toEqual([]);
    for (const q of SEARCH_QUERIES) expect(q.expect.length, q.query).toBeGreaterThan(0);
  });

  it('has hold-out queries that neither equal nor contain a content string (symptoms or errors of any fix or example)', () => {
    const strings = [...content.fixes.map((f) => f.data), ...content.examples.map((e) => e.data)].flatMap((d) => [...d.symptoms, ...d.errors]);
    const copied = SEARCH_BLOCKS.filter((b) => b.heldOut).flatMap((b) =>
      b.queries.flatMap(({ query }) => {
        const q = words(query);
        return strings.filter((s) => words(s).trim() && q.includes(words(s))).map((s) => `${b.name}: ${JSON.stringify(query.slice(0, 70))} contains ${JSON.stringify(s)}`);
      }),
    );
    expect(copied).toEqual([]);
  });

  it(`puts a right page in the top three for at least ${TOP3_TARGET * 100}% of queries, and prints each block's rate`, () => {
    for (const b of SEARCH_BLOCKS) {
      const r = score(b.queries);
      console.log(`search relevance, ${b.name}${b.heldOut ? ' (held out)' : ''}: ${r.line}`);
    }
    const all = score(SEARCH_QUERIES);
    console.log(`search relevance, all: ${all.line}`);
    if (all.misses.length) console.log(`misses:\n${all.misses.join('\n')}`);
    expect(all.top3).toBeGreaterThanOrEqual(TOP3_TARGET);
  }, 30_000);
});
