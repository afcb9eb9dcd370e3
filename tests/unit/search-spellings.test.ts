/**
 * What a query word stands for (src/search/spellings.ts): a known word, the words containing it and the
 * same word less a short ending; an unknown word (a typo), fuse.js's fuzzy matches, kept for when it is
 * typed again. Scores are fuse.js-style: lower is a closer spelling.
 */
import Fuse from 'fuse.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchDoc } from '../../src/search/documents';
import { buildIndex } from '../../src/search/index-build';
import { createSpellings, createStems, STEM_SCORE, type Spelling } from '../../src/search/spellings';

const page = (title: string, words: string[] = []): SearchDoc => ({ url: title, kind: 'fix', title, summary: '', words, errors: [] });

// Vocabulary order is the order words first appear: "cookie" before "cookies".
const INDEX = buildIndex([
  page('Send the session cookie', ['cookies blocked by the browser', 'block third party']),
  page('Check the roles claim', ['role missing', 'keys rotated', 'key id unknown', 'invalid_token']),
  page('Send the authorization header', ['token expired']),
]);
const id = (w: string) => {
  const i = INDEX.wordId.get(w);
  if (i === undefined) throw new Error(`"${w}" is not in the test vocabulary`);
  return i;
};
const words = (spellings: Spelling[]) => spellings.map((s) => INDEX.words[s.word]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a known word', () => {
  it('stands for itself and for the same word without a one-letter ending ("cookies" finds "cookie"), in vocabulary order', () => {
    expect(createSpellings(INDEX)('cookies')).toEqual([
      { word: id('cookie'), score: 1 / 7 },
      { word: id('cookies'), score: 0.001 },
    ]);
  });

  it('also stands for the word without a two-letter ending, as a farther spelling', () => {
    // "blocked" comes first in the vocabulary here.
    expect(createSpellings(INDEX)('blocked')).toEqual([
      { word: id('blocked'), score: 0.001 },
      { word: id('block'), score: 2 / 7 },
    ]);
  });

  it('keeps a stem of four letters ("roles" finds "role"), scored as a cut ending', () => {
    expect(createSpellings(INDEX)('roles')).toContainEqual({ word: id('role'), score: 1 / 5 });
  });

  it('does not cut a word to a stem under four letters ("keys" does not stand for "key")', () => {
    expect(createSpellings(INDEX)('keys')).toEqual([{ word: id('keys'), score: 0.001 }]);
  });

  it('stands for every word containing it, as exact matches', () => {
    const spellings = createSpellings(INDEX)('token');
    expect(words(spellings)).toEqual(['invalid_token', 'token']);
    expect(spellings.every((s) => s.score === 0.001)).toBe(true);
  });

  it('never goes through fuse.js', () => {
    const search = vi.spyOn(Fuse.prototype, 'search');
    createSpellings(INDEX)('cookies');
    expect(search).not.toHaveBeenCalled();
  });
});

describe('an unknown word', () => {
  it('finds the word it is a typo of, as a farther spelling than an exact match', () => {
    const spellings = createSpellings(INDEX)('autorization');
    const hit = spellings.find((s) => s.word === id('authorization'));
    expect(hit).toBeDefined();
    expect(hit!.score).toBeGreaterThan(0.001);
    expect(hit!.score).toBeLessThan(1);
  });

  it('is looked up once when typed again', () => {
    const search = vi.spyOn(Fuse.prototype, 'search');
    const spellings = createSpellings(INDEX);
    const first = spellings('autorization');
    expect(spellings('autorization')).toEqual(first);
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('is kept until more than 500 typos are kept, then all are forgotten so memory stays bounded', () => {
    const search = vi.spyOn(Fuse.prototype, 'search');
    // A one-word vocabulary keeps 500 fuzzy passes fast.
    const spellings = createSpellings(buildIndex([page('cookie')]));
    const typo = (i: number) => `zqx${i}`;
    for (let i = 0; i <= 500; i++) spellings(typo(i));
    expect(search).toHaveBeenCalledTimes(501);
    // 501 kept: the first is still there, and so is the last.
    spellings(typo(0));
    spellings(typo(500));
    expect(search).toHaveBeenCalledTimes(501);
    // The 502nd finds more than 500 kept and starts over.
    spellings(typo(501));
    spellings(typo(0));
    expect(search).toHaveBeenCalledTimes(503);
  });
});

describe('other forms of a word (Porter stems)', () => {
  const FORMS = buildIndex([
    page('Keep the header through the proxy', ['nginx strips authorization', 'token expires too soon']),
    page('Answer the preflight', ['preflight returns 401']),
  ]);
  const formsOf = (spellings: Spelling[]) => spellings.map((s) => [FORMS.words[s.word], s.score]);

  it('a known word also stands for the vocabulary\'s other forms of it, close behind itself', () => {
    const add = buildIndex([page('Keep the header', ['nginx strips authorization', 'header stripped by apache'])]);
    const found = createSpellings(add)('stripped').map((s) => [add.words[s.word], s.score]);
    expect(found).toContainEqual(['strips', STEM_SCORE]);
    expect(found).toContainEqual(['stripped', 0.001]);
  });

  it('an unknown word that is another form of a known one stands for it, with no fuzzy pass', () => {
    const search = vi.spyOn(Fuse.prototype, 'search');
    expect(formsOf(createSpellings(FORMS)('stripped'))).toEqual([['strips', STEM_SCORE]]);
    expect(formsOf(createSpellings(FORMS)('expired'))).toEqual([['expires', STEM_SCORE]]);
    expect(search).not.toHaveBeenCalled();
  });

  it('groups only whole words of four letters or more', () => {
    const forms = createStems(FORMS);
    expect(forms('preflighted').map((w) => FORMS.words[w])).toEqual(['preflight']);
    expect(forms('unrelated')).toEqual([]);
    // Four letters is enough on both sides: "role" is grouped, and "role" is looked up.
    const short = buildIndex([page('Check the role', ['key roles'])]);
    const shortForms = createStems(short);
    expect(shortForms('roled').map((w) => short.words[w])).toEqual(['role', 'roles']);
    expect(shortForms('role').map((w) => short.words[w])).toEqual(['role', 'roles']);
    // Under four letters, neither: "key" is not grouped with "keys", and "key" finds nothing.
    const keys = buildIndex([page('Rotate the keys', ['key id'])]);
    expect(createStems(keys)('key')).toEqual([]);
    expect(createStems(keys)('keyed').map((w) => keys.words[w])).toEqual(['keys']);
  });

  it('leaves out joined compounds, which are found by their whole selves only', () => {
    const joined = buildIndex([page('Use sign-in', ['sign-in fails'])]);
    expect(joined.words.slice(joined.firstCompound)).toContain('signin');
    expect(createStems(joined)('signins')).toEqual([]);
  });
});
