/**
 * Exact error strings (src/search/errors.ts): which of the pages' `errors` a pasted message or a typed
 * phrase matches, how strong each match is (a lower score ranks higher; `weak` ones only add to the word
 * search), and which string a page shows. Each test builds a matcher over a few hand-made pages.
 */
import { describe, expect, it } from 'vitest';
import type { SearchDoc } from '../../src/search/documents';
import { createErrorMatcher, sequence, type ErrorHit } from '../../src/search/errors';

const page = (url: string, errors: string[]): SearchDoc => ({ url, kind: 'fix', title: url, summary: '', words: [], errors });

/** The pages a query matches, by url. */
function matches(pages: SearchDoc[], query: string, pasted: boolean): Map<string, ErrorHit> {
  const hits = createErrorMatcher(pages)(query, pasted);
  return new Map([...hits].map(([d, hit]) => [d.url, hit]));
}

const PASTED = true;
const TYPED = false;

const JWT = page('jwt', ['TokenExpiredError: jwt expired']);
const CHALLENGE = page('challenge', ['Bearer error="invalid_token"']);
const SIGNATURE = page('signature', ['Bearer error="invalid_token", error_description="The signature key was not found"']);

describe('sequence', () => {
  it('reduces a string to its words, so quoting, punctuation and case do not matter', () => {
    expect(sequence('Bearer error="invalid_token"')).toBe('bearer error invalid_token');
    expect(sequence('  BEARER   error = invalid_token ')).toBe('bearer error invalid_token');
  });

  it('keeps a dotted number whole, so a sub-status or version is one word', () => {
    expect(sequence('HTTP Error 401.3 - Unauthorized')).toBe('http error 401.3 unauthorized');
    expect(sequence('OAuth 2.0, v1.2.3.')).toBe('oauth 2.0 v1.2.3');
  });

  it('gives an empty sequence for text with no word in it', () => {
    expect(sequence('"" --- !!!')).toBe('');
  });
});

describe('which strings take part', () => {
  it('ignores an error string too short to single anything out', () => {
    expect(matches([page('bare', ['401'])], '401 on every request', TYPED).size).toBe(0);
  });

  it('matches a four-letter error code typed on its own', () => {
    const hit = matches([page('code', ['E401'])], 'E401', TYPED).get('code');
    expect(hit?.weak).toBe(false);
    expect(hit?.snippet).toEqual({ text: 'E401', ranges: [[0, 3]] });
  });
});

describe('a paste', () => {
  it('matches a string it holds whole, wherever it is and however it is quoted', () => {
    const hit = matches([JWT, SIGNATURE], 'Error:\n  TokenExpiredError:   "jwt expired"\n    at verify.js:190', PASTED).get('jwt');
    expect(hit?.weak).toBe(false);
    expect(hit?.snippet.text).toBe('TokenExpiredError: jwt expired');
  });

  it('tells IIS sub-statuses apart: "401.3" in a paste is a strong match for its page only', () => {
    const pages = [page('acl', ['HTTP Error 401.3 - Unauthorized']), page('logon', ['HTTP Error 401.1 - Unauthorized']), page('status', ['HTTP Error 401'])];
    const hits = matches(pages, 'HTTP Error 401.3 - Unauthorized\nYou do not have permission to view this directory or page.', PASTED);
    expect([...hits.keys()]).toEqual(['acl']);
    expect(hits.get('acl')?.weak).toBe(false);
  });

  it('does not match a longer string it holds only the start of', () => {
    expect(matches([SIGNATURE], 'Bearer error="invalid_token"\n', PASTED).size).toBe(0);
  });

  it('drops status lines and strings made only of words every 401 has: they single out nothing', () => {
    const pages = [page('status', ['401 Unauthorized']), page('apache', ['401 Authorization Required']), page('generic', ['HTTP Error: Unauthorized'])];
    expect(matches(pages, 'HTTP/1.1 401 Unauthorized\nServer: nginx', PASTED).size).toBe(0);
    expect(matches(pages, 'HTTP/1.1 401 Authorization Required\nServer: Apache', PASTED).size).toBe(0);
    expect(matches(pages, '{"message":"HTTP Error: Unauthorized"}', PASTED).size).toBe(0);
  });

  it('counts a word mixing letters and digits as distinctive ("2fa", "oauth2")', () => {
    const pages = [page('2fa', ['Unauthorized (2FA)']), page('oauth2', ['Unauthorized (OAuth2)'])];
    const hits = matches(pages, 'HTTP/1.1 401\n{"error":"Unauthorized (2FA)","hint":"Unauthorized (OAuth2)"}', PASTED);
    expect(hits.get('2fa')?.weak).toBe(false);
    expect(hits.get('oauth2')?.weak).toBe(false);
  });

  it('scores a string with one distinctive word as a hint weaker than one with several, however long', () => {
    const pages = [page('login', ['Error: Unauthorized. Please login']), page('signature', ['Invalid signature'])];
    const hits = matches(pages, 'Error: Unauthorized. Please login\nInvalid signature', PASTED);
    const login = hits.get('login')!;
    const signature = hits.get('signature')!;
    expect(login.weak).toBe(false);
    expect(signature.weak).toBe(false);
    expect(login.score).toBeGreaterThan(signature.score);
  });

  it('scores a longer string better than a shorter one', () => {
    const pages = [page('short', ['invalid signature']), page('long', ['jwt signature verification failed'])];
    const hits = matches(pages, 'invalid signature\njwt signature verification failed', PASTED);
    expect(hits.get('long')!.score).toBeLessThan(hits.get('short')!.score);
  });
});

describe('overlapping strings', () => {
  it('marks a string that a longer matched string of another page explains as weak, but keeps it', () => {
    // The paste is exactly the longer string: both start at its first word.
    const hits = matches([CHALLENGE, SIGNATURE], SIGNATURE.errors[0]!, PASTED);
    expect(hits.get('signature')?.weak).toBe(false);
    expect(hits.get('challenge')?.weak).toBe(true);
    expect(hits.get('signature')!.score).toBeLessThan(hits.get('challenge')!.score);
  });

  it('also when the explained string sits inside the longer one', () => {
    const inner = page('inner', ['error="invalid_token"']);
    const hits = matches([inner, SIGNATURE], `WWW-Authenticate: ${SIGNATURE.errors[0]!}`, PASTED);
    expect(hits.get('inner')?.weak).toBe(true);
    expect(hits.get('signature')?.weak).toBe(false);
  });

  it('does not let strings of different pages side by side explain each other', () => {
    const client = page('client', ['invalid_client']);
    for (const paste of ['invalid_client\nTokenExpiredError: jwt expired', 'TokenExpiredError: jwt expired\ninvalid_client']) {
      const hits = matches([client, JWT], paste, PASTED);
      expect(hits.get('client')?.weak).toBe(false);
      expect(hits.get('jwt')?.weak).toBe(false);
    }
  });

  it('does not let two pages listing the same string explain each other', () => {
    const hits = matches([page('one', ['Invalid API key']), page('two', ['invalid api key'])], 'Error: Invalid API key', PASTED);
    expect(hits.get('one')?.weak).toBe(false);
    expect(hits.get('two')?.weak).toBe(false);
  });

  it('does not let a page’s own longer string explain its shorter one', () => {
    // Both strings have one distinctive word and so tie; the page shows the one the paste matched most exactly.
    const grant = page('grant', ['{"error": "invalid_grant"}', 'invalid_grant']);
    const hit = matches([grant], '{"error":"invalid_grant","error_description":"Bad credentials"}', PASTED).get('grant');
    expect(hit?.weak).toBe(false);
    expect(hit?.snippet.text).toBe('invalid_grant');
  });
});

describe('typed words', () => {
  it('find a string they are a fragment of', () => {
    const hit = matches([JWT], 'jwt expired', TYPED).get('jwt');
    expect(hit?.weak).toBe(false);
    expect(hit?.snippet.text).toBe('TokenExpiredError: jwt expired');
  });

  it('find it from a fragment of eight characters', () => {
    expect(matches([page('missing', ['AuthError: no token provided'])], 'no token', TYPED).has('missing')).toBe(true);
  });

  it('mark a fragment with fewer than two distinctive words as weak: it is part of too many strings', () => {
    expect(matches([page('missing', ['AuthError: no token provided'])], 'no token', TYPED).get('missing')?.weak).toBe(true);
  });

  it('leave a phrase shorter than eight characters to the word search', () => {
    expect(matches([page('key', ['API key missing'])], 'api key', TYPED).size).toBe(0);
  });

  it('leave a single word to the word search, even the first word of a string', () => {
    expect(matches([JWT], 'TokenExpiredError', TYPED).size).toBe(0);
  });

  it('score a whole string better than a fragment of it', () => {
    const whole = matches([JWT], 'TokenExpiredError: jwt expired', TYPED).get('jwt')!;
    const fragment = matches([JWT], 'jwt expired', TYPED).get('jwt')!;
    expect(whole.weak).toBe(false);
    expect(whole.score).toBeLessThan(fragment.score);
  });

  it('prefer a string they match whole to a longer one they are a fragment of', () => {
    const hits = matches([page('short', ['jwt expired']), JWT], 'jwt expired', TYPED);
    expect(hits.get('short')?.weak).toBe(false);
    expect(hits.get('short')!.score).toBeLessThan(hits.get('jwt')!.score);
  });

  it('keep a string of one code strong when typed whole, though the query has one distinctive word', () => {
    const hits = matches([page('grant', ['invalid_grant'])], 'invalid_grant', TYPED);
    expect(hits.get('grant')?.weak).toBe(false);
  });

  it('keep strings of status words, but weak, ranked below a distinctive one', () => {
    const pages = [page('grant', ['invalid_grant']), page('generic', ['HTTP Error: Unauthorized']), page('apache', ['401 Authorization Required'])];
    const hits = matches(pages, 'invalid_grant after HTTP Error: Unauthorized, 401 Authorization Required', TYPED);
    expect(hits.get('grant')?.weak).toBe(false);
    expect(hits.get('generic')?.weak).toBe(true);
    expect(hits.get('apache')?.weak).toBe(true);
    expect(hits.get('generic')!.score).toBeGreaterThan(hits.get('grant')!.score);
  });

  it('count an error number as a word every 401 may have', () => {
    expect(matches([page('code', ['Error code 40101: Unauthorized'])], 'error code 40101 unauthorized', TYPED).get('code')?.weak).toBe(true);
  });
});

describe('the string a page shows', () => {
  it('is its strongest match, whichever it lists first', () => {
    const weakFirst = page('weak-first', ['HTTP Error: Unauthorized', 'jwt expired']);
    const strongFirst = page('strong-first', ['jwt expired', 'HTTP Error: Unauthorized']);
    const hits = matches([weakFirst, strongFirst], 'http error unauthorized: jwt expired', TYPED);
    expect(hits.get('weak-first')?.snippet.text).toBe('jwt expired');
    expect(hits.get('strong-first')?.snippet.text).toBe('jwt expired');
    expect(hits.get('weak-first')?.weak).toBe(false);
  });

  it('on a full tie, is the one the page lists first, whatever order the paste has them in', () => {
    const codes = page('codes', ['invalid_grant', 'invalid_scope']);
    expect(matches([codes], 'error=invalid_scope\nerror=invalid_grant', PASTED).get('codes')?.snippet.text).toBe('invalid_grant');
    expect(matches([codes], 'error=invalid_grant\nerror=invalid_scope', PASTED).get('codes')?.snippet.text).toBe('invalid_grant');
  });

  it('highlights the whole string', () => {
    const hit = matches([CHALLENGE], 'WWW-Authenticate: Bearer error="invalid_token"', PASTED).get('challenge');
    expect(hit?.snippet).toEqual({ text: 'Bearer error="invalid_token"', ranges: [[0, 27]] });
  });
});
