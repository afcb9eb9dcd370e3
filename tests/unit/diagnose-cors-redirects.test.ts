import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/diagnose/context';
import { corsRule } from '../../src/diagnose/cors';
import type { Finding } from '../../src/diagnose/finding';
import { parseInput } from '../../src/diagnose/input';
import { redirectRule } from '../../src/diagnose/redirects';
import { curlVerbose } from './lib/pastes';

// The rules are called on their own (not through analyze) so a finding from another
// rule, or analyze's de-duplication, cannot hide what these two modules decide.
const NOW = new Date('2025-06-01T12:00:00Z');
const cors = (text: string): Finding[] => corsRule(buildContext(parseInput(text), NOW), []);
const redirects = (text: string): Finding[] => redirectRule(buildContext(parseInput(text), NOW), []);
const ids = (findings: readonly Finding[]) => findings.map((f) => f.id);
/** The single finding with this id; fails here when there is none or more than one. */
const only = (findings: readonly Finding[], id: string): Finding => {
  const matching = findings.filter((f) => f.id === id);
  expect(matching, `exactly one "${id}" in ${JSON.stringify(ids(findings))}`).toHaveLength(1);
  return matching[0]!;
};

/** curl -v transcript of one https request to api.example.com and its response. */
const curlV = (request: string[], status: string, headers: string[]) => curlVerbose(request, status, headers, 'api.example.com');

const ORIGIN = 'Origin: https://web.example.com';
const PREFLIGHT_FOR_AUTH = [
  'OPTIONS /v1/me HTTP/1.1',
  'Host: api.example.com',
  ORIGIN,
  'Access-Control-Request-Method: GET',
  'Access-Control-Request-Headers: authorization',
];
const PREFLIGHT_WITHOUT_AUTH = [
  'OPTIONS /v1/items HTTP/1.1',
  'Host: api.example.com',
  ORIGIN,
  'Access-Control-Request-Method: POST',
  'Access-Control-Request-Headers: content-type',
];
const CROSS_ORIGIN_GET = ['GET /v1/me HTTP/1.1', 'Host: api.example.com', ORIGIN, 'Authorization: Bearer abc'];
const ALLOW_WEB = 'Access-Control-Allow-Origin: https://web.example.com';
const chrome = (reason: string, url = 'https://api.example.com/v1/me') =>
  `Access to fetch at '${url}' from origin 'https://web.example.com' has been blocked by CORS policy: ${reason}`;

describe('CORS: credentials with a wildcard origin', () => {
  it('flags "Access-Control-Allow-Origin: *" sent with credentials allowed, quoting the origin header', () => {
    const found = cors(
      curlV(['GET /v1/me HTTP/1.1', 'Host: api.example.com', ORIGIN, 'Cookie: sid=1'], '200 OK', [
        'Access-Control-Allow-Origin: *',
        'Access-Control-Allow-Credentials: true',
      ]),
    );
    expect(ids(found)).toEqual(['cors-credentials-with-wildcard-origin']);
    expect(found[0]).toMatchObject({
      severity: 'problem',
      fixId: 'cors-preflight-authorization',
      title: 'CORS allows any origin together with credentials',
      quote: '< Access-Control-Allow-Origin: *',
    });
  });

  it('reads the credentials flag without regard to case', () => {
    const found = cors(
      curlV(['GET /v1/me HTTP/1.1', 'Host: api.example.com', ORIGIN], '200 OK', [
        'Access-Control-Allow-Origin: *',
        'Access-Control-Allow-Credentials: TRUE',
      ]),
    );
    expect(ids(found)).toEqual(['cors-credentials-with-wildcard-origin']);
  });

  it.each([
    ['a named origin with credentials', ALLOW_WEB, 'Access-Control-Allow-Credentials: true'],
    ['"*" with credentials refused', 'Access-Control-Allow-Origin: *', 'Access-Control-Allow-Credentials: false'],
    ['"*" without a credentials header', 'Access-Control-Allow-Origin: *', 'Vary: Origin'],
  ])('accepts %s', (_name, acao, other) => {
    const request = ['GET /v1/me HTTP/1.1', 'Host: api.example.com', ORIGIN];
    expect(cors(curlV(request, '200 OK', [acao, other]))).toEqual([]);
  });
});

describe('CORS: Authorization missing from Access-Control-Allow-Headers', () => {
  it('flags a successful preflight for Authorization that lists no allowed headers at all', () => {
    const found = cors(curlV(PREFLIGHT_FOR_AUTH, '204 No Content', [ALLOW_WEB]));
    expect(ids(found)).toEqual(['cors-allow-headers-missing-authorization']);
    // No Allow-Headers line to point at, so the status line is quoted.
    expect(found[0]).toMatchObject({
      severity: 'problem',
      title: 'Access-Control-Allow-Headers does not include Authorization',
      quote: '< HTTP/1.1 204 No Content',
    });
  });

  it('quotes the Allow-Headers line when it lists other headers only', () => {
    const found = cors(
      curlV(PREFLIGHT_FOR_AUTH, '204 No Content', [
        ALLOW_WEB,
        'Access-Control-Allow-Headers: Content-Type, X-Request-Id',
      ]),
    );
    expect(ids(found)).toEqual(['cors-allow-headers-missing-authorization']);
    expect(found[0]?.quote).toBe('< Access-Control-Allow-Headers: Content-Type, X-Request-Id');
  });

  it('flags a response to a request that sent Authorization when its Allow-Headers leaves it out', () => {
    const found = cors(
      curlV(CROSS_ORIGIN_GET, '200 OK', [ALLOW_WEB, 'Access-Control-Allow-Headers: Content-Type']),
    );
    expect(ids(found)).toEqual(['cors-allow-headers-missing-authorization']);
    expect(found[0]?.quote).toBe('< Access-Control-Allow-Headers: Content-Type');
  });

  it('does not expect Allow-Headers on an ordinary (non-preflight) response', () => {
    expect(cors(curlV(CROSS_ORIGIN_GET, '200 OK', [ALLOW_WEB]))).toEqual([]);
  });

  it('is quiet about a preflight that did not ask for Authorization', () => {
    expect(cors(curlV(PREFLIGHT_WITHOUT_AUTH, '204 No Content', [ALLOW_WEB]))).toEqual([]);
    expect(
      cors(curlV(PREFLIGHT_WITHOUT_AUTH, '204 No Content', [ALLOW_WEB, 'Access-Control-Allow-Headers: Content-Type'])),
    ).toEqual([]);
  });

  it('assumes a preflight pasted from dev tools without its request was sent for Authorization', () => {
    const devtools = (...headers: string[]) =>
      ['Request Method: OPTIONS', 'Status Code: 204 No Content', ALLOW_WEB, ...headers].join('\n');
    const found = cors(devtools('Access-Control-Allow-Headers: Content-Type'));
    expect(ids(found)).toEqual(['cors-allow-headers-missing-authorization']);
    expect(found[0]?.quote).toBe('Access-Control-Allow-Headers: Content-Type');
    // Without an Allow-Headers line and without the request, nothing says Authorization was wanted.
    expect(cors(devtools('Access-Control-Allow-Methods: GET'))).toEqual([]);
  });

  it('does not guess on a response that is no preflight and whose request is not shown', () => {
    const text = ['HTTP/1.1 200 OK', ALLOW_WEB, 'Access-Control-Allow-Headers: Content-Type'].join('\n');
    expect(cors(text)).toEqual([]);
  });
});

describe('CORS: failed preflight', () => {
  it('reports a preflight answered with 401 as failed, and nothing else about it', () => {
    const found = cors(curlV(PREFLIGHT_FOR_AUTH, '401 Unauthorized', ['WWW-Authenticate: Bearer realm="api"']));
    expect(ids(found)).toEqual(['cors-preflight-failed']);
    expect(found[0]).toMatchObject({
      severity: 'problem',
      title: 'The CORS preflight (OPTIONS) got 401 instead of 2xx',
      quote: '< HTTP/1.1 401 Unauthorized',
    });
    expect(found[0]?.detail).toMatch(/without credentials/);
  });

  it('counts 300 as a failed preflight already (only 2xx passes)', () => {
    const found = cors(curlV(PREFLIGHT_FOR_AUTH, '300 Multiple Choices', ['Content-Type: text/html']));
    expect(ids(found)).toEqual(['cors-preflight-failed']);
    expect(found[0]?.title).toBe('The CORS preflight (OPTIONS) got 300 instead of 2xx');
  });

  it('treats an OPTIONS request as a preflight even without Access-Control-Request-Method', () => {
    const request = ['OPTIONS /v1/me HTTP/1.1', 'Host: api.example.com', ORIGIN];
    const found = cors(curlV(request, '401 Unauthorized', ['Content-Length: 0']));
    expect(ids(found)).toEqual(['cors-preflight-failed']);
  });

  it('treats a request with Access-Control-Request-Method as a preflight (curl without -X OPTIONS)', () => {
    const text = [
      `$ curl -i https://api.example.com/v1/me -H "${ORIGIN}" -H "Access-Control-Request-Method: GET" -H "Access-Control-Request-Headers: authorization"`,
      'HTTP/1.1 401 Unauthorized',
      'WWW-Authenticate: Bearer',
    ].join('\n');
    expect(ids(cors(text))).toEqual(['cors-preflight-failed']);
  });

  it('still checks a preflight whose response shows only its status line', () => {
    const found = cors(curlV(PREFLIGHT_FOR_AUTH, '401 Unauthorized', []));
    expect(ids(found)).toEqual(['cors-preflight-failed']);
  });
});

describe('CORS: error response without Access-Control-Allow-Origin', () => {
  it('flags a cross-origin 401 that has no Access-Control-Allow-Origin', () => {
    const found = cors(
      curlV(CROSS_ORIGIN_GET, '401 Unauthorized', ['WWW-Authenticate: Bearer error="invalid_token"']),
    );
    expect(ids(found)).toEqual(['cors-401-missing-allow-origin']);
    const f = found[0]!;
    expect(f).toMatchObject({
      severity: 'warning',
      title: 'The 401 response has no Access-Control-Allow-Origin',
      quote: '< HTTP/1.1 401 Unauthorized',
    });
    expect(f.detail).toMatch(/^The request came from a page on another origin\./);
    expect(f.detail).toMatch(/hides its status and reports a CORS error instead/);
    expect(f.detail).toMatch(/run the CORS middleware before the auth middleware\)\.$/);
  });

  it('starts at 400: any error status is hidden the same way', () => {
    const found = cors(curlV(CROSS_ORIGIN_GET, '400 Bad Request', ['Content-Type: application/json']));
    expect(ids(found)).toEqual(['cors-401-missing-allow-origin']);
    expect(found[0]?.title).toBe('The 400 response has no Access-Control-Allow-Origin');
  });

  it.each([
    ['a successful cross-origin response', CROSS_ORIGIN_GET, '200 OK', ['Content-Type: application/json']],
    ['an error that carries the header', CROSS_ORIGIN_GET, '401 Unauthorized', [ALLOW_WEB]],
    [
      'a same-origin request (no Origin header)',
      ['GET /v1/me HTTP/1.1', 'Host: api.example.com', 'Authorization: Bearer abc'],
      '401 Unauthorized',
      ['WWW-Authenticate: Bearer'],
    ],
  ])('says nothing about %s', (_name, request, status, headers) => {
    expect(cors(curlV(request, status, headers))).toEqual([]);
  });

  it('draws no conclusion from a response whose headers the paste does not show', () => {
    expect(cors(curlV(CROSS_ORIGIN_GET, '401 Unauthorized', []))).toEqual([]);
  });
});

describe('CORS: console lines', () => {
  it('reads "Request header field authorization is not allowed" as missing Allow-Headers', () => {
    const line = chrome(
      'Request header field authorization is not allowed by Access-Control-Allow-Headers in preflight response.',
    );
    const found = cors(line);
    expect(ids(found)).toEqual(['cors-allow-headers-missing-authorization']);
    expect(found[0]).toMatchObject({
      title: 'The preflight response does not allow the Authorization header',
      quote: line,
    });
  });

  it('reads the same message about another header as a failed preflight, not an Authorization problem', () => {
    const line = chrome(
      'Request header field x-api-key is not allowed by Access-Control-Allow-Headers in preflight response.',
    );
    const found = cors(line);
    expect(ids(found)).toEqual(['cors-preflight-failed']);
    expect(found[0]).toMatchObject({ title: 'The CORS preflight failed', quote: line });
  });

  it('reads a preflight without an ok status as a failed preflight', () => {
    const line = chrome(
      "Response to preflight request doesn't pass access control check: It does not have HTTP ok status.",
    );
    const found = cors(line);
    expect(ids(found)).toEqual(['cors-preflight-failed']);
    expect(found[0]?.title).toBe('The CORS preflight failed');
  });

  it('reads the wildcard-with-credentials message', () => {
    const line = chrome(
      "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
    );
    const found = cors(line);
    expect(ids(found)).toEqual(['cors-credentials-with-wildcard-origin']);
    expect(found[0]?.title).toBe('CORS allows any origin together with credentials');
  });

  it('reads Firefox\'s wording of the same mistake', () => {
    const found = cors(
      "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/me. (Reason: Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*').",
    );
    expect(ids(found)).toEqual(['cors-credentials-with-wildcard-origin']);
  });

  it('reads Safari\'s wording of the same mistake', () => {
    const found = cors('[Error] Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.');
    expect(ids(found)).toEqual(['cors-credentials-with-wildcard-origin']);
  });

  it('reads a Safari preflight that failed with 401 as a failed preflight', () => {
    expect(ids(cors('[Error] Preflight response is not successful. Status code: 401'))).toEqual(['cors-preflight-failed']);
  });

  it('falls back to a generic CORS block for other messages, even when the URL mentions authorization', () => {
    const line = chrome(
      "No 'Access-Control-Allow-Origin' header is present on the requested resource.",
      'https://login.example.com/oauth/authorization',
    );
    const found = cors(line);
    expect(ids(found)).toEqual(['cors-blocked']);
    const f = found[0]!;
    expect(f).toMatchObject({ severity: 'warning', title: 'The browser blocked the response (CORS)', quote: line });
    expect(f.detail).toMatch(/^Behind a CORS error there is often a 401/);
    expect(f.detail).toMatch(/Look up the real status in the Network tab/);
  });

  it('does not take a credentials message without the wildcard for the wildcard problem', () => {
    const line = chrome(
      "The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.",
    );
    expect(ids(cors(line))).toEqual(['cors-blocked']);
  });

  it('reports a failed OPTIONS from a network line exactly once', () => {
    const line = 'OPTIONS https://api.example.com/v1/me 401 (Unauthorized)';
    const found = cors(line);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      id: 'cors-preflight-failed',
      title: 'The CORS preflight (OPTIONS) got 401 instead of 2xx',
      quote: line,
    });
  });

  it.each([
    ['OPTIONS https://api.example.com/v1/me 300 (Multiple Choices)', ['cors-preflight-failed']],
    ['OPTIONS https://api.example.com/v1/me 204 (No Content)', []],
    ['GET https://api.example.com/v1/me 401 (Unauthorized)', []],
  ])('network line %s', (line, expected) => {
    expect(ids(cors(line))).toEqual(expected);
  });
});

describe('redirects: where the redirect goes', () => {
  const hop = (from: string, status: string, location: string, method = 'GET') =>
    `$ curl -i -X ${method} ${from}\nHTTP/1.1 ${status}\nLocation: ${location}`;

  it('flags https to http as a downgrade (and not also as an origin change)', () => {
    const found = redirects(hop('https://a.example/x', '301 Moved Permanently', 'http://a.example/x'));
    expect(ids(found)).toEqual(['redirect-scheme-downgrade']);
    const f = found[0]!;
    expect(f).toMatchObject({
      severity: 'problem',
      fixId: 'redirect-drops-credentials',
      title: 'A redirect goes from https back to http',
      quote: 'Location: http://a.example/x',
    });
    expect(f.detail).toMatch(/^301 from https:\/\/a\.example to http:\/\/a\.example\. Browsers do not send Secure/);
    expect(f.detail).toMatch(/clients drop Authorization when the scheme changes/);
    expect(f.detail).toMatch(/ignores X-Forwarded-Proto\.$/);
  });

  it('flags a move to another host, over https or plain http', () => {
    const found = redirects(hop('https://a.example/x', '302 Found', 'https://b.example/x'));
    expect(ids(found)).toEqual(['redirect-cross-host']);
    const f = found[0]!;
    expect(f).toMatchObject({
      severity: 'warning',
      title: 'A redirect moves from a.example to b.example',
      quote: 'Location: https://b.example/x',
    });
    expect(f.detail).toMatch(/^Clients drop the Authorization header when a redirect changes host/);
    expect(f.detail).toMatch(/a cookie set for one host is not sent to another/);
    expect(f.detail).toMatch(/keep one canonical host \(www or not\) throughout\.$/);
    expect(ids(redirects(hop('http://a.example/', '301 Moved Permanently', 'http://www.a.example/')))).toEqual([
      'redirect-cross-host',
    ]);
  });

  it('notes a change of scheme or port on the same host as an origin change', () => {
    const upgrade = redirects(hop('http://a.example/x', '301 Moved Permanently', 'https://a.example/x'));
    expect(ids(upgrade)).toEqual(['redirect-origin-change']);
    expect(upgrade[0]?.title).toBe('A redirect changes the origin from http://a.example to https://a.example');
    expect(upgrade[0]?.detail).toMatch(/^Fine by itself, but clients do not forward the Authorization header/);
    expect(upgrade[0]?.detail).toMatch(/Call the final URL directly\.$/);
    const port = redirects(hop('https://a.example/x', '302 Found', 'https://a.example:8443/x'));
    expect(port.map((f) => f.title)).toEqual([
      'A redirect changes the origin from https://a.example to https://a.example:8443',
    ]);
  });

  it('ignores a Location header on a response that is not a redirect (201 Created)', () => {
    const created = hop('https://a.example/items', '201 Created', 'https://files.example.net/items/1', 'POST');
    expect(redirects(created)).toEqual([]);
  });

  it.each([
    ['303 See Other', 'PUT', true],
    ['301 Moved Permanently', 'POST', true],
    ['302 Found', 'POST', true],
    ['302 Found', 'PUT', false],
    ['307 Temporary Redirect', 'POST', false],
    ['303 See Other', 'GET', false],
  ])('after %s a %s is turned into a GET: %s', (status, method, changes) => {
    const found = redirects(hop('https://a.example/x', status, '/y', method));
    if (!changes) {
      expect(found).toEqual([]);
      return;
    }
    const f = only(found, 'redirect-changes-method');
    expect(f.title).toBe(`The ${status.slice(0, 3)} redirect turns the ${method} into a GET`);
    expect(f.detail).toMatch(/^Clients follow 301, 302 and 303 after a POST with a GET and drop the body/);
    expect(f.detail).toMatch(/Use 307 or 308 to keep the method and body\.$/);
  });
});

describe('redirects: loops', () => {
  const chain = (start: string, ...locations: string[]) =>
    [
      `$ curl -iL ${start}`,
      ...locations.map((l) => `HTTP/1.1 302 Found\nLocation: ${l}\n`),
      'HTTP/1.1 200 OK',
    ].join('\n');

  it('finds a loop that does not pass through the first URL', () => {
    const found = redirects(chain('https://app.example.com/start', '/login', '/callback', '/login'));
    const f = only(found, 'redirect-loop');
    expect(f).toMatchObject({
      severity: 'problem',
      title: 'The redirects go round in a loop',
      quote: 'Location: /login',
    });
    expect(f.detail).toMatch(/^https:\/\/app\.example\.com\/login comes up twice in the chain\. Typical causes: http/);
    expect(f.detail).toMatch(/ignores X-Forwarded-Proto, or a login page/);
    expect(f.detail).toMatch(/session cookie never sticks\.$/);
  });

  it('reports a loop once even when the chain goes round several times', () => {
    const found = redirects(chain('https://app.example.com/start', '/login', '/start', '/login', '/start'));
    expect(ids(found)).toEqual(['redirect-loop']);
  });

  it('does not call a chain of distinct URLs a loop', () => {
    expect(redirects(chain('https://app.example.com/start', '/login', '/callback', '/home'))).toEqual([]);
  });
});

describe('redirects: Authorization dropped on the follow-up request', () => {
  const followed = (secondRequestHeaders: string[]) =>
    [
      '* Connected to api.example.com (192.0.2.1) port 443',
      '> GET /v1/me HTTP/1.1',
      '> Host: api.example.com',
      '> Authorization: Bearer abc',
      '>',
      '< HTTP/1.1 301 Moved Permanently',
      '< Location: https://api2.example.com/v1/me',
      '<',
      '* Connected to api2.example.com (192.0.2.2) port 443',
      '> GET /v1/me HTTP/1.1',
      ...secondRequestHeaders.map((h) => `> ${h}`),
      '>',
      '< HTTP/1.1 401 Unauthorized',
      '< WWW-Authenticate: Bearer',
      '<',
    ].join('\n');

  it('flags a follow-up request that no longer carries Authorization', () => {
    const f = only(redirects(followed(['Host: api2.example.com'])), 'redirect-dropped-authorization');
    expect(f).toMatchObject({
      severity: 'problem',
      title: 'The request after the redirect no longer has the Authorization header',
      quote: '< Location: https://api2.example.com/v1/me',
    });
    expect(f.detail).toMatch(/^The first request sent Authorization, the follow-up to the Location did not/);
    expect(f.detail).toMatch(/browsers strip it when a redirect changes host, scheme or port\./);
  });

  it('is quiet when the follow-up kept Authorization (curl --location-trusted)', () => {
    const found = redirects(followed(['Host: api2.example.com', 'Authorization: Bearer abc']));
    expect(ids(found)).toEqual(['redirect-cross-host']);
  });
});
