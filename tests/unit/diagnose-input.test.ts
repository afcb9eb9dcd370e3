import { beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_HEADERS_PER_RESPONSE,
  MAX_INPUT_CHARS,
  MAX_LINE_CHARS,
  MAX_RESPONSES,
  parseInput,
} from '../../src/diagnose';
import { parseConsoleLine } from '../../src/diagnose/input-console';
import { parseCurlCommand, shellWords } from '../../src/diagnose/input-curl-command';

beforeEach(() => {
  expect.hasAssertions();
});

const CURL_V = `*   Trying 203.0.113.5:443...
* Connected to api.example.com (203.0.113.5) port 443
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384
> GET /v1/me?x=1 HTTP/1.1
> Host: api.example.com
> Authorization: Bearer abc
>
< HTTP/1.1 401 Unauthorized
< WWW-Authenticate: Bearer realm="api"
< Content-Type: application/json
<
{"error":"unauthorized"}
* Connection #0 to host api.example.com left intact`;

describe('parseInput: curl -v', () => {
  const parsed = parseInput(CURL_V);

  it('recognises the format and rebuilds the URL with the TLS scheme', () => {
    expect(parsed.format).toBe('curl-verbose');
    expect(parsed.requestUrl).toBe('https://api.example.com/v1/me?x=1');
    expect(parsed.requestUrlSchemeAssumed).toBe(false);
    expect(parsed.method).toBe('GET');
    expect(parsed.requestShown).toBe(true);
  });

  it('keeps request headers with their source line and line number', () => {
    expect(parsed.requestHeaders).toEqual([
      ['Host', 'api.example.com', '> Host: api.example.com', 5],
      ['Authorization', 'Bearer abc', '> Authorization: Bearer abc', 6],
    ]);
    expect(parsed.requestLine).toEqual({ text: '> GET /v1/me?x=1 HTTP/1.1', lineNo: 4 });
  });

  it('splits the response into status, headers and body', () => {
    expect(parsed.responses).toHaveLength(1);
    const r = parsed.responses[0];
    expect(r?.status).toBe(401);
    expect(r?.statusText).toBe('Unauthorized');
    expect(r?.headers.map((h) => h[0])).toEqual(['WWW-Authenticate', 'Content-Type']);
    expect(r?.headers[0]?.[3]).toBe(9);
    expect(r?.body).toEqual([{ text: '{"error":"unauthorized"}', lineNo: 12 }]);
    expect(r?.requestMethod).toBe('GET');
    expect(r?.requestLine?.lineNo).toBe(4);
  });

  it('uses http for port 80 and assumes https (with a notice) when nothing tells', () => {
    const http = parseInput(
      '* Connected to a.example (10.0.0.1) port 80\n> GET / HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 200 OK\n<',
    );
    expect(http.requestUrl).toBe('http://a.example/');
    const unknown = parseInput('> GET /x HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 401 Unauthorized\n<');
    expect(unknown.requestUrl).toBe('https://a.example/x');
    expect(unknown.requestUrlSchemeAssumed).toBe(true);
    expect(unknown.notices.join(' ')).toMatch(/https was assumed/);
  });

  it('follows -L hops: each response knows its own request', () => {
    const parsed2 = parseInput(`* Connected to a.example (10.0.0.1) port 443
> POST /login HTTP/1.1
> Host: a.example
>
< HTTP/1.1 302 Found
< Location: http://b.example/home
<
* Issue another request to this URL: 'http://b.example/home'
> GET /home HTTP/1.1
> Host: b.example
>
< HTTP/1.1 200 OK
<`);
    expect(parsed2.responses.map((r) => [r.status, r.requestMethod, r.requestUrl])).toEqual([
      [302, 'POST', 'https://a.example/login'],
      [200, 'GET', 'http://b.example/home'],
    ]);
  });
});

describe('parseInput: curl -i and raw blocks', () => {
  it('drops interim 1xx responses', () => {
    const parsed = parseInput(
      'HTTP/1.1 100 Continue\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="x"\n',
    );
    expect(parsed.format).toBe('http');
    expect(parsed.responses.map((r) => r.status)).toEqual([401]);
  });

  it('pairs the request with the final response, not with an interim 100 Continue', () => {
    const parsed = parseInput(
      '> POST /upload HTTP/1.1\n> Host: a.example\n> Expect: 100-continue\n>\n< HTTP/1.1 100 Continue\n<\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic\n<',
    );
    expect(parsed.responses.map((r) => [r.status, r.requestMethod])).toEqual([[401, 'POST']]);
  });

  it('reads obs-fold continuation lines into the previous header', () => {
    const parsed = parseInput(
      'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api",\n  error="invalid_token"\n',
    );
    expect(parsed.responses[0]?.headers[0]?.[1]).toBe('Bearer realm="api", error="invalid_token"');
  });

  it('splits a header block without a start line into request and response headers', () => {
    const parsed = parseInput(
      'authorization: Bearer x\ncookie: a=b\nwww-authenticate: Bearer\nset-cookie: s=1\n:status: 401',
    );
    expect(parsed.requestHeaders.map((h) => h[0])).toEqual(['authorization', 'cookie']);
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]?.status).toBe(401);
    expect(parsed.responses[0]?.headers.map((h) => h[0])).toEqual(['www-authenticate', 'set-cookie']);
  });

  it('does not take prose or log lines for headers', () => {
    const parsed = parseInput('Error: something failed\nNote: try again\n12:30:01 started\nhttps://example.com/path');
    expect(parsed.responses).toEqual([]);
    expect(parsed.requestHeaders).toEqual([]);
    expect(parsed.otherLines).toHaveLength(4);
    expect(parsed.requestUrl).toBe('https://example.com/path');
    expect(parsed.format).toBe('text');
  });

  it('reads a raw request then response', () => {
    const parsed = parseInput(
      'GET /admin HTTP/1.1\nHost: example.com\nCookie: sid=1\n\nHTTP/1.1 302 Found\nLocation: /login\n',
    );
    expect(parsed.method).toBe('GET');
    expect(parsed.requestUrl).toBe('https://example.com/admin');
    expect(parsed.requestHeaders).toHaveLength(2);
    expect(parsed.responses[0]?.status).toBe(302);
  });

  it('reads dev tools General, Response Headers and Request Headers sections', () => {
    const parsed = parseInput(`Request URL: https://app.example.com/api/me
Request Method: GET
Status Code: 401 Unauthorized
Remote Address: 203.0.113.9:443

Response Headers
content-type: application/json
www-authenticate: Bearer error="invalid_token"

Request Headers
authorization: Bearer abc
accept: */*`);
    expect(parsed.requestUrl).toBe('https://app.example.com/api/me');
    expect(parsed.method).toBe('GET');
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]?.status).toBe(401);
    expect(parsed.responses[0]?.headers.map((h) => h[0])).toEqual(['content-type', 'www-authenticate']);
    expect(parsed.requestHeaders.map((h) => h[0])).toEqual(['authorization', 'accept']);
  });
});

describe('parseInput: HAR', () => {
  const entry = (url: string, status: number, method = 'GET') => ({
    request: { method, url, headers: [{ name: 'Authorization', value: 'Bearer t' }] },
    response: {
      status,
      statusText: status === 401 ? 'Unauthorized' : 'OK',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'WWW-Authenticate', value: 'Basic realm="r"' }],
      content: { mimeType: 'text/plain', text: btoa('Jwt is missing'), encoding: 'base64' },
    },
  });

  it('picks the 401 entry from a log and says so', () => {
    const parsed = parseInput(
      JSON.stringify(
        { log: { entries: [entry('https://a.example/ok', 200), entry('https://a.example/me', 401)] } },
        null,
        2,
      ),
    );
    expect(parsed.format).toBe('har');
    expect(parsed.requestUrl).toBe('https://a.example/me');
    expect(parsed.requestHeaders).toEqual([['Authorization', 'Bearer t', 'Authorization: Bearer t', 0]]);
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]?.status).toBe(401);
    expect(parsed.responses[0]?.statusLine?.text).toBe('HTTP/1.1 401 Unauthorized');
    expect(parsed.responses[0]?.body.map((l) => l.text)).toEqual(['Jwt is missing']);
    expect(parsed.notices.join(' ')).toMatch(/2 requests/);
  });

  it('accepts a single entry, even on one line longer than the line cap', () => {
    const big = entry('https://a.example/me', 401);
    big.request.headers.push({ name: 'X-Pad', value: 'p'.repeat(MAX_LINE_CHARS * 2) });
    const parsed = parseInput(JSON.stringify(big));
    expect(parsed.format).toBe('har');
    expect(parsed.responses[0]?.status).toBe(401);
  });

  it('keeps a preflight for the same URL next to the focus entry', () => {
    const parsed = parseInput(
      JSON.stringify({
        log: { entries: [entry('https://a.example/me', 204, 'OPTIONS'), entry('https://a.example/me', 401)] },
      }),
    );
    expect(parsed.responses.map((r) => [r.requestMethod, r.status])).toEqual([
      ['OPTIONS', 204],
      ['GET', 401],
    ]);
  });

  it('falls back to line parsing for JSON that is not HAR', () => {
    const parsed = parseInput('{"message":"Unauthorized"}');
    expect(parsed.format).toBe('text');
    expect(parsed.otherLines).toHaveLength(1);
  });

  it('strips control characters smuggled into HAR values', () => {
    const e = entry('https://a.example/me', 401);
    e.response.headers.push({ name: 'X-Evil', value: 'a\u0000b\nc' });
    const parsed = parseInput(JSON.stringify(e));
    expect(parsed.responses[0]?.headers.find((h) => h[0] === 'X-Evil')?.[1]).toBe('a b c');
  });
});

describe('parseInput: console lines', () => {
  it('reads Chrome and Firefox network lines', () => {
    expect(parseConsoleLine('app.js:12  GET https://api.example.com/x 401 (Unauthorized)', 1)).toMatchObject({
      method: 'GET',
      url: 'https://api.example.com/x',
      status: 401,
      statusText: 'Unauthorized',
      cors: false,
    });
    expect(parseConsoleLine('GET https://api.example.com/x net::ERR_FAILED 401 (Unauthorized)', 1)).toMatchObject({
      status: 401,
    });
    expect(parseConsoleLine('XHR GET https://api.example.com/x [HTTP/2 401 Unauthorized 35ms]', 1)).toMatchObject({
      status: 401,
      statusText: 'Unauthorized',
    });
    expect(
      parseConsoleLine('Failed to load resource: the server responded with a status of 401 (Unauthorized)', 1),
    ).toMatchObject({
      status: 401,
    });
  });

  it('reads a CORS error with URL, origin and preflight', () => {
    const c = parseConsoleLine(
      "Access to fetch at 'https://api.example.com/x' from origin 'https://app.example.com' has been blocked by CORS policy: Response to preflight request doesn't pass access control check",
      3,
    );
    expect(c).toMatchObject({
      url: 'https://api.example.com/x',
      origin: 'https://app.example.com',
      cors: true,
      preflight: true,
      lineNo: 3,
    });
  });

  it('returns undefined for other lines', () => {
    expect(parseConsoleLine('Uncaught TypeError: x is undefined', 1)).toBeUndefined();
  });

  it('turns a console-only paste into a status-only response with a notice', () => {
    const parsed = parseInput('GET https://api.example.com/x 401 (Unauthorized)');
    expect(parsed.format).toBe('console');
    expect(parsed.requestUrl).toBe('https://api.example.com/x');
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]?.source).toBe('status-only');
    expect(parsed.requestShown).toBe(false);
    expect(parsed.notices.join(' ')).toMatch(/Network tab/);
  });
});

describe('parseInput: curl commands', () => {
  it('splits shell words with quotes and escapes', () => {
    expect(shellWords(`curl 'a b' "c \\"d\\"" $'e\\nf' g\\ h`)).toEqual(['curl', 'a b', 'c "d"', 'e\nf', 'g h']);
  });

  it('reads URL, method and headers from a command', () => {
    expect(parseCurlCommand(`curl -X POST https://a.example/x -H 'Authorization: Bearer t' -H "X-Api-Key: k"`)).toEqual(
      {
        url: 'https://a.example/x',
        method: 'POST',
        headers: [
          ['Authorization', 'Bearer t', 'Authorization: Bearer t'],
          ['X-Api-Key', 'k', 'X-Api-Key: k'],
        ],
      },
    );
    expect(parseCurlCommand('curl --data a=1 api.example.com/login').method).toBe('POST');
    expect(parseCurlCommand('curl --data a=1 api.example.com/login').url).toBe('http://api.example.com/login');
    expect(parseCurlCommand('curl -u bob:secret https://a.example/').headers[0]?.[0]).toBe('Authorization');
  });

  it('joins "Copy as cURL" continuation lines and quotes the physical line of each header', () => {
    const parsed = parseInput(`curl 'https://api.example.com/v1/me' \\
  -H 'accept: application/json' \\
  -H 'authorization: Bearer abc'`);
    expect(parsed.requestUrl).toBe('https://api.example.com/v1/me');
    expect(parsed.requestShown).toBe(true);
    expect(parsed.requestHeaders).toEqual([
      ['accept', 'application/json', "  -H 'accept: application/json' \\", 2],
      ['authorization', 'Bearer abc', "  -H 'authorization: Bearer abc'", 3],
    ]);
  });
});

describe('parseInput: sanitising', () => {
  it('normalises CRLF and removes control characters with a notice', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic\u0000 realm="x"\r\n');
    expect(parsed.responses[0]?.headers[0]?.[1]).toBe('Basic realm="x"');
    expect(parsed.notices).toEqual(['1 control character was removed.']);
  });

  it('caps the input at 1 MB and long lines at 8 KB, with notices', () => {
    const parsed = parseInput(`HTTP/1.1 401 Unauthorized\nX-Long: ${'a'.repeat(MAX_INPUT_CHARS + 10)}`);
    expect(MAX_INPUT_CHARS).toBe(1024 * 1024);
    expect(MAX_LINE_CHARS).toBe(8 * 1024);
    expect(parsed.notices).toEqual([
      'The paste is larger than 1 MB; only the first 1 MB was read. Paste just the request and response you are asking about.',
      '1 line was longer than 8 KB and was cut there.',
    ]);
    expect(parsed.responses[0]?.headers[0]?.[2].length).toBe(8192);
  });

  it('checks at most MAX_RESPONSES responses and MAX_HEADERS_PER_RESPONSE headers, with notices', () => {
    const chain = parseInput('HTTP/1.1 302 Found\nLocation: /a\n\n'.repeat(MAX_RESPONSES + 5));
    expect(chain.responses).toHaveLength(MAX_RESPONSES);
    expect(chain.notices).toContain(
      `The paste holds ${MAX_RESPONSES + 5} responses; only the first ${MAX_RESPONSES} were checked.`,
    );
    const wide = parseInput(`HTTP/1.1 200 OK\n${'X-A: 1\n'.repeat(MAX_HEADERS_PER_RESPONSE + 1)}`);
    expect(wide.responses[0]?.headers).toHaveLength(MAX_HEADERS_PER_RESPONSE);
    expect(wide.notices.join(' ')).toMatch(/first 500 headers/);
  });

  it('returns an empty result for blank input', () => {
    const parsed = parseInput(' \n\t\n');
    expect(parsed.format).toBe('empty');
    expect(parsed.responses).toEqual([]);
    expect(parsed.notices).toEqual([]);
  });
});
