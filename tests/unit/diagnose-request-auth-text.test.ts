/**
 * What the request sent (src/diagnose/request-auth.ts: placeholders, malformed
 * Authorization headers, the JWT in the request, a 401 to a request without
 * credentials) and the text helpers every finding is written with
 * (src/diagnose/text.ts): exact findings and messages, and the limits the checks turn on.
 */
import { describe, expect, it } from 'vitest';
import { duration, listOf, relative, shown } from '../../src/diagnose/text';
import { makeJwt, NOW } from './fixtures/diagnose-corpus';
import { curlVerbose, response } from './lib/pastes';
import { find, ids, run } from './lib/findings';

const nowSeconds = () => Math.floor(NOW.getTime() / 1000);
/** curl -v of a GET to /x that sent this Authorization value and got a Bearer invalid_token 401. */
const withAuth = (value: string) =>
  curlVerbose(['GET /x HTTP/1.1', 'Host: app.example.com', `Authorization: ${value}`], '401 Unauthorized', [
    'WWW-Authenticate: Bearer error="invalid_token"',
  ]);
/** The reasons (details) of the malformed-header findings for this Authorization value. */
const malformed = (value: string) =>
  run(withAuth(value))
    .findings.filter((f) => f.id === 'request-authorization-malformed')
    .map((f) => f.detail);
/** curl -v of a request with no credential header that got a 401 with this challenge. */
const noCredentials = (challenge: string, requestLine = 'GET /x HTTP/1.1') =>
  curlVerbose([requestLine, 'Host: app.example.com'], '401 Unauthorized', [`WWW-Authenticate: ${challenge}`]);

const COLON = 'There is a colon after "Bearer"; the form is "Bearer" then a space then the token, with no colon.';
const TWICE = 'The word "Bearer" appears twice: the code adds the prefix to a value that already has it.';
const QUOTES = 'The token is wrapped in quotes; send the bare token.';
const NO_SPACE = 'There is no space between "Bearer" and the token.';
const SPACE = 'The token contains a space or a line break; it was probably copied with extra text.';
const BARE_JWT = 'The header holds a bare JWT without the "Bearer " prefix in front of it.';
const PLACEHOLDER_DETAIL =
  'The code that builds the header ran before the token existed, or read a variable that is not set in ' +
  'this environment (a missing env var, a token not yet loaded from storage, a template left unfilled).';

describe('shown (text.ts)', () => {
  it('trims, turns control characters into a space and collapses runs of whitespace', () => {
    expect(shown('  padded  ')).toBe('padded');
    expect(shown('a\u0000b')).toBe('a b');
    expect(shown('a\u0000\u0001\u007Fb')).toBe('a b');
    expect(shown('a  \t b')).toBe('a b');
    expect(shown('line one\nline two')).toBe('line one line two');
  });

  it('keeps a value exactly at the limit and clips one character more to limit - 1 plus an ellipsis', () => {
    expect(shown('abcde', 5)).toBe('abcde');
    expect(shown('abcdef', 5)).toBe('abcd…');
    expect(shown('x'.repeat(120))).toBe('x'.repeat(120));
    expect(shown('x'.repeat(121))).toBe(`${'x'.repeat(119)}…`);
  });

  it('counts the limit after flattening, so surrounding and repeated spaces do not cause a clip', () => {
    expect(shown('  ab   cd  ', 5)).toBe('ab cd');
  });

  it('replaces angle brackets', () => {
    expect(shown('<script>')).toBe('‹script›');
  });
});

describe('listOf (text.ts)', () => {
  it('writes an English list of none, one, two and three items', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['a'])).toBe('a');
    expect(listOf(['a', 'b'])).toBe('a and b');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listOf(['a', 'b', 'c', 'd'])).toBe('a, b, c and d');
  });
});

describe('duration and relative (text.ts)', () => {
  const SECOND = 1000;
  const MINUTE = 60 * SECOND;
  const HOUR = 60 * MINUTE;
  const DAY = 24 * HOUR;

  it('uses the singular only for exactly one', () => {
    expect(duration(0)).toBe('0 seconds');
    expect(duration(SECOND)).toBe('1 second');
    expect(duration(1499)).toBe('1 second');
    expect(duration(2 * SECOND)).toBe('2 seconds');
  });

  it('counts seconds below 90 and minutes from 90 seconds', () => {
    expect(duration(89 * SECOND)).toBe('89 seconds');
    expect(duration(90 * SECOND)).toBe('2 minutes');
  });

  it('counts minutes below 90 and hours from 90 minutes', () => {
    expect(duration(89 * MINUTE)).toBe('89 minutes');
    expect(duration(90 * MINUTE)).toBe('2 hours');
  });

  it('counts hours below 36 and days from 36 hours', () => {
    expect(duration(35 * HOUR)).toBe('35 hours');
    expect(duration(36 * HOUR)).toBe('2 days');
  });

  it('counts days below 730 and years from 730 days', () => {
    expect(duration(729 * DAY)).toBe('729 days');
    expect(duration(730 * DAY)).toBe('2 years');
    expect(duration(3650 * DAY)).toBe('10 years');
  });

  it('ignores the sign', () => {
    expect(duration(-90 * SECOND)).toBe('2 minutes');
  });

  it('says "in" for now and the future, and "ago" for the past', () => {
    expect(relative(0)).toBe('in 0 seconds');
    expect(relative(SECOND)).toBe('in 1 second');
    expect(relative(-1)).toBe('0 seconds ago');
    expect(relative(-5 * MINUTE)).toBe('5 minutes ago');
  });
});

describe('placeholder in the Authorization header', () => {
  it('says there is no token when the header is just "Bearer"', () => {
    expect(find(withAuth('Bearer'), 'request-bearer-placeholder')).toEqual({
      id: 'request-bearer-placeholder',
      severity: 'problem',
      fixId: 'bearer-token-missing',
      title: 'The Authorization header says "Bearer" with no token',
      detail: PLACEHOLDER_DETAIL,
      quote: '> Authorization: Bearer',
    });
  });

  it('names the placeholder that was sent instead of a token', () => {
    expect(find(withAuth('Bearer undefined'), 'request-bearer-placeholder')).toEqual({
      id: 'request-bearer-placeholder',
      severity: 'problem',
      fixId: 'bearer-token-missing',
      title: 'The request sent "Bearer undefined" instead of a token',
      detail: PLACEHOLDER_DETAIL,
      quote: '> Authorization: Bearer undefined',
    });
    expect(ids(withAuth('Bearer undefined'))).toEqual([
      'bearer-invalid-token',
      'request-bearer-placeholder',
      'status-401',
    ]);
  });

  it('finds the placeholder behind two spaces', () => {
    expect(find(withAuth('Bearer  undefined'), 'request-bearer-placeholder').title).toBe(
      'The request sent "Bearer undefined" instead of a token',
    );
    expect(malformed('Bearer  undefined')).toEqual([]);
  });

  it('shows a 40-character placeholder whole and clips one of 41', () => {
    const forty = `{${'a'.repeat(38)}}`;
    const fortyOne = `{${'a'.repeat(39)}}`;
    expect(find(withAuth(`Bearer ${forty}`), 'request-bearer-placeholder').title).toBe(
      `The request sent "Bearer ${forty}" instead of a token`,
    );
    expect(find(withAuth(`Bearer ${fortyOne}`), 'request-bearer-placeholder').title).toBe(
      `The request sent "Bearer {${'a'.repeat(38)}…" instead of a token`,
    );
  });

  it('trims a line break that curl --oauth2-bearer $\'...\\n\' leaves at the end of the header', () => {
    const paste = [
      "$ curl -i --oauth2-bearer $'undefined\\n' https://api.example.com/x",
      'HTTP/1.1 401 Unauthorized',
      'WWW-Authenticate: Bearer error="invalid_token"',
    ].join('\n');
    expect(ids(paste)).toEqual(['bearer-invalid-token', 'request-bearer-placeholder', 'status-401']);
    expect(find(paste, 'request-bearer-placeholder').title).toBe(
      'The request sent "Bearer undefined" instead of a token',
    );
  });

  it('only reads "Bearer" at the start of the header', () => {
    expect(ids(withAuth('Token bearer'))).toEqual(['bearer-invalid-token', 'status-401']);
  });
});

describe('malformed Authorization header', () => {
  it('reports the whole finding for a colon after Bearer', () => {
    expect(find(withAuth('Bearer: abc'), 'request-authorization-malformed')).toEqual({
      id: 'request-authorization-malformed',
      severity: 'problem',
      fixId: 'bearer-token-missing',
      title: 'The Authorization header is not in the form the server expects',
      detail: COLON,
      quote: '> Authorization: Bearer: abc',
    });
  });

  it.each([
    ['Bearer: abc', COLON],
    ['Bearer : abc', COLON],
    ['Bearer Bearer abc', TWICE],
    ['Bearer  Bearer abc', TWICE],
    ['Bearer "abc"', QUOTES],
    ["Bearer  'abc'", QUOTES],
    ['Bearerabc', NO_SPACE],
    ['BearerBearer abc', NO_SPACE],
    ['Bearer abc def', SPACE],
    ['Bearer  abc def', SPACE],
    ['Bearer abc  def', SPACE],
  ])('gives %j exactly one reason', (value, reason) => {
    expect(malformed(value)).toEqual([reason]);
  });

  it.each([
    'Token bearer:abc',
    'Token Bearer Bearer abc',
    'Token bearer "abc"',
    'Token bearerabc',
    'Token bearer abc def',
    'Bearer abc',
  ])('reads the Bearer mistakes only at the start of the header, so %j is not malformed', (value) => {
    expect(malformed(value)).toEqual([]);
  });
});

describe('JWT in the request', () => {
  it('decodes a JWT behind two spaces after Bearer', () => {
    const jwt = makeJwt({ exp: nowSeconds() - 600 });
    expect(ids(withAuth(`Bearer  ${jwt}`))).toEqual(['bearer-invalid-token', 'token-expired', 'status-401']);
    expect(find(withAuth(`Bearer  ${jwt}`), 'token-expired').quote).toBe(`> Authorization: Bearer  ${jwt}`);
  });

  it('decodes a bare JWT (no Bearer prefix) and also says the prefix is missing', () => {
    const jwt = makeJwt({ exp: nowSeconds() - 600 });
    expect(ids(withAuth(jwt))).toEqual([
      'bearer-invalid-token',
      'request-authorization-malformed',
      'token-expired',
      'status-401',
    ]);
    expect(malformed(jwt)).toEqual([BARE_JWT]);
  });

  it('does not decode a token that is not shaped like a JWT, such as one in quotes', () => {
    const jwt = makeJwt({ exp: nowSeconds() - 600 });
    expect(ids(withAuth(`Bearer "${jwt}"`))).toEqual([
      'bearer-invalid-token',
      'request-authorization-malformed',
      'status-401',
    ]);
  });

  it('passes on only the JWT findings about a broken token, not the informational ones', () => {
    const noExpiry = makeJwt({ sub: 'a' });
    expect(ids(withAuth(`Bearer ${noExpiry}`))).toEqual(['bearer-invalid-token', 'status-401']);
  });
});

describe('401 to a request without credentials', () => {
  it('reports the whole finding and quotes the request line', () => {
    expect(find(noCredentials('Bearer realm="x"'), 'request-no-credentials')).toEqual({
      id: 'request-no-credentials',
      severity: 'warning',
      fixId: 'bearer-token-missing',
      title: 'The request carried no credentials',
      detail:
        'There is no Authorization, Cookie or API key header on the request, so a 401 is the expected answer. ' +
        'Check that the client adds the token on every request, including this one.',
      quote: '> GET /x HTTP/1.1',
    });
  });

  it('says nothing when the paste does not show the request', () => {
    expect(ids(response('401 Unauthorized', 'WWW-Authenticate: Bearer realm="x"'))).toEqual([
      'bearer-no-error',
      'status-401',
    ]);
  });

  it('leaves a 401 on the OPTIONS preflight to the CORS check', () => {
    expect(ids(noCredentials('Bearer realm="x"', 'OPTIONS /x HTTP/1.1'))).toEqual([
      'cors-preflight-failed',
      'bearer-no-error',
      'status-401',
    ]);
  });

  it.each([
    ['Basic realm="x"', ['challenge-basic', 'status-401']],
    ['Digest realm="x", nonce="n"', ['status-401', 'challenge-other']],
    ['Negotiate', ['status-401', 'challenge-other']],
    ['NTLM', ['status-401', 'challenge-other']],
  ])('treats the first 401 of %s as the normal opening move', (challenge, expected) => {
    expect(ids(noCredentials(challenge))).toEqual(expected);
  });
});
