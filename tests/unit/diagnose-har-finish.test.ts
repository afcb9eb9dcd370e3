import { describe, expect, it } from 'vitest';
import { MAX_HEADERS_PER_RESPONSE, MAX_LINE_CHARS, MAX_RESPONSES, parseInput } from '../../src/diagnose';
import { parseHar } from '../../src/diagnose/input-har';

// Every input is built inside it(): the mutation runner only sees code that runs in a test.

interface HarHeader {
  name: unknown;
  value: unknown;
}

/** One HAR entry as Chrome or Firefox export it; fields can be overridden or removed per test. */
function harEntry(
  opts: {
    method?: string;
    url?: string;
    status?: number;
    statusText?: string;
    httpVersion?: string;
    requestHeaders?: unknown[];
    responseHeaders?: unknown[];
    content?: unknown;
  } = {},
): Record<string, unknown> {
  const request: Record<string, unknown> = {
    headers: opts.requestHeaders ?? [{ name: 'Authorization', value: 'Bearer t' }],
  };
  if (opts.method !== undefined) request['method'] = opts.method;
  if (opts.url !== undefined) request['url'] = opts.url;
  const response: Record<string, unknown> = {
    headers: opts.responseHeaders ?? [{ name: 'WWW-Authenticate', value: 'Bearer realm="api"' }],
  };
  if (opts.status !== undefined) response['status'] = opts.status;
  if (opts.statusText !== undefined) response['statusText'] = opts.statusText;
  if (opts.httpVersion !== undefined) response['httpVersion'] = opts.httpVersion;
  if (opts.content !== undefined) response['content'] = opts.content;
  return { request, response };
}

const get = (url: string, status: number, method = 'GET') =>
  harEntry({ method, url, status, statusText: '', httpVersion: 'HTTP/1.1' });

function harLog(entries: unknown[]): string {
  return JSON.stringify({ log: { version: '1.2', entries } });
}

function header(name: unknown, value: unknown): HarHeader {
  return { name, value };
}

describe('parseHar: what is and is not a HAR file', () => {
  it('reads a HAR pasted with blank lines and indentation around it', () => {
    const parsed = parseHar(`\n   ${JSON.stringify(harEntry({ method: 'GET', url: 'https://a.example/me', status: 401 }))}\n`);
    expect(parsed?.format).toBe('har');
    expect(parsed?.responses[0]?.status).toBe(401);
  });

  it('skips null entries and null headers instead of failing on them', () => {
    const entry = harEntry({
      method: 'GET',
      url: 'https://a.example/me',
      status: 401,
      responseHeaders: [null, 'WWW-Authenticate: Basic', header('WWW-Authenticate', 'Basic realm="r"')],
    });
    const parsed = parseHar(harLog([null, entry]));
    expect(parsed?.responses.map((r) => r.status)).toEqual([401]);
    expect(parsed?.responses[0]?.headers).toEqual([
      ['WWW-Authenticate', 'Basic realm="r"', 'WWW-Authenticate: Basic realm="r"', 0],
    ]);
    // Only one readable entry, so no "this HAR has N requests" notice.
    expect(parsed?.notices).toEqual([]);
  });

  it('describes the exchange as HAR: request shown, scheme known, request line synthesised', () => {
    const parsed = parseHar(
      JSON.stringify(harEntry({ method: 'POST', url: 'https://a.example/login', status: 401, statusText: 'Unauthorized' })),
    );
    expect(parsed).toMatchObject({
      format: 'har',
      requestUrlSchemeAssumed: false,
      requestShown: true,
      requestUrl: 'https://a.example/login',
      method: 'POST',
      requestLine: { text: 'POST https://a.example/login', lineNo: 0 },
    });
    expect(parsed?.notices).toEqual([]);
    expect(parsed?.responses[0]?.requestMethod).toBe('POST');
    expect(parsed?.responses[0]?.requestUrl).toBe('https://a.example/login');
  });

  it('quotes GET in the request line when the entry has no method, and no request line without a URL', () => {
    const noMethod = parseHar(JSON.stringify(harEntry({ url: 'https://a.example/me', status: 401 })));
    expect(noMethod?.requestLine).toEqual({ text: 'GET https://a.example/me', lineNo: 0 });
    expect(noMethod?.method).toBeUndefined();
    const noUrl = parseHar(JSON.stringify(harEntry({ method: 'GET', status: 401 })));
    expect(noUrl?.requestLine).toBeUndefined();
    expect(noUrl?.requestUrl).toBeUndefined();
    expect(noUrl?.method).toBe('GET');
  });
});

describe('parseHar: headers', () => {
  it('trims names and values and skips headers without a name', () => {
    const parsed = parseHar(
      JSON.stringify(
        harEntry({
          method: 'GET',
          url: 'https://a.example/me',
          status: 401,
          responseHeaders: [header('  WWW-Authenticate ', '  Bearer realm="api"  '), header('   ', 'orphan value')],
        }),
      ),
    );
    expect(parsed?.responses[0]?.headers).toEqual([
      ['WWW-Authenticate', 'Bearer realm="api"', 'WWW-Authenticate: Bearer realm="api"', 0],
    ]);
  });

  it('turns a run of control characters into one space and cuts a value at the line cap', () => {
    const parsed = parseHar(
      JSON.stringify(
        harEntry({
          method: 'GET',
          url: 'https://a.example/me',
          status: 401,
          responseHeaders: [header('X-Evil', 'a\r\n\tb'), header('X-Long', 'p'.repeat(MAX_LINE_CHARS + 100))],
        }),
      ),
    );
    const headers = parsed?.responses[0]?.headers ?? [];
    expect(headers[0]?.[1]).toBe('a b');
    expect(headers[1]?.[1]).toBe('p'.repeat(MAX_LINE_CHARS));
  });

  it(`reads at most ${MAX_HEADERS_PER_RESPONSE} headers of a response`, () => {
    const many = Array.from({ length: MAX_HEADERS_PER_RESPONSE + 1 }, (_, i) => header(`X-H${i}`, 'v'));
    const parsed = parseHar(
      JSON.stringify(harEntry({ method: 'GET', url: 'https://a.example/me', status: 401, responseHeaders: many })),
    );
    const headers = parsed?.responses[0]?.headers ?? [];
    expect(headers).toHaveLength(MAX_HEADERS_PER_RESPONSE);
    expect(headers[MAX_HEADERS_PER_RESPONSE - 1]?.[0]).toBe(`X-H${MAX_HEADERS_PER_RESPONSE - 1}`);
  });
});

describe('parseHar: response body', () => {
  const parseBody = (content: unknown) =>
    parseHar(JSON.stringify(harEntry({ method: 'GET', url: 'https://a.example/me', status: 401, content })));

  it('decodes a base64 body even when the export wrapped it over lines', () => {
    const parsed = parseBody({ mimeType: 'text/plain', text: 'Snd0IGlz\nIG1pc3Npbmc=', encoding: 'base64' });
    expect(parsed?.responses[0]?.body).toEqual([{ text: 'Jwt is missing', lineNo: 0 }]);
  });

  it('keeps a plain text body as it is and drops its blank lines', () => {
    const parsed = parseBody({ mimeType: 'application/json', text: '{"error":\n\n   \n"invalid_token"}' });
    expect(parsed?.responses[0]?.body).toEqual([
      { text: '{"error":', lineNo: 0 },
      { text: '"invalid_token"}', lineNo: 0 },
    ]);
  });

  it('says when control characters were removed from the body', () => {
    const parsed = parseBody({ mimeType: 'text/plain', text: 'Jwt\u0001 is missing' });
    expect(parsed?.responses[0]?.body).toEqual([{ text: 'Jwt is missing', lineNo: 0 }]);
    expect(parsed?.notices).toEqual(['In the HAR response body: 1 control character was removed.']);
  });
});

describe('parseHar: status line and status', () => {
  const parseResponse = (opts: { status?: number; statusText?: string; httpVersion?: string }) =>
    parseHar(JSON.stringify(harEntry({ method: 'GET', url: 'https://a.example/me', ...opts })))?.responses[0];

  it('writes dev tools\' "http/2.0" the way curl does, and keeps HTTP/1.0 and HTTP/1.1', () => {
    expect(parseResponse({ status: 401, statusText: '', httpVersion: 'http/2.0' })?.statusLine).toEqual({
      text: 'HTTP/2 401',
      lineNo: 0,
    });
    expect(parseResponse({ status: 401, statusText: 'Unauthorized', httpVersion: 'HTTP/1.0' })?.statusLine?.text).toBe(
      'HTTP/1.0 401 Unauthorized',
    );
    expect(parseResponse({ status: 401, statusText: 'Unauthorized', httpVersion: 'http/1.1' })?.statusLine?.text).toBe(
      'HTTP/1.1 401 Unauthorized',
    );
  });

  it('writes Chrome\'s ALPN names "h2" and "h3" as HTTP/2 and HTTP/3', () => {
    expect(parseResponse({ status: 401, statusText: '', httpVersion: 'h3' })?.statusLine?.text).toBe('HTTP/3 401');
    expect(parseResponse({ status: 401, statusText: '', httpVersion: 'h2' })?.statusLine?.text).toBe('HTTP/2 401');
  });

  it('falls back to HTTP/1.1 when the version is missing or not a plain HTTP/n', () => {
    expect(parseResponse({ status: 401, statusText: 'Unauthorized' })?.statusLine?.text).toBe('HTTP/1.1 401 Unauthorized');
    expect(parseResponse({ status: 401, httpVersion: 'HTTP/2.0 (QUIC)' })?.statusLine?.text).toBe('HTTP/1.1 401');
    expect(parseResponse({ status: 401, httpVersion: 'SPDY HTTP/3' })?.statusLine?.text).toBe('HTTP/1.1 401');
  });

  it('keeps the reason phrase, or leaves it out when HTTP/2 sends none', () => {
    const withText = parseResponse({ status: 401, statusText: 'Unauthorized', httpVersion: 'HTTP/1.1' });
    expect(withText?.statusText).toBe('Unauthorized');
    const empty = parseResponse({ status: 401, statusText: '', httpVersion: 'HTTP/1.1' });
    expect(empty?.statusText).toBeUndefined();
    expect(empty?.statusLine?.text).toBe('HTTP/1.1 401');
    const missing = parseResponse({ status: 401, httpVersion: 'HTTP/1.1' });
    expect(missing?.statusText).toBeUndefined();
  });

  it('treats status 0 (a blocked request) as no status, and quotes no status line without one', () => {
    const blocked = parseResponse({ status: 0, statusText: '', httpVersion: '' });
    expect(blocked?.status).toBeUndefined();
    const none = parseResponse({ httpVersion: 'HTTP/1.1' });
    expect(none?.status).toBeUndefined();
    expect(none?.statusLine).toBeUndefined();
  });
});

describe('parseHar: which entry of a log is analysed', () => {
  const focusOf = (statuses: number[]) => {
    const entries = statuses.map((s, i) => get(`https://a.example/r${i}`, s));
    const parsed = parseHar(harLog(entries));
    return parsed?.responses.map((r) => r.status);
  };

  it.each([
    { statuses: [500, 401], focus: 401, why: 'a 401 before any other error' },
    { statuses: [403, 407], focus: 407, why: 'a 407 before a 403' },
    { statuses: [200, 407], focus: 407, why: 'a 407 before a success' },
    { statuses: [500, 403], focus: 403, why: 'a 403 before another error' },
    { statuses: [200, 403], focus: 403, why: 'a 403 before a success' },
    { statuses: [200, 400], focus: 400, why: 'a 400 counts as an error' },
    { statuses: [200, 500], focus: 500, why: 'any error before a success' },
    { statuses: [200, 302], focus: 200, why: 'the first entry when nothing failed' },
  ])('picks $focus from $statuses: $why', ({ statuses, focus }) => {
    expect(focusOf(statuses)).toEqual([focus]);
  });

  it('names the analysed request and why it was picked', () => {
    const failed = parseHar(harLog([get('https://a.example/ok', 200), get('https://a.example/me', 401)]));
    expect(failed?.notices).toEqual([
      'This HAR file has 2 requests; only GET https://a.example/me was analysed (the first one answered 401).',
    ]);
    const bad = parseHar(harLog([get('https://a.example/ok', 200), get('https://a.example/q', 400, 'POST')]));
    expect(bad?.notices).toEqual([
      'This HAR file has 2 requests; only POST https://a.example/q was analysed (the first one answered 400).',
    ]);
    const fine = parseHar(harLog([get('https://a.example/a', 200), get('https://a.example/b', 304)]));
    expect(fine?.notices).toEqual([
      'This HAR file has 2 requests; only GET https://a.example/a was analysed (the first one).',
    ]);
  });

  it('keeps only an OPTIONS preflight to the same URL next to the focus, and the focus once', () => {
    const parsed = parseHar(
      harLog([
        get('https://a.example/other', 204, 'OPTIONS'),
        get('https://a.example/me', 200),
        get('https://a.example/me', 204, 'OPTIONS'),
        get('https://a.example/me', 401),
      ]),
    );
    expect(parsed?.responses.map((r) => [r.requestMethod, r.requestUrl, r.status])).toEqual([
      ['OPTIONS', 'https://a.example/me', 204],
      ['GET', 'https://a.example/me', 401],
    ]);
    const preflightFailed = parseHar(harLog([get('https://a.example/me', 401, 'OPTIONS')]));
    expect(preflightFailed?.responses.map((r) => r.status)).toEqual([401]);
  });
});

describe('finishInput: the request URL and its scheme', () => {
  it('takes the scheme from a :scheme pseudo-header', () => {
    const http = parseInput('GET /x HTTP/2\nhost: a.example\n:scheme: http\n\nHTTP/2 401');
    expect(http.requestUrl).toBe('http://a.example/x');
    expect(http.responses[0]?.requestUrl).toBe('http://a.example/x');
    expect(http.requestUrlSchemeAssumed).toBe(false);
    const https = parseInput('GET /x HTTP/1.1\nHost: a.example\n:scheme: https\n\nHTTP/1.1 401 Unauthorized');
    expect(https.requestUrl).toBe('https://a.example/x');
    expect(https.requestUrlSchemeAssumed).toBe(false);
    expect(https.notices).toEqual([]);
  });

  it('knows HTTP/2 and HTTP/3 requests went over https, but guesses for HTTP/1.1', () => {
    const h2 = parseInput('GET /x HTTP/2\nHost: a.example\n\nHTTP/2 401');
    expect(h2.requestUrl).toBe('https://a.example/x');
    expect(h2.requestUrlSchemeAssumed).toBe(false);
    expect(h2.responses[0]?.requestUrlSchemeAssumed).toBe(false);
    const h1 = parseInput('GET /x HTTP/1.1\nHost: a.example\n\nHTTP/1.1 401 Unauthorized');
    expect(h1.requestUrl).toBe('https://a.example/x');
    expect(h1.requestUrlSchemeAssumed).toBe(true);
    expect(h1.notices).toEqual(['The paste does not show whether the request used http or https; https was assumed.']);
  });

  it('takes the scheme from the curl command when it went to the same host', () => {
    const parsed = parseInput(
      'curl -v http://a.example/x\n> GET /x HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 401 Unauthorized\n<',
    );
    expect(parsed.responses[0]?.requestUrl).toBe('http://a.example/x');
    expect(parsed.responses[0]?.requestUrlSchemeAssumed).toBe(false);
    expect(parsed.notices).toEqual([]);
  });

  it('does not borrow the curl command scheme for a Host header that names another host', () => {
    const parsed = parseInput(
      "curl -v -H 'Host: b.example' http://10.0.0.5/x\n> GET /x HTTP/1.1\n> Host: b.example\n>\n< HTTP/1.1 401 Unauthorized\n<",
    );
    // The command's own URL is what was asked for, so the top-level URL is not a guess...
    expect(parsed.requestUrl).toBe('http://10.0.0.5/x');
    expect(parsed.requestUrlSchemeAssumed).toBe(false);
    expect(parsed.notices).toEqual([]);
    // ...but the response's URL is rebuilt from the Host header, with the scheme guessed.
    expect(parsed.responses[0]?.requestUrl).toBe('https://b.example/x');
    expect(parsed.responses[0]?.requestUrlSchemeAssumed).toBe(true);
    // The headers quoted are the "> " lines curl printed, not the command's -H.
    expect(parsed.requestHeaders).toEqual([['Host', 'b.example', '> Host: b.example', 3]]);
  });

  it('builds the URL from Host, not from X-Forwarded-Host', () => {
    const parsed = parseInput(
      'GET /x HTTP/1.1\nX-Forwarded-Host: public.example\nHost: a.example\n\nHTTP/1.1 401 Unauthorized',
    );
    expect(parsed.requestUrl).toBe('https://a.example/x');
  });

  it('takes an absolute request target as it is, http included', () => {
    const parsed = parseInput('GET http://a.example/x HTTP/1.1\n\nHTTP/1.1 407 Proxy Authentication Required');
    expect(parsed.requestUrl).toBe('http://a.example/x');
    expect(parsed.requestUrlSchemeAssumed).toBe(false);
  });

  it('builds the URL from Host for a path that carries a URL in its query', () => {
    const parsed = parseInput(
      'GET /login?next=https://b.example/ HTTP/1.1\nHost: a.example\n\nHTTP/1.1 401 Unauthorized',
    );
    expect(parsed.requestUrl).toBe('https://a.example/login?next=https://b.example/');
  });

  it('builds no URL for a target that is not a path', () => {
    const parsed = parseInput('OPTIONS * HTTP/1.1\nHost: a.example\n\nHTTP/1.1 401 Unauthorized');
    expect(parsed.requestUrl).toBeUndefined();
    expect(parsed.responses[0]?.requestUrl).toBeUndefined();
  });

  it('uses the URL curl followed for a -L hop, without guessing its scheme', () => {
    const parsed = parseInput(`* Connected to a.example (10.0.0.1) port 443
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
< HTTP/1.1 401 Unauthorized
<`);
    expect(parsed.responses[1]?.requestUrl).toBe('http://b.example/home');
    expect(parsed.responses[1]?.requestUrlSchemeAssumed).toBe(false);
  });

  it('does not call the scheme a guess when dev tools gave the Request URL', () => {
    const parsed = parseInput(`Request URL: https://a.example/x
Request Method: GET
Status Code: 401 Unauthorized

GET /x HTTP/1.1
Host: a.example`);
    expect(parsed.requestUrl).toBe('https://a.example/x');
    expect(parsed.requestUrlSchemeAssumed).toBe(false);
    expect(parsed.notices).not.toContain(
      'The paste does not show whether the request used http or https; https was assumed.',
    );
  });
});

describe('finishInput: responses', () => {
  it('ties each curl -v response to its request line and headers', () => {
    const parsed = parseInput('> GET /x HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 401 Unauthorized\n<');
    expect(parsed.format).toBe('curl-verbose');
    const r = parsed.responses[0];
    expect(r?.statusText).toBe('Unauthorized');
    expect(r?.requestLine).toEqual({ text: '> GET /x HTTP/1.1', lineNo: 1 });
    expect(r?.requestHeaders).toEqual([['Host', 'a.example', '> Host: a.example', 2]]);
    expect(parsed.requestLine).toEqual({ text: '> GET /x HTTP/1.1', lineNo: 1 });
  });

  it('calls a raw header block "http"', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer');
    expect(parsed.format).toBe('http');
    expect(parsed.requestHeaders).toEqual([]);
    expect(parsed.requestShown).toBe(false);
    expect(parsed.requestLine).toBeUndefined();
  });

  it('fills dev tools\' "Status Code" into the response headers section', () => {
    const parsed = parseInput('Status Code: 401\n\nResponse Headers\nwww-authenticate: Bearer');
    expect(parsed.responses).toHaveLength(1);
    const r = parsed.responses[0];
    expect(r?.status).toBe(401);
    expect(r?.statusText).toBeUndefined();
    expect(r?.statusLine).toEqual({ text: 'Status Code: 401', lineNo: 0 });
    expect(r?.headers.map((h) => h[0])).toEqual(['www-authenticate']);
  });

  it('gives "Status Code" to the response without a status, not to one that has its own', () => {
    const parsed = parseInput(
      'Status Code: 401 Unauthorized\n\nHTTP/1.1 302 Found\nLocation: /login\n\nResponse Headers\nwww-authenticate: Bearer',
    );
    expect(parsed.responses.map((r) => [r.status, r.statusText])).toEqual([
      [302, 'Found'],
      [401, 'Unauthorized'],
    ]);
    expect(parsed.responses[1]?.statusLine).toEqual({ text: 'Status Code: 401 Unauthorized', lineNo: 0 });
  });

  it('turns a lone "Status Code" into a status-only response, and adds none when every response has a status', () => {
    const alone = parseInput('Request URL: https://a.example/x\nRequest Method: GET\nStatus Code: 401 Unauthorized');
    expect(alone.responses).toEqual([
      {
        status: 401,
        statusText: 'Unauthorized',
        statusLine: { text: 'Status Code: 401 Unauthorized', lineNo: 0 },
        headers: [],
        body: [],
        source: 'status-only',
      },
    ]);
    const both = parseInput('Status Code: 401 Unauthorized\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer');
    expect(both.responses.map((r) => r.source)).toEqual(['http']);
  });

  it(`checks exactly ${MAX_RESPONSES} responses without a notice, and says so past that`, () => {
    const at = parseInput('HTTP/1.1 302 Found\n'.repeat(MAX_RESPONSES));
    expect(at.responses).toHaveLength(MAX_RESPONSES);
    expect(at.notices).toEqual([]);
    const over = parseInput('HTTP/1.1 302 Found\n'.repeat(MAX_RESPONSES + 1));
    expect(over.responses).toHaveLength(MAX_RESPONSES);
    expect(over.notices).toEqual([
      `The paste holds ${MAX_RESPONSES + 1} responses; only the first ${MAX_RESPONSES} were checked.`,
    ]);
  });

  it(`checks exactly ${MAX_HEADERS_PER_RESPONSE} headers without a notice, and says so past that`, () => {
    const block = (n: number) =>
      ['HTTP/1.1 401 Unauthorized', ...Array.from({ length: n }, (_, i) => `X-H${i}: v`)].join('\n');
    const at = parseInput(block(MAX_HEADERS_PER_RESPONSE));
    expect(at.responses[0]?.headers).toHaveLength(MAX_HEADERS_PER_RESPONSE);
    expect(at.notices).toEqual([]);
    const over = parseInput(block(MAX_HEADERS_PER_RESPONSE + 1));
    expect(over.responses[0]?.headers).toHaveLength(MAX_HEADERS_PER_RESPONSE);
    expect(over.notices).toEqual([`Only the first ${MAX_HEADERS_PER_RESPONSE} headers of a response were checked.`]);
  });

  it('counts folded header values cut at the line cap, in the plural', () => {
    const long = 'a'.repeat(MAX_LINE_CHARS - 100);
    const folded = ` ${'b'.repeat(200)}`;
    const parsed = parseInput(`HTTP/1.1 401 Unauthorized\nX-A: ${long}\n${folded}\nX-B: ${long}\n${folded}`);
    expect(parsed.notices).toEqual([
      '2 folded header values were longer than 8 KB; only the first 8 KB of each were read.',
    ]);
  });
});

describe('finishInput: console lines', () => {
  const CORS =
    "Access to fetch at 'https://api.example.com/x' from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.";

  it('makes a status-only response of each console line with a status, and only those', () => {
    const parsed = parseInput(`${CORS}\nGET https://api.example.com/x 401 (Unauthorized)`);
    expect(parsed.format).toBe('console');
    expect(parsed.responses).toEqual([
      {
        status: 401,
        statusText: 'Unauthorized',
        statusLine: { text: 'GET https://api.example.com/x 401 (Unauthorized)', lineNo: 2 },
        headers: [],
        body: [],
        source: 'status-only',
        requestMethod: 'GET',
        requestUrl: 'https://api.example.com/x',
      },
    ]);
    expect(parsed.requestLine).toEqual({ text: CORS, lineNo: 1 });
    expect(parsed.notices).toEqual([
      'Only browser console lines were found. Console lines do not show headers: for a full check, ' +
        'copy the response headers from the Network tab, or run the request with curl -v.',
    ]);
  });

  it('takes the request from the first console line that names a URL', () => {
    const parsed = parseInput(
      'Failed to load resource: the server responded with a status of 401 (Unauthorized)\n' +
        'GET https://api.example.com/x 401 (Unauthorized)',
    );
    expect(parsed.requestUrl).toBe('https://api.example.com/x');
    expect(parsed.method).toBe('GET');
    expect(parsed.requestLine).toEqual({ text: 'GET https://api.example.com/x 401 (Unauthorized)', lineNo: 2 });
  });

  it('ignores console lines for responses when the paste has real response headers', () => {
    const parsed = parseInput(
      'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\n\nGET https://api.example.com/x 403 (Forbidden)',
    );
    expect(parsed.format).toBe('http');
    expect(parsed.responses.map((r) => [r.status, r.source])).toEqual([[401, 'http']]);
  });
});

describe('finishInput: what the paste shows of the request', () => {
  it('counts a bare request line as the request shown', () => {
    const parsed = parseInput('GET /x HTTP/1.1\n\nHTTP/1.1 401 Unauthorized');
    expect(parsed.requestShown).toBe(true);
    expect(parsed.method).toBe('GET');
    expect(parsed.requestLine).toEqual({ text: 'GET /x HTTP/1.1', lineNo: 1 });
  });

  it('counts a curl command alone as the request shown, and says no response was found', () => {
    const parsed = parseInput('curl https://a.example/x');
    expect(parsed.format).toBe('text');
    expect(parsed.requestShown).toBe(true);
    expect(parsed.requestUrl).toBe('https://a.example/x');
    expect(parsed.requestLine).toEqual({ text: 'curl https://a.example/x', lineNo: 1 });
    expect(parsed.notices).toEqual([
      'No HTTP response was recognised, so only known error messages were checked. ' +
        'Paste the output of curl -v, the response headers, or a HAR file.',
    ]);
  });

  it('shows no request for plain text', () => {
    const parsed = parseInput('the login page keeps saying session expired');
    expect(parsed.format).toBe('text');
    expect(parsed.requestShown).toBe(false);
    expect(parsed.responses).toEqual([]);
    expect(parsed.notices).toHaveLength(1);
  });
});
