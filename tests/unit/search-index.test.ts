/**
 * The search index (src/search/index-build.ts): the vocabulary, the field values holding each word with
 * fuse.js's field-length norm, and the trigram index that finds the words containing a query word.
 */
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../src/search/documents';
import { buildIndex, invertedIndex, joinedCompounds, tokens, wordsContaining } from '../../src/search/index-build';

const page = (over: Partial<SearchDoc>): SearchDoc => ({ url: 'guide/x/', kind: 'fix', title: '', summary: '', words: [], errors: [], ...over });

describe('tokens', () => {
  it('splits text into lower-case words, as fuse.js does', () => {
    expect(tokens('Bearer error="invalid_token", Ça va')).toEqual(['bearer', 'error', 'invalid_token', 'ça', 'va']);
  });

  it('gives no words for text without any', () => {
    expect(tokens('"" --- !!!')).toEqual([]);
  });
});

describe('joinedCompounds', () => {
  it('joins the words a hyphen links, as people type them without it', () => {
    expect(joinedCompounds('XML-RPC, wp-admin and e-mail')).toEqual(['xmlrpc', 'wpadmin', 'email']);
    expect(joinedCompounds('the x-api-key header')).toEqual(['xapikey']);
  });

  it('stops a compound where the hyphen does not sit between two words', () => {
    expect(joinedCompounds('a - b, -v, trailing- and --max-redirs')).toEqual(['maxredirs']);
    // Only the words next to the hyphen belong together, not the whole path.
    expect(joinedCompounds('/wp-json/wp/v2 and a-b/c-d')).toEqual(['wpjson', 'ab', 'cd']);
  });

  it('gives nothing for text without a hyphen, and stays linear on a long hostile one', () => {
    expect(joinedCompounds('no compounds here')).toEqual([]);
    const long = `${'a-'.repeat(50_000)}a`;
    expect(joinedCompounds(long)).toEqual(['a'.repeat(50_001)]);
  });
});

describe('invertedIndex', () => {
  it('files a hyphenated word under its joined form too, after every plain word', () => {
    const index = buildIndex([page({ title: 'XML-RPC off', errors: ['XML-RPC services are disabled on this site.'] })]);
    expect(index.words.slice(index.firstCompound)).toEqual(['xmlrpc']);
    expect(index.postings[index.wordId.get('xmlrpc')!]!.map((p) => p.key)).toEqual(['title', 'errors']);
    expect(index.postings[index.wordId.get('xml')!]!.map((p) => p.key)).toEqual(['title', 'errors']);
  });

  it('keeps a joined compound out of the trigrams, so a part of it does not find it again', () => {
    const index = buildIndex([page({ title: 'the x-api-key header' }), page({ title: 'an api key' })]);
    expect(wordsContaining(index, 'api').map((id) => index.words[id])).toEqual(['api']);
    expect(wordsContaining(index, 'ap').map((id) => index.words[id])).toEqual(['api']);
    expect([...index.trigrams.keys()]).not.toContain('xap');
  });

  it('lists a field value once under a word it holds both plainly and hyphenated', () => {
    const index = buildIndex([page({ title: 'email or e-mail' }), page({ title: 'e-mail', summary: 'email' })]);
    expect(index.postings[index.wordId.get('email')!]!.map((p) => [p.doc, p.key])).toEqual([
      [0, 'title'],
      [1, 'summary'],
      [1, 'title'],
    ]);
  });

  it('merges a compound with the same plain word, its postings still in page order', () => {
    const index = buildIndex([page({ url: 'a', title: 'e-mail' }), page({ url: 'b', title: 'email' }), page({ url: 'c', summary: 'e-mail' })]);
    expect(index.words.slice(index.firstCompound)).toEqual([]);
    expect(index.postings[index.wordId.get('email')!]!.map((p) => p.doc)).toEqual([0, 1, 2]);
  });

  it('files each field value under its own key: title, errors, words and summary', () => {
    const postings = invertedIndex([page({ title: 'Alpha', errors: ['Bravo'], words: ['charlie'], summary: 'Delta' })]);
    expect(postings.get('alpha')?.map((p) => p.key)).toEqual(['title']);
    expect(postings.get('bravo')?.map((p) => p.key)).toEqual(['errors']);
    expect(postings.get('charlie')?.map((p) => p.key)).toEqual(['words']);
    expect(postings.get('delta')?.map((p) => p.key)).toEqual(['summary']);
    expect(postings.get('delta')?.[0]).toMatchObject({ doc: 0, value: 'Delta' });
  });

  it('numbers every field value once, and a value’s joined compounds share its number', () => {
    const index = buildIndex([page({ title: 'Open XML-RPC', words: ['e-mail login', 'email'] }), page({ title: 'Other', summary: 'xml' })]);
    const passagesOf = (w: string) => index.postings[index.wordId.get(w)!]!.map((p) => p.passage);
    // Page 0: title 0, symptoms 1 and 2, summary 3; page 1: title 4, summary 5.
    expect(index.passages).toBe(6);
    expect(passagesOf('xmlrpc')).toEqual(passagesOf('open'));
    expect(passagesOf('email').sort()).toEqual([1, 2]);
    expect(passagesOf('xml')).toEqual([0, 5]);
  });

  it('adds no word for an empty field', () => {
    expect([...invertedIndex([page({ title: 'Cookie' })]).keys()]).toEqual(['cookie']);
  });

  it('gives a field fuse.js’s length norm, 1 / √(its words), to three decimals', () => {
    const postings = invertedIndex([page({ title: 'Renew the access token', words: ['jwt'], summary: 'Token expired soon' })]);
    expect(postings.get('renew')?.[0]?.norm).toBe(0.5);
    expect(postings.get('jwt')?.[0]?.norm).toBe(1);
    expect(postings.get('soon')?.[0]?.norm).toBe(0.577);
  });

  it('counts the words of a field, not the spaces around them', () => {
    const postings = invertedIndex([page({ title: '  Renew   the access token ', words: [' jwt '] })]);
    expect(postings.get('renew')?.[0]?.norm).toBe(0.5);
    expect(postings.get('jwt')?.[0]?.norm).toBe(1);
  });

  it('lists a word once per field value that holds it, in page order', () => {
    const postings = invertedIndex([page({ title: 'token token' }), page({ words: ['token expired', 'refresh token'] })]);
    expect(postings.get('token')?.map((p) => [p.doc, p.key, p.value])).toEqual([
      [0, 'title', 'token token'],
      [1, 'words', 'token expired'],
      [1, 'words', 'refresh token'],
    ]);
  });
});

// Built in each test, not once per file, so that the mutation run sees which tests cover the index build.
const fruit = () => buildIndex([page({ title: 'banana', words: ['ban ok', 'nab'] })]);

describe('buildIndex', () => {
  it('numbers the vocabulary in the order words first appear', () => {
    const index = fruit();
    expect(index.words).toEqual(['banana', 'ban', 'ok', 'nab']);
    expect(index.wordId.get('nab')).toBe(3);
    expect(index.postings[index.wordId.get('ban')!]?.map((p) => p.value)).toEqual(['ban ok']);
  });

  it('files each word under each of its three-letter slices, once and in ascending order', () => {
    expect(Object.fromEntries(fruit().trigrams)).toEqual({
      ban: [0, 1],
      ana: [0],
      nan: [0],
      nab: [3],
    });
  });

  it("gives each page's distinct words over the mean (a word counted once per page, whatever field holds it)", () => {
    const index = buildIndex([
      page({ title: 'Alpha', words: ['bravo alpha'] }),
      page({ title: 'Alpha', summary: 'charlie', words: ['delta'], errors: ['echo'] }),
    ]);
    expect([...index.relativeLength]).toEqual([2 / 3, 4 / 3]);
    expect([...buildIndex([]).relativeLength]).toEqual([]);
    expect([...buildIndex([page({})]).relativeLength]).toEqual([0]);
  });
});

describe('wordsContaining', () => {
  const found = (term: string) => {
    const index = buildIndex([page({ title: 'invalid_token', words: ['token expired', 'banana tokens'] })]);
    return wordsContaining(index, term).map((id) => index.words[id]);
  };

  it('finds every word that contains the term, once each, in vocabulary order', () => {
    expect(found('token')).toEqual(['invalid_token', 'token', 'tokens']);
    expect(found('ana')).toEqual(['banana']);
  });

  it('finds nothing when no word contains the term', () => {
    expect(found('tokenz')).toEqual([]);
    expect(found('xyz')).toEqual([]);
  });

  it('scans the vocabulary for a term under three letters', () => {
    expect(found('ex')).toEqual(['expired']);
  });
});
