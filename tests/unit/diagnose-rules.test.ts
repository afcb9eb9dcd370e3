import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { analyze, FINDING_CATALOG, FIX_IDS, MAX_FINDINGS } from '../../src/diagnose';
import { defaultPath, domainMatches, pathMatches } from '../../src/diagnose/cookies';
import { SIGNATURES } from '../../src/diagnose/signatures';
import { makeJwt, NOW } from './fixtures/diagnose-corpus';
import { curlVerbose as exchange, response } from './lib/pastes';
import { find, ids, run } from './lib/findings';

beforeEach(() => {
  expect.hasAssertions();
});

const t = Math.floor(NOW.getTime() / 1000);

describe('finding catalog', () => {
  it('links only fix ids from the plan, and every finding carries the catalog severity and fix', () => {
    for (const [id, entry] of Object.entries(FINDING_CATALOG)) {
      expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      if ('fixId' in entry) expect(FIX_IDS).toContain(entry.fixId);
    }
    const f = find(response('403 Forbidden'), 'status-403');
    expect(f).toEqual({
      id: 'status-403',
      severity: 'warning',
      fixId: 'actually-403-forbidden',
      title: 'This is 403 Forbidden, not 401',
      detail: expect.stringContaining('RFC 9110 section 15.5.4'),
      quote: 'HTTP/1.1 403 Forbidden',
    });
  });

  // Under `npm run mutate` the files on disk are Stryker's instrumented copies, whose prelude reads
  // `globalThis.process.env`; a mutant never adds an API, so the normal run's scan of the source covers it.
  it.skipIf(process.env.STRYKER_MUTATOR_WORKER !== undefined)('keeps the analyzers free of Node-only APIs so they run in the browser', () => {
    const dir = join(__dirname, '../../src/diagnose');
    for (const file of readdirSync(dir)) {
      const source = readFileSync(join(dir, file), 'utf8');
      expect(source, file).not.toMatch(/\bBuffer\b|\brequire\(|from 'node:|\bprocess\.|from '(?:fs|path|crypto|http)'/);
    }
  });
});

describe('status', () => {
  it.each([
    ['401 Unauthorized', 'status-401', undefined],
    ['403 Forbidden', 'status-403', 'actually-403-forbidden'],
    ['407 Proxy Authentication Required', 'status-407', 'proxy-auth-407'],
    ['404 Not Found', 'status-not-auth-error', 'not-an-auth-error'],
    ['429 Too Many Requests', 'status-not-auth-error', 'not-an-auth-error'],
    ['500 Internal Server Error', 'status-not-auth-error', 'not-an-auth-error'],
    ['502 Bad Gateway', 'status-not-auth-error', 'not-an-auth-error'],
  ])('%s -> %s', (status, id, fixId) => {
    const f = find(response(status, 'Content-Type: text/plain'), id);
    expect(f?.fixId).toBe(fixId);
  });

  it('names the 407 proxy schemes', () => {
    expect(
      find(
        response(
          '407 Proxy Authentication Required',
          'Proxy-Authenticate: NTLM',
          'Proxy-Authenticate: Basic realm="p"',
        ),
        'status-407',
      )?.detail,
    ).toMatch(/asks for NTLM and Basic/);
  });

  it('centres on the last error response of a chain', () => {
    const r = run(
      `${response('302 Found', 'Location: /login')}\n\n${response('401 Unauthorized', 'WWW-Authenticate: Basic')}`,
    );
    expect(r.summary.status).toBe(401);
    expect(r.summary.responseCount).toBe(2);
  });

  it('requires WWW-Authenticate on a 401 only when headers were seen', () => {
    expect(ids(response('401 Unauthorized', 'Content-Type: text/plain'))).toContain('missing-www-authenticate');
    expect(ids(response('401 Unauthorized'))).not.toContain('missing-www-authenticate');
    expect(ids('GET https://a.example/x 401 (Unauthorized)')).not.toContain('missing-www-authenticate');
  });
});

describe('WWW-Authenticate', () => {
  const bearer = (params: string, status = '401 Unauthorized') =>
    response(status, `WWW-Authenticate: Bearer realm="api"${params}`);

  it.each([
    [
      ', error="invalid_token", error_description="Token expired at 12:00"',
      'bearer-invalid-token-expired',
      'jwt-expired',
    ],
    [', error="invalid_token", error_description="Token is not active"', 'bearer-invalid-token-expired', 'jwt-expired'],
    [
      ', error="invalid_token", error_description="The token is not yet valid (nbf)"',
      'bearer-invalid-token-not-yet-valid',
      'clock-skew-server',
    ],
    [
      ', error="invalid_token", error_description="Invalid audience"',
      'bearer-invalid-token',
      'jwt-validation-mismatch',
    ],
    [', error="invalid_token"', 'bearer-invalid-token', 'jwt-validation-mismatch'],
    [', error="insufficient_scope", scope="admin"', 'bearer-insufficient-scope', 'oauth-insufficient-scope'],
    [', error="invalid_request"', 'bearer-invalid-request', 'bearer-token-missing'],
    ['', 'bearer-no-error', 'bearer-token-missing'],
    [', error="use_dpop_nonce"', 'bearer-unknown-error', undefined],
  ])('Bearer%s -> %s', (params, id, fixId) => {
    const f = find(bearer(params), id);
    expect(f).toBeDefined();
    expect(f?.fixId).toBe(fixId);
  });

  it('puts the required scope in the title and flags the status RFC 6750 expects', () => {
    const text = bearer(', error="insufficient_scope", scope="orders:write"');
    expect(find(text, 'bearer-insufficient-scope')?.title).toBe('The token lacks the scope "orders:write"');
    expect(find(text, 'bearer-error-status-mismatch')?.title).toBe(
      '"insufficient_scope" should come with 403, not 401',
    );
    expect(ids(bearer(', error="insufficient_scope"', '403 Forbidden'))).not.toContain('bearer-error-status-mismatch');
  });

  it('reads every challenge of every WWW-Authenticate header', () => {
    const r = run(
      response(
        '401 Unauthorized',
        'WWW-Authenticate: Negotiate, NTLM',
        'WWW-Authenticate: Basic realm="corp"',
        'WWW-Authenticate: Bearer error="invalid_token"',
      ),
    );
    expect(r.summary.challenges.map((c) => c.scheme)).toEqual(['Negotiate', 'NTLM', 'Basic', 'Bearer']);
    expect(r.summary.challenges[2]).toMatchObject({ realm: 'corp', quote: 'WWW-Authenticate: Basic realm="corp"' });
    const found = r.findings.map((f) => f.id);
    expect(found.filter((id) => id === 'challenge-other')).toHaveLength(2);
    expect(found).toContain('challenge-basic');
    expect(found).toContain('bearer-invalid-token');
  });

  it('says when a Bearer challenge without error follows a request that did send a token', () => {
    const f = find(
      exchange(['GET /x HTTP/1.1', 'Host: app.example.com', 'Authorization: Bearer abc'], '401 Unauthorized', [
        'WWW-Authenticate: Bearer realm="x"',
      ]),
      'bearer-no-error',
    );
    expect(f?.detail).toMatch(/did carry an Authorization header/);
  });

  it('reports a malformed header', () => {
    expect(
      find(response('401 Unauthorized', 'WWW-Authenticate: Bearer realm="unterminated'), 'challenge-malformed')?.detail,
    ).toMatch(/closing quote/);
  });
});

describe('request credentials', () => {
  const withAuth = (value: string) =>
    exchange(['GET /x HTTP/1.1', 'Host: app.example.com', `Authorization: ${value}`], '401 Unauthorized', [
      'WWW-Authenticate: Bearer error="invalid_token"',
    ]);

  it.each(['Bearer undefined', 'Bearer null', 'Bearer', 'Bearer [object Object]', 'Bearer ${token}', 'Bearer <token>'])(
    'flags the placeholder %s',
    (value) => {
      expect(ids(withAuth(value))).toContain('request-bearer-placeholder');
    },
  );

  it.each([
    ['Bearer: abc', /colon/],
    ['Bearer Bearer abc', /twice/],
    ['Bearer "abc"', /quotes/],
    ['Bearerabc', /no space/],
    ['Bearer abc def', /space or a line break/],
    [makeJwt({ exp: t + 60 }), /without the "Bearer " prefix/],
  ])('flags the malformed header %s', (value, reason) => {
    expect(find(withAuth(value), 'request-authorization-malformed')?.detail).toMatch(reason);
  });

  it('accepts a well-formed header', () => {
    const found = ids(withAuth(`Bearer ${makeJwt({ exp: t + 600 })}`));
    expect(found).not.toContain('request-authorization-malformed');
    expect(found).not.toContain('request-bearer-placeholder');
    expect(found).not.toContain('token-expired');
  });

  it('reads the JWT in the request and quotes the Authorization line', () => {
    const r = run(withAuth(`Bearer ${makeJwt({ exp: t + 600 }, { alg: 'none' })}`));
    const f = r.findings.find((x) => x.id === 'token-alg-none');
    expect(f?.quote).toMatch(/^> Authorization: Bearer /);
  });

  it('flags a 401 to a request without any credentials, except Basic and Negotiate openers', () => {
    const noCreds = (challenge: string) =>
      exchange(['GET /x HTTP/1.1', 'Host: app.example.com'], '401 Unauthorized', [`WWW-Authenticate: ${challenge}`]);
    expect(find(noCreds('Bearer realm="x"'), 'request-no-credentials')?.quote).toBe('> GET /x HTTP/1.1');
    expect(ids(noCreds('Basic realm="x"'))).not.toContain('request-no-credentials');
    expect(ids(noCreds('Negotiate'))).not.toContain('request-no-credentials');
    const apiKey = exchange(['GET /x HTTP/1.1', 'Host: app.example.com', 'X-API-Key: k'], '401 Unauthorized', [
      'Content-Type: x',
    ]);
    expect(ids(apiKey)).not.toContain('request-no-credentials');
  });
});

describe('cookies', () => {
  it('implements RFC 6265 domain-match and path-match', () => {
    expect(domainMatches('app.example.com', 'example.com')).toBe(true);
    expect(domainMatches('example.com', 'example.com')).toBe(true);
    expect(domainMatches('example.com', 'www.example.com')).toBe(false);
    expect(domainMatches('badexample.com', 'example.com')).toBe(false);
    expect(domainMatches('10.0.0.1', '0.0.1')).toBe(false);
    expect(pathMatches('/api/users', '/api')).toBe(true);
    expect(pathMatches('/api/users', '/api/')).toBe(true);
    expect(pathMatches('/apiary', '/api')).toBe(false);
    expect(defaultPath('/auth/login')).toBe('/auth');
    expect(defaultPath('/login')).toBe('/');
  });

  const setCookie = (cookie: string, path = '/account/settings') =>
    exchange([`GET ${path} HTTP/1.1`, 'Host: app.example.com'], '200 OK', [`Set-Cookie: ${cookie}`]);

  it('accepts a cookie for a parent domain and a matching path', () => {
    expect(ids(setCookie('sid=1; Domain=.example.com; Path=/; Secure; HttpOnly; SameSite=Lax'))).toEqual([]);
  });

  it.each([
    ['sid=1; Domain=www.example.com; Path=/', 'cookie-domain-mismatch', 'cookie-domain-mismatch'],
    ['sid=1; Path=/admin', 'cookie-path-mismatch', 'session-cookie-not-sent'],
    ['sid=1; Path=/; SameSite=None', 'cookie-samesite-none-without-secure', 'session-cookie-not-sent'],
    ['sid=1; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'cookie-already-expired', 'session-cookie-not-sent'],
    ['sid=1; Path=/; Max-Age=-1', 'cookie-already-expired', 'session-cookie-not-sent'],
    ['__Host-sid=1; Path=/; Domain=app.example.com; Secure', 'cookie-prefix-violation', 'session-cookie-not-sent'],
    ['__Secure-sid=1; Path=/', 'cookie-prefix-violation', 'session-cookie-not-sent'],
    [`big=${'x'.repeat(4100)}; Path=/`, 'cookie-too-large', 'session-cookie-not-sent'],
    ['sid=1', 'cookie-default-path-narrow', 'session-cookie-not-sent'],
  ])('%s -> %s', (cookie, id, fixId) => {
    expect(find(setCookie(cookie), id)?.fixId).toBe(fixId);
  });

  it('lets Max-Age win over Expires, and does not flag a future Expires', () => {
    expect(ids(setCookie('sid=1; Path=/; Max-Age=3600; Expires=Thu, 01 Jan 1970 00:00:00 GMT'))).not.toContain(
      'cookie-already-expired',
    );
    expect(ids(setCookie('sid=1; Path=/; Expires=Wed, 01 Jan 2031 00:00:00 GMT'))).not.toContain(
      'cookie-already-expired',
    );
  });

  it('allows Secure cookies on http://localhost but not on other http hosts', () => {
    const over = (host: string) =>
      `* Connected to ${host} (127.0.0.1) port 80\n> GET / HTTP/1.1\n> Host: ${host}\n>\n< HTTP/1.1 200 OK\n< Set-Cookie: s=1; Path=/; Secure\n<`;
    expect(ids(over('localhost'))).not.toContain('cookie-secure-over-http');
    expect(ids(over('dev.example.com'))).toContain('cookie-secure-over-http');
  });

  it('checks what it can without a URL and says what it could not', () => {
    const r = run(response('200 OK', 'Set-Cookie: sid=1; Domain=elsewhere.org; SameSite=None'));
    expect(r.findings.map((f) => f.id)).toEqual(['cookie-samesite-none-without-secure']);
    expect(r.notices.join(' ')).toMatch(/could not be checked/);
  });
});

describe('redirects', () => {
  const hop = (from: string, status: string, location: string, method = 'GET') =>
    `$ curl -i -X ${method} ${from}\n${response(status, `Location: ${location}`)}`;

  it('notes an http to https hop as an origin change only', () => {
    const found = ids(hop('http://a.example/x', '301 Moved Permanently', 'https://a.example/x'));
    expect(found).toEqual(['redirect-origin-change']);
  });

  it('says nothing about a same-origin redirect', () => {
    expect(ids(hop('https://a.example/x', '302 Found', '/login'))).toEqual([]);
  });

  it('flags 303 after PUT and 301 after POST, but not 307', () => {
    expect(ids(hop('https://a.example/x', '303 See Other', '/done', 'PUT'))).toContain('redirect-changes-method');
    expect(ids(hop('https://a.example/x', '301 Moved Permanently', '/y', 'POST'))).toContain('redirect-changes-method');
    expect(ids(hop('https://a.example/x', '307 Temporary Redirect', '/y', 'POST'))).not.toContain(
      'redirect-changes-method',
    );
  });

  it('does not call a downgrade when the original scheme was only assumed', () => {
    const text =
      '> GET /x HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 301 Moved Permanently\n< Location: http://a.example/y\n<';
    expect(ids(text)).not.toContain('redirect-scheme-downgrade');
  });
});

describe('caching', () => {
  it.each([
    ['Cache-Control: private, max-age=600', []],
    ['Cache-Control: no-store', []],
    ['Cache-Control: max-age=0', []],
    ['Cache-Control: s-maxage=300', ['cache-stores-401', 'cache-vary-missing']],
  ])('401 with %s', (cc, expected) => {
    const found = ids(response('401 Unauthorized', 'WWW-Authenticate: Basic', cc)).filter((id) =>
      id.startsWith('cache-'),
    );
    expect(found).toEqual(expected);
  });

  it('takes Expires after Date as freshness, and cf-cache-status HIT as a cache hit', () => {
    expect(
      ids(
        response('401 Unauthorized', 'Date: Sun, 01 Jun 2025 12:00:00 GMT', 'Expires: Sun, 01 Jun 2025 13:00:00 GMT'),
      ),
    ).toContain('cache-stores-401');
    expect(find(response('401 Unauthorized', 'cf-cache-status: HIT'), 'cache-hit-401')?.quote).toBe(
      'cf-cache-status: HIT',
    );
    expect(ids(response('401 Unauthorized', 'cf-cache-status: DYNAMIC'))).not.toContain('cache-hit-401');
  });

  it('accepts Vary: Authorization on a cacheable 401', () => {
    expect(
      ids(response('401 Unauthorized', 'Cache-Control: public, max-age=60', 'Vary: Accept-Encoding, Authorization')),
    ).not.toContain('cache-vary-missing');
  });

  it('flags signed-in responses that shared caches may store', () => {
    const signedIn = (auth: string, cc: string) =>
      exchange(['GET /me HTTP/1.1', 'Host: app.example.com', auth], '200 OK', [`Cache-Control: ${cc}`]);
    expect(ids(signedIn('Cookie: sid=1', 'max-age=300'))).toContain('cache-stores-authenticated');
    expect(ids(signedIn('Authorization: Bearer x', 'public, max-age=300'))).toContain('cache-stores-authenticated');
    // RFC 9111 section 3.5: max-age alone does not let a shared cache store an Authorization response.
    expect(ids(signedIn('Authorization: Bearer x', 'max-age=300'))).not.toContain('cache-stores-authenticated');
    expect(ids(signedIn('Cookie: sid=1', 'private, max-age=300'))).not.toContain('cache-stores-authenticated');
  });
});

describe('CORS', () => {
  const PREFLIGHT = [
    'OPTIONS /x HTTP/1.1',
    'Host: app.example.com',
    'Origin: https://web.example.com',
    'Access-Control-Request-Method: GET',
    'Access-Control-Request-Headers: authorization',
  ];

  it('explains that "*" does not allow Authorization', () => {
    const text = exchange(
      PREFLIGHT,
      '204 No Content',
      ['Access-Control-Allow-Origin: https://web.example.com', 'Access-Control-Allow-Headers: *'],
    );
    expect(find(text, 'cors-allow-headers-missing-authorization')?.title).toBe(
      'Access-Control-Allow-Headers: * does not allow Authorization',
    );
  });

  it('is quiet about a correct preflight', () => {
    const text = exchange(
      PREFLIGHT,
      '204 No Content',
      [
        'Access-Control-Allow-Origin: https://web.example.com',
        'Access-Control-Allow-Headers: Content-Type, Authorization',
        'Access-Control-Allow-Credentials: true',
      ],
    );
    expect(ids(text)).toEqual([]);
  });

  it('flags a cross-origin 401 without Access-Control-Allow-Origin', () => {
    const text = exchange(
      ['GET /x HTTP/1.1', 'Host: app.example.com', 'Origin: https://web.example.com', 'Authorization: Bearer abc'],
      '401 Unauthorized',
      ['WWW-Authenticate: Bearer error="invalid_token"'],
    );
    expect(ids(text)).toContain('cors-401-missing-allow-origin');
  });

  it('reads the credentials-with-wildcard console error', () => {
    const line =
      "Access to fetch at 'https://api.example.com/x' from origin 'https://app.example.com' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
    expect(ids(line)).toEqual(['cors-credentials-with-wildcard-origin']);
  });
});

describe('origin hints', () => {
  it('spots AWS WAF challenges and ignores an ALB 502', () => {
    expect(ids(response('405 Method Not Allowed', 'x-amzn-waf-action: captcha'))).toContain('cdn-challenge');
    expect(ids(response('502 Bad Gateway', 'Server: awselb/2.0'))).not.toContain('origin-aws-alb');
  });

  it('only describes the error responses of a chain', () => {
    const r = run(
      `${response('302 Found', 'Location: /x', 'Server: cloudflare', 'cf-ray: 1-FRA')}\n\n${response('200 OK', 'Server: cloudflare')}`,
    );
    expect(r.findings.map((f) => f.id)).not.toContain('origin-cloudflare');
  });
});

describe('known error messages', () => {
  it('recognises every needle of every signature', () => {
    for (const sig of SIGNATURES) {
      for (const needle of sig.needles) {
        const found = ids(`log: ${needle.toUpperCase()} happened`);
        expect(found, needle).toContain(sig.id);
      }
    }
  });

  it('does not read an Apache AH01617 line as nginx', () => {
    expect(ids('AH01617: user bob: authentication failure for "/": Password Mismatch')).toEqual([
      'log-apache-auth-failure',
    ]);
  });
});

describe('analyze output', () => {
  it('returns an empty list when there is nothing to say', () => {
    expect(run('')).toMatchObject({ findings: [], summary: { format: 'empty', fixIds: [] } });
    const prose = run('Hello, I cannot log in since yesterday. Please help.');
    expect(prose.findings).toEqual([]);
    expect(prose.summary.primaryFixId).toBeUndefined();
    expect(analyze(response('200 OK', 'Content-Type: text/html')).findings).toEqual([]);
  });

  it('orders problems first and summarises counts and fixes', () => {
    const r = run(
      response(
        '401 Unauthorized',
        'Cache-Control: public, max-age=600',
        'X-Cache: HIT',
        'WWW-Authenticate: Bearer realm="x"',
      ),
    );
    const order = { problem: 0, warning: 1, info: 2 };
    const severities = r.findings.map((f) => order[f.severity]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
    expect(r.summary.counts).toEqual({
      problem: r.findings.filter((f) => f.severity === 'problem').length,
      warning: r.findings.filter((f) => f.severity === 'warning').length,
      info: r.findings.filter((f) => f.severity === 'info').length,
    });
    expect(r.summary.primaryFixId).toBe('cached-401-response');
    expect(new Set(r.summary.fixIds).size).toBe(r.summary.fixIds.length);
  });

  it(`caps the findings at ${MAX_FINDINGS} with a notice`, () => {
    const cookies = Array.from({ length: 150 }, (_, i) => `Set-Cookie: c${i}=1; SameSite=None`);
    const r = run(response('200 OK', ...cookies));
    expect(r.findings).toHaveLength(MAX_FINDINGS);
    expect(r.notices.join(' ')).toMatch(`first ${MAX_FINDINGS} of 150`);
  });

  it('uses the current time when none is given', () => {
    const expired = makeJwt({ exp: Math.floor(Date.now() / 1000) - 3600 });
    const text = exchange(
      ['GET / HTTP/1.1', 'Host: app.example.com', `Authorization: Bearer ${expired}`],
      '401 Unauthorized',
      ['WWW-Authenticate: Bearer'],
    );
    expect(analyze(text).findings.map((f) => f.id)).toContain('token-expired');
  });
});
