/**
 * Cases that pin what mutation testing found unguarded in src/diagnose (share C):
 * analyze's per-check safety net, Cache-Control and Age edge values, header values
 * folded onto the next line (obs-fold, whose joined value starts with a space),
 * WWW-Authenticate details and error-message signatures in a response body.
 */
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/diagnose';
import { NOW } from './fixtures/diagnose-corpus';
import { response } from './lib/pastes';
import { find, ids } from './lib/findings';

const cacheIds = (text: string) => ids(text).filter((id) => id.startsWith('cache-'));
/** A 401 that names its scheme, so only the headers under test vary. */
const res401 = (...headers: string[]) => response('401 Unauthorized', 'WWW-Authenticate: Basic realm="app"', ...headers);
/** A raw request, a blank line, then a raw response. */
const pair = (request: string[], responseLines: string[]) => [...request, '', ...responseLines].join('\n');

const BASIC_DETAIL =
  'HTTP Basic authentication usually comes from the web server (an .htpasswd file with nginx auth_basic or Apache ' +
  "AuthType Basic), not from the application's own login. If the site should be public, a staging or folder " +
  'password was left on.';
const BASIC_SENT = ' The request did send Basic credentials, so the username or password is wrong, or the server cannot read its password file.';

describe('analyze: one check that throws', () => {
  it('skips that check with a notice and still reports what the other checks found', () => {
    // The cookies check is the only one that reads the clock for this paste (the cookie's Expires).
    const now = new Date(NOW);
    vi.spyOn(now, 'getTime').mockImplementation(() => {
      throw new Error('clock unavailable');
    });
    const result = analyze(
      response('401 Unauthorized', 'WWW-Authenticate: Bearer', 'Set-Cookie: sid=1; Path=/; Expires=Wed, 01 Jan 2020 00:00:00 GMT'),
      now,
    );
    expect(result.notices).toEqual(['The cookies check failed on this input and was skipped.']);
    expect(result.findings.map((f) => f.id)).toEqual(['bearer-no-error', 'status-401']);
  });
});

describe('Cache-Control values', () => {
  it('does not read a max-age with a quote inside the digits as freshness', () => {
    expect(cacheIds(res401('Cache-Control: max-age=6"00'))).toEqual([]);
    expect(cacheIds(res401('Cache-Control: max-age="600"'))).toEqual(['cache-stores-401', 'cache-vary-missing']);
  });
});

describe('cache hits', () => {
  it('ignores an Age that is not whole seconds', () => {
    expect(cacheIds(res401('Age: 1.5'))).toEqual([]);
    expect(cacheIds(res401('Age: 2'))).toEqual(['cache-hit-401', 'cache-vary-missing']);
  });

  /** The cached-401 finding's text for the header (with its unfolded value) that gave it away. */
  const cachedBy = (header: string) =>
    `"${header}" means a cache answered, not the application. Everyone requesting this URL ` +
    'may get the same 401 until it expires: purge it, and stop caching 401s and signed-in routes.';

  it('reads a CF-Cache-Status folded onto the next line', () => {
    const f = find(res401('CF-Cache-Status:', '  HIT'), 'cache-hit-401');
    expect(f.detail).toBe(cachedBy('CF-Cache-Status: HIT'));
    expect(f.quote).toBe('CF-Cache-Status:');
  });

  it('reads an Age folded onto the next line', () => {
    const f = find(res401('Age:', '  5'), 'cache-hit-401');
    expect(f.detail).toBe(cachedBy('Age: 5'));
    expect(f.quote).toBe('Age:');
  });
});

describe('folded CORS and Server values', () => {
  it('reads Access-Control-Allow-Origin and -Credentials folded onto the next line', () => {
    const text = response(
      '401 Unauthorized',
      'WWW-Authenticate: Bearer',
      'Access-Control-Allow-Origin:',
      '  *',
      'Access-Control-Allow-Credentials:',
      '  true',
    );
    const f = find(text, 'cors-credentials-with-wildcard-origin');
    expect(f.quote).toBe('Access-Control-Allow-Origin:');
  });

  it('names Cloudflare from a Server value folded onto the next line', () => {
    const f = find(response('401 Unauthorized', 'WWW-Authenticate: Bearer', 'Server:', '  cloudflare'), 'origin-cloudflare');
    expect(f.quote).toBe('Server:');
  });
});

describe('WWW-Authenticate details', () => {
  it('says nothing about the status of a challenge pasted without its status line', () => {
    expect(ids('WWW-Authenticate: Bearer error="invalid_token"')).toEqual(['bearer-invalid-token']);
  });

  it('lists every problem of a malformed header, separated by spaces', () => {
    const f = find(response('401 Unauthorized', 'WWW-Authenticate: Bearer realm="a", realm="b", scope='), 'challenge-malformed');
    expect(f.detail).toBe(
      'The parameter "realm" appears twice in one challenge. The parameter "scope" has no value. ' +
        'Clients may ignore a challenge they cannot parse (RFC 9110 section 11.6.1 gives the syntax).',
    );
  });

  it('does not take Digest credentials whose realm says "Basic" for Basic credentials', () => {
    const text = pair(
      [
        'GET /files HTTP/1.1',
        'Host: app.example.com',
        'Authorization: Digest username="bob", realm="Basic Auth", nonce="abc", uri="/files", response="0123"',
      ],
      ['HTTP/1.1 401 Unauthorized', 'WWW-Authenticate: Basic realm="Basic Auth"'],
    );
    expect(find(text, 'challenge-basic').detail).toBe(BASIC_DETAIL);
  });

  it('sees Basic credentials in an Authorization value folded onto the next line', () => {
    const request = ['GET /files HTTP/1.1', 'Host: app.example.com'];
    const answer = ['HTTP/1.1 401 Unauthorized', 'WWW-Authenticate: Basic realm="staff"'];
    const folded = pair([...request, 'Authorization:', '  Basic Ym9iOnNlY3JldA=='], answer);
    const oneLine = pair([...request, 'Authorization: Basic Ym9iOnNlY3JldA=='], answer);
    expect(find(folded, 'challenge-basic').detail).toBe(BASIC_DETAIL + BASIC_SENT);
    expect(find(oneLine, 'challenge-basic').detail).toBe(BASIC_DETAIL + BASIC_SENT);
  });
});

describe('known error messages', () => {
  it('finds a WAF block page in the response body', () => {
    const body = '<title>Attention Required! | Cloudflare</title>';
    const text = [res401(), '', body].join('\n');
    expect(find(text, 'waf-block-page').quote).toBe(body);
  });
});
