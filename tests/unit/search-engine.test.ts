import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../src/search/documents';
import { createSearch, rank, RELATIVE_CUT, SCORE_CUT, searchTerms } from '../../src/search/engine';
import type { ErrorHit } from '../../src/search/errors';
import { buildIndex } from '../../src/search/index-build';
import type { Reduced } from '../../src/search/reduce';
import { createScorer, FOCUS_PAGES, LONG_QUERY_TERMS } from '../../src/search/scoring';
import { createSpellings } from '../../src/search/spellings';
import { loadContentDir } from '../../src/model/load-files';
import { plainText } from '../../src/markdown/inline';
import { contentDocuments } from '../../src/search/documents';
import { SEARCH_QUERIES } from './fixtures/search-queries';
import { MAX_QUERY_CHARS, MAX_QUERY_LINES } from '../../src/search/reduce';

const doc = (url: string, over: Partial<SearchDoc> = {}): SearchDoc => ({ url, kind: 'fix', title: url, summary: '', words: [], errors: [], ...over });

const DOCS: SearchDoc[] = [
  doc('guide/jwt-expired/', {
    title: 'Renew the expired access token',
    words: ['token expires after one hour', 'logged out after lunch'],
    errors: ['TokenExpiredError: jwt expired', 'Bearer error="invalid_token", error_description="The token expired at'],
  }),
  doc('guide/jwt-chatter/', {
    title: 'Validate the jwt',
    // Mentions the pasted words many times, but not the error itself.
    words: ['jwt token error', 'jwt token invalid', 'jwt token expired soon', 'jwt token audience', 'jwt token issuer', 'token token token'],
  }),
  doc('guide/challenge/', {
    title: 'Send the right challenge',
    words: ['which status for an invalid token'],
    errors: ['WWW-Authenticate: Bearer error="invalid_token"', '401 Unauthorized'],
  }),
  doc('guide/signature/', {
    title: 'Match the signing key',
    words: ['invalid signature after key rotation'],
    errors: ['Bearer error="invalid_token", error_description="The signature key was not found"'],
  }),
  doc('guide/postman/', { title: 'Send the header from code', words: ['works in postman but not in code'] }),
  doc('guide/proxy/', { title: 'Pass the Authorization header through your proxy', words: ['nginx strips authorization header'] }),
  doc('examples/proxy/', { kind: 'example', title: 'A snippet removed the header', words: ['authorization header missing behind nginx'], fix: 'proxy' }),
];
const { search } = createSearch(DOCS);
const urls = (q: string) => search(q).results.map((r) => r.doc.url);

describe('exact error strings', () => {
  it('rank a page whose error string is in the paste above pages that only share its words', () => {
    const out = search('TokenExpiredError: jwt expired\n    at /app/node_modules/jsonwebtoken/verify.js:190:21\n  jwt token error');
    expect(out.results[0]?.doc.url).toBe('guide/jwt-expired/');
    expect(out.results[0]?.via).toBe('error');
    expect(out.results[0]?.snippet).toEqual({ text: 'TokenExpiredError: jwt expired', ranges: [[0, 29]] });
  });

  it('match regardless of quoting, spacing and case', () => {
    expect(urls('www-authenticate: bearer error=invalid_token, error_description="the token expired at 2025-03-14"')[0]).toBe('guide/jwt-expired/');
  });

  it('prefer the longest string when two overlap', () => {
    const paste = 'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer error="invalid_token", error_description="The signature key was not found"';
    expect(urls(paste)[0]).toBe('guide/signature/');
  });

  it('do not let a bare status line decide a paste', () => {
    expect(urls('HTTP/1.1 401 Unauthorized\nserver: nginx\n\nnginx strips the authorization header')[0]).toBe('guide/proxy/');
  });

  it('let a status line in a typed question add to the words, not outrank them', () => {
    expect(urls('nginx strips the authorization header, 401 unauthorized')[0]).toBe('guide/proxy/');
    expect(urls('401 unauthorized')).toEqual(['guide/challenge/']);
  });

  it('list a page once when both its error string and its words match', () => {
    const found = urls('TokenExpiredError: jwt expired\n  jwt token expired after one hour');
    expect(found[0]).toBe('guide/jwt-expired/');
    expect(new Set(found).size).toBe(found.length);
  });

  it('let a typed fragment of an error string find it', () => {
    expect(urls('jwt expired')[0]).toBe('guide/jwt-expired/');
  });
});

describe('words', () => {
  it('do not reward a page for repeating a common word', () => {
    expect(urls('token postman')[0]).toBe('guide/postman/');
  });

  it('find a hyphenated word typed as one, and one typed with a hyphen', () => {
    const { search: find } = createSearch([doc('guide/xmlrpc/', { title: 'Open XML-RPC for the mobile app' }), doc('guide/other/', { title: 'Open the mobile app' })]);
    expect(find('app says xmlrpc error').results.map((r) => r.doc.url)[0]).toBe('guide/xmlrpc/');
    expect(find('app says xml-rpc error').results.map((r) => r.doc.url)[0]).toBe('guide/xmlrpc/');
  });

  it(`focuses a result on a word found in at most ${FOCUS_PAGES} pages, and on none found in more`, () => {
    // Ten pages; "rare" is on FOCUS_PAGES of them, "common" on one more than that.
    const pages = Array.from({ length: 10 }, (_, i) =>
      doc(`guide/p${i}/`, { words: [[i < FOCUS_PAGES ? 'rare' : '', i <= FOCUS_PAGES ? 'common' : '', `filler${i}`].join(' ').trim()] }),
    );
    const index = buildIndex(pages);
    const focusOf = (word: string) => createScorer(index)([word], createSpellings(index)).snippet(0)?.focus;
    expect(focusOf('rare')).toBe('rare');
    expect(focusOf('common')).toBeUndefined();
  });

  it('searches a version number as the upgrade it implies', () => {
    const { search: find } = createSearch([
      doc('guide/token/', { title: 'Send the token', words: ['token rejected by the api'] }),
      doc('guide/upgrade/', { title: 'Undo what the update changed', words: ['token rejected after upgrade'] }),
    ]);
    expect(find('token rejected').results.map((r) => r.doc.url)[0]).toBe('guide/token/');
    expect(find('token rejected on 2.33.0').results.map((r) => r.doc.url)[0]).toBe('guide/upgrade/');
  });

  it('ranks a page whose one symptom holds the query’s words above one that has them spread over several', () => {
    // Same words, same field lengths, same vocabulary: only how the query's words sit together differs.
    const together = doc('guide/together/', { words: ['token expired after deploy behind nginx', 'a1 a2 a3 a4 b1 b2', 'b3 b4 c1 c2 c3 c4'] });
    const spread = doc('guide/spread/', { words: ['token expired a1 a2 a3 a4', 'after deploy b1 b2 b3 b4', 'behind nginx c1 c2 c3 c4'] });
    for (const pages of [[together, spread], [spread, together]]) {
      const index = buildIndex(pages);
      const { scores } = createScorer(index)(['token', 'expired', 'after', 'deploy', 'behind', 'nginx'], createSpellings(index));
      const score = (page: SearchDoc) => scores.get(pages.indexOf(page))!;
      expect(score(together)).toBeLessThan(score(spread));
    }
  });

  describe('a page with many other words', () => {
    // Both pages hold the query's words once; the hub is listed first, so on equal evidence the sort keeps it first.
    const WORDS = ['mobile', 'login', 'fails', 'password', 'change', 'android', 'phone', 'tablet'];
    /** Word scores per page for the first n query words, over a hub page and a focused one (built per test: Stryker switches mutants at run time). */
    function scores(n: number) {
      const hub = doc('guide/hub/', { title: 'Hub', words: [WORDS.join(' '), ...Array.from({ length: 12 }, (_, i) => `unrelated symptom number${i} with its own vocabulary${i}`)] });
      const focused = doc('guide/focused/', { title: 'Focused', words: [WORDS.join(' ')] });
      const index = buildIndex([hub, focused]);
      const { scores: byDoc } = createScorer(index)(WORDS.slice(0, n), createSpellings(index));
      return { hub: byDoc.get(0)!, focused: byDoc.get(1)! };
    }

    it(`ranks below a focused page for a question of ${LONG_QUERY_TERMS} words or more: its many words are chance matches`, () => {
      for (const n of [LONG_QUERY_TERMS, WORDS.length]) expect(scores(n).focused, `${n} words`).toBeLessThan(scores(n).hub);
    });

    it('is not held back on a shorter query: matching its few words is the evidence', () => {
      for (const n of [1, LONG_QUERY_TERMS - 1]) expect(scores(n).focused, `${n} words`).toBe(scores(n).hub);
    });

    it('a page of average length scores a long query as it would without the normalisation', () => {
      // One page is its own average: every word's evidence is x / (x + 1), the same for one word as for all of them.
      const index = buildIndex([doc('guide/only/', { title: 'Only', words: [WORDS.join(' ')] })]);
      const score = (n: number) => createScorer(index)(WORDS.slice(0, n), createSpellings(index)).scores.get(0)!;
      expect(score(WORDS.length)).toBeCloseTo(score(1), 12);
    });
  });

  it('tolerate a typo in a long word', () => {
    expect(urls('autorization header stripped by nginx')[0]).toBe('guide/proxy/');
  });

  it('rank a fix above its own example when both match equally', () => {
    // The two pages hold the same words, and the example comes first in the documents, so only the kind bias can
    // put the fix first: with the bias at 0 they tie and the sort keeps the example first.
    const twin = { title: 'Cookie lost on the redirect', words: ['session cookie dropped after redirect'] };
    const twins = createSearch([
      doc('examples/twin/', { kind: 'example', ...twin, fix: 'twin' }),
      doc('guide/twin/', twin),
      doc('guide/other/', { title: 'Something else entirely' }),
    ]);
    const out = twins.search('session cookie redirect').results;
    expect(out.map((r) => r.doc.url)).toEqual(['guide/twin/', 'examples/twin/']);
    expect(out[0]!.score).toBeLessThan(out[1]!.score);
  });

  it('respect the limit', () => {
    // "token" matches more than two pages; the limit must cut the list, not find nothing.
    expect(search('token').results.length).toBeGreaterThan(2);
    expect(search('token', 2).results).toHaveLength(2);
    expect(search('token', 2).results).toEqual(search('token').results.slice(0, 2));
  });
});

describe('search terms', () => {
  const index = { wordId: new Map(['session', 'expired', 'invalid_token', 'token', 'invalid', 'nginx', 'js', 'verify'].map((w, i) => [w, i])) };
  const terms = (pasted: boolean, ...words: string[]): string[] => {
    const reduced: Reduced = { pasted, schemes: [], codes: [], headers: [], terms: words, implied: [] };
    return searchTerms(reduced, index);
  };

  it('splits a snake_case name we do not know into the words we do', () => {
    expect(terms(false, 'session_expired')).toEqual(['session', 'expired']);
    expect(terms(true, 'session_expired')).toEqual(['session', 'expired']);
  });

  it('keeps an unknown word of a paste only when it is another form of a word we know', () => {
    const reduced: Reduced = { pasted: true, schemes: [], codes: [], headers: [], implied: [], terms: ['verified', 'frobnicated'] };
    const forms = (t: string) => (t === 'verified' ? [index.wordId.get('verify')!] : []);
    expect(searchTerms(reduced, index, forms)).toEqual(['verified']);
    expect(searchTerms(reduced, index)).toEqual([]);
  });

  it('keeps a snake_case name we know whole', () => {
    expect(terms(true, 'invalid_token')).toEqual(['invalid_token']);
  });

  it('never searches a two-letter word, even a known one', () => {
    expect(terms(false, 'verify.js')).toEqual(['verify']);
    expect(terms(true, 'js')).toEqual([]);
  });

  it('keeps a typed word it does not know when it is long enough to be a typo', () => {
    expect(terms(false, 'autorization', 'ngimx')).toEqual(['autorization', 'ngimx']);
  });

  it('drops a typed word it does not know of four letters or fewer (a mid-word match would be chance)', () => {
    expect(terms(false, 'cat', 'tokn', 'nginx')).toEqual(['nginx']);
  });

  it('drops pasted words it does not know: in a paste they are noise', () => {
    expect(terms(true, 'kubectl', 'nginx', 'autorization')).toEqual(['nginx']);
  });

  it('yields nothing for a term with no word characters', () => {
    expect(terms(false, '...', '--')).toEqual([]);
  });
});

describe('ranking candidates', () => {
  const pages = [doc('guide/a/'), doc('guide/b/'), doc('guide/c/')];
  const at = new Map(pages.map((d, i) => [d, i]));
  const hit = (score: number, weak = false): ErrorHit => ({ score, weak, snippet: { text: 'jwt expired', ranges: [[0, 10]] } });
  const order = (r: ReturnType<typeof rank>) => r.map(({ doc: i, via }) => [i, via]);

  it('lists a page found by its error string once, not again for its words', () => {
    const out = rank(pages, at, new Map([[pages[0]!, hit(0.1)]]), new Map([[0, 0.2], [1, 0.5]]), 2);
    expect(order(out)).toEqual([
      [0, 'error'],
      [1, 'words'],
    ]);
  });

  it('lets a weak string (a status line in a question) improve its page over the same words without it', () => {
    const out = rank(pages, at, new Map([[pages[0]!, hit(0.35, true)]]), new Map([[0, 0.5], [1, 0.5]]), 2);
    expect(order(out)).toEqual([
      [0, 'error'],
      [1, 'words'],
    ]);
    expect(out[0]!.score).toBeLessThan(0.5);
  });

  it("drops pages with less than RELATIVE_CUT of the best page's coverage", () => {
    const best = 0.8;
    const out = rank(pages, at, new Map(), new Map([[0, 1 - best], [1, 1 - best * RELATIVE_CUT * 0.5], [2, 1 - best * 0.5]]), 3);
    expect(order(out)).toEqual([
      [0, 'words'],
      [2, 'words'],
    ]);
  });

  it('keeps a page with exactly RELATIVE_CUT of the best coverage', () => {
    const best = 0.625;
    const out = rank(pages, at, new Map(), new Map([[0, 1 - best], [1, 1 - best * RELATIVE_CUT]]), 2);
    expect(out.map((r) => r.doc)).toEqual([0, 1]);
  });

  it('keeps word matches scoring up to SCORE_CUT and drops those above', () => {
    const out = rank(pages, at, new Map(), new Map([[0, SCORE_CUT], [1, SCORE_CUT + 0.01]]), 2);
    expect(out.map((r) => r.doc)).toEqual([0]);
  });

  it('applies the same cut to error matches', () => {
    const hits = new Map([
      [pages[0]!, hit(SCORE_CUT)],
      [pages[1]!, hit(SCORE_CUT + 0.01)],
    ]);
    expect(order(rank(pages, at, hits, new Map(), 0))).toEqual([[0, 'error']]);
  });
});

describe('word scores', () => {
  it('scores every matched page between 0 and 1, even for a word every page holds', () => {
    const docs = [doc('guide/a/', { title: 'common alpha' }), doc('guide/b/', { title: 'common bravo' }), doc('guide/c/', { title: 'common rare' })];
    const index = buildIndex(docs);
    const { scores } = createScorer(index)(['common', 'rare'], createSpellings(index));
    expect([...scores.keys()].sort()).toEqual([0, 1, 2]);
    for (const s of scores.values()) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThan(1);
    }
    // The page holding both words covers more of the query than those holding only the common one.
    expect(scores.get(2)).toBeLessThan(scores.get(0)!);
  });
});

describe('shareable', () => {
  it('gives the allowlisted words of a query, without the rest', () => {
    const { shareable } = createSearch(DOCS);
    const q = shareable('WWW-Authenticate: Bearer error="invalid_token" sid=hunter2xyz nginx');
    expect(q.split(' ')).toEqual(expect.arrayContaining(['invalid_token', 'bearer', 'nginx']));
    expect(q).not.toContain('hunter2xyz');
  });
});

describe('odd input', () => {
  it('returns nothing for an empty or blank query', () => {
    expect(search('').results).toEqual([]);
    expect(search('   \n\t ').results).toEqual([]);
  });

  it('returns nothing for words the content does not know', () => {
    expect(search('how to bake bread').results).toEqual([]);
  });

  it('treats markup and regex characters as plain text and returns plain data', () => {
    for (const q of ['<img src=x onerror=alert(1)>', '<script>alert(document.cookie)</script>', '((([[*+?\\', '"; DROP TABLE docs; --', '\u0000\u202e jwt']) {
      const out = search(q);
      expect(JSON.parse(JSON.stringify(out))).toEqual(out);
      for (const r of out.results) expect(DOCS).toContain(r.doc);
    }
  });
});

describe('on the real content', () => {
  const { content } = loadContentDir('content');
  const docs = contentDocuments(content, plainText);
  const real = createSearch(docs);

  it('gives every result a snippet, with its ranges inside its text, in order and without overlap', () => {
    let checked = 0;
    for (const { query } of SEARCH_QUERIES) {
      for (const r of real.search(query, 12).results) {
        // Every result matched something: an error string or a word, and shows where.
        expect(r.snippet, `${r.doc.url} for ${JSON.stringify(query.slice(0, 60))}`).toBeDefined();
        const snippet = r.snippet!;
        expect(snippet.ranges.length).toBeGreaterThan(0);
        let last = -1;
        for (const [s, e] of snippet.ranges) {
          expect(s).toBeGreaterThan(last);
          expect(e).toBeGreaterThanOrEqual(s);
          expect(e).toBeLessThan(snippet.text.length);
          last = e;
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(SEARCH_QUERIES.length);
  }, 30_000);

  it('answers a 1 MB paste from its head (its time is in npm run bench, not asserted here)', () => {
    const head = 'TokenExpiredError: jwt expired\n    at /usr/src/app/node_modules/jsonwebtoken/verify.js:190:21\n';
    const big = head + '    at Layer.handle [as handle_request] (/usr/src/app/node_modules/express/lib/router/layer.js:95:5)\n'.repeat(11_000);
    expect(big.length).toBeGreaterThan(1_000_000);
    const out = real.search(big);
    expect(out.results[0]?.doc.url).toBe('guide/jwt-expired/');
    expect(out.reduced.cut).toEqual({ chars: MAX_QUERY_CHARS, lines: expect.any(Number) });
  });

  it('completes on the hostile shapes of issue 12 (timings: BENCH_ONLY=search npm run bench)', () => {
    const MB = 1 << 20;
    const hostile = [
      '\n'.repeat(2000),
      `${'\n'.repeat(1000)}x`,
      '\n'.repeat(10_000),
      '1'.repeat(20_000),
      '\n'.repeat(MB),
      '7'.repeat(MB),
      Array.from({ length: 120_000 }, (_, i) => ` ,p${i}=`).join('\n'),
      '< a:    \t'.repeat(MB / 10),
    ];
    for (const text of hostile) {
      const out = real.search(text);
      expect(out.results.length).toBeLessThanOrEqual(8);
      if (text.length > MAX_QUERY_CHARS || text.split('\n').length > MAX_QUERY_LINES) expect(out.reduced.cut).toBeDefined();
    }
  });
});
