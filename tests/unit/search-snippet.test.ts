/**
 * The excerpt under a search result: which field value is shown, and which characters of it are highlighted.
 * Inputs are hand-made field matches, as scoring.ts builds them from the postings of one page.
 */
import { describe, expect, it } from 'vitest';
import type { Key } from '../../src/search/index-build';
import { occurrences, snippetOf, type FieldMatch } from '../../src/search/snippet';

const match = (term: number, key: Key, value: string, indices: [number, number][]): { term: number; m: FieldMatch } => ({
  term,
  m: { key, value, indices },
});

describe('occurrences', () => {
  it('marks every place the word stands in the field, each once', () => {
    expect(occurrences('token expired, token revoked', 'token', 'token')).toEqual([
      [0, 4],
      [15, 19],
    ]);
  });

  it('marks the query word inside a longer vocabulary word, and ignores case', () => {
    expect(occurrences('Bearer error="INVALID_TOKEN"', 'invalid_token', 'token')).toEqual([[22, 26]]);
  });

  it('marks at most eight places in one field', () => {
    const out = occurrences('token '.repeat(10), 'token', 'token');
    expect(out).toHaveLength(8);
    expect(out[7]).toEqual([42, 46]);
  });
});

describe('snippetOf: which field is shown', () => {
  it('shows nothing when no match is three characters or longer (two letters match by chance)', () => {
    expect(snippetOf([match(0, 'title', 'Send the api key', [[9, 10]])], [1])).toBeUndefined();
  });

  it('shows nothing for an empty field value', () => {
    expect(snippetOf([match(0, 'summary', '', [[0, 4]])], [1])).toBeUndefined();
  });

  it('highlights only the matches of three characters or more', () => {
    expect(snippetOf([match(0, 'title', 'jwt in js code', [[0, 2], [7, 8]])], [1])).toEqual({ text: 'jwt in js code', ranges: [[0, 2]] });
  });

  it('shows the field holding the rarer query word, whichever comes first', () => {
    const common = match(0, 'errors', 'token rejected', [[0, 4]]);
    const rare = match(1, 'title', 'Clock skew on the server', [[0, 4]]);
    const idf = [0.2, 2];
    expect(snippetOf([common, rare], idf)?.text).toBe('Clock skew on the server');
    expect(snippetOf([rare, common], idf)?.text).toBe('Clock skew on the server');
  });

  it('adds up the weight of every query word a field holds', () => {
    const both = [match(0, 'title', 'Renew the expired token', [[10, 16]]), match(1, 'title', 'Renew the expired token', [[18, 22]])];
    const one = match(2, 'errors', 'clock skew detected', [[0, 4]]);
    const idf = [1, 1, 1.5];
    expect(snippetOf([...both, one], idf)?.text).toBe('Renew the expired token');
    expect(snippetOf([one, ...both], idf)?.text).toBe('Renew the expired token');
  });

  it('on equal weight prefers an error string, then a symptom, then the title, then the summary', () => {
    const error = match(0, 'errors', 'jwt expired', [[4, 10]]);
    const symptom = match(0, 'words', 'logged out when the token expired', [[26, 32]]);
    const title = match(0, 'title', 'Renew the expired token', [[10, 16]]);
    const summary = match(0, 'summary', 'The access token expired', [[17, 23]]);
    const idf = [1];
    expect(snippetOf([title, error], idf)?.text).toBe('jwt expired');
    expect(snippetOf([error, title], idf)?.text).toBe('jwt expired');
    expect(snippetOf([title, symptom], idf)?.text).toBe('logged out when the token expired');
    expect(snippetOf([summary, title], idf)?.text).toBe('Renew the expired token');
    expect(snippetOf([title, summary], idf)?.text).toBe('Renew the expired token');
  });
});

describe('snippetOf: highlights', () => {
  const value = 'token expired, token revoked';

  it('lists highlights in reading order, whatever order the words matched in', () => {
    const ranges = snippetOf(
      [
        match(0, 'words', value, [[21, 27]]),
        match(1, 'words', value, [
          [0, 4],
          [15, 19],
        ]),
        match(2, 'words', value, [[6, 12]]),
      ],
      [1, 1, 1],
    )?.ranges;
    expect(ranges).toEqual([
      [0, 4],
      [6, 12],
      [15, 19],
      [21, 27],
    ]);
  });

  it('highlights a word inside another matched word once', () => {
    const ranges = snippetOf([match(0, 'errors', 'invalid_token', [[0, 12]]), match(1, 'errors', 'invalid_token', [[8, 12]])], [1, 1])?.ranges;
    expect(ranges).toEqual([[0, 12]]);
  });

  it('joins overlapping highlights into one covering both', () => {
    const ranges = snippetOf([match(0, 'title', 'authorization header', [[0, 5]]), match(1, 'title', 'authorization header', [[3, 12]])], [1, 1])?.ranges;
    expect(ranges).toEqual([[0, 12]]);
  });

  it('joins highlights that touch into one', () => {
    const ranges = snippetOf([match(0, 'title', 'oauth2proxy login', [[0, 5]]), match(1, 'title', 'oauth2proxy login', [[6, 10]])], [1, 1])?.ranges;
    expect(ranges).toEqual([[0, 10]]);
  });

  it('keeps highlights inside the text when lower-casing made it longer', () => {
    // "İ" lower-cases to two characters, so positions found in the lower-cased text run one past the original.
    const text = 'İ token';
    const snippet = snippetOf([match(0, 'title', text, occurrences(text, 'token', 'token'))], [1]);
    expect(snippet?.text).toBe(text);
    expect(snippet!.ranges).toHaveLength(1);
    expect(snippet!.ranges[0]![1]).toBe(text.length - 1);
  });
});

describe('snippetOf: the focus word a result link scrolls to', () => {
  const cups = 'cups localhost:631/admin keeps asking for the password';
  const both = [match(0, 'words', cups, [[0, 3]]), match(1, 'words', cups, [[44, 51]])];

  it('is the whole word of the rarest matched query word, when that one is rare enough', () => {
    expect(snippetOf(both, [3.9, 0.4], 3)?.focus).toBe('cups');
    // Only part of a word matched ("cup"): the focus is still the whole word of the text.
    expect(snippetOf([match(0, 'words', cups, [[0, 2]])], [3.9], 3)?.focus).toBe('cups');
    expect(snippetOf([match(0, 'words', 'send x-api-key now', [[7, 9]])], [3.9], 3)?.focus).toBe('x-api-key');
  });

  it('is absent when every matched word is common, and by default', () => {
    expect(snippetOf(both, [2.9, 0.4], 3)?.focus).toBeUndefined();
    expect(snippetOf(both, [3.9, 0.4])?.focus).toBeUndefined();
  });
});
