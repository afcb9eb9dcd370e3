/**
 * The line-based input formats: how one line is classified (input-lines.ts), how
 * console lines are read (input-console.ts), and how the builders (input-http.ts,
 * driven by input.ts) put lines into requests, responses, bodies and loose lines.
 */
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, parseInput } from '../../src/diagnose';
import { parseConsoleLine } from '../../src/diagnose/input-console';
import { classifyLine, parseHeaderLine, parseStatusLine } from '../../src/diagnose/input-lines';

const names = (headers: readonly (readonly [string, ...unknown[]])[] | undefined) => headers?.map((h) => h[0]);

describe('classifyLine: curl -v markers', () => {
  it('reads "> " and "< " lines as sent and received, with the marker and padding stripped', () => {
    expect(classifyLine('> GET /v1/me HTTP/1.1')).toEqual({ kind: 'sent', content: 'GET /v1/me HTTP/1.1' });
    expect(classifyLine('<   WWW-Authenticate: Bearer')).toEqual({ kind: 'received', content: 'WWW-Authenticate: Bearer' });
  });

  it('reads a lone ">" or "<" (the blank line ending curl\'s headers) as an empty sent or received line', () => {
    expect(classifyLine('>')).toEqual({ kind: 'sent', content: '' });
    expect(classifyLine('<')).toEqual({ kind: 'received', content: '' });
  });

  it('does not take markup or arrows in a body for curl markers', () => {
    expect(classifyLine('<html><body>Unauthorized</body></html>')).toEqual({ kind: 'text', indented: false });
    expect(classifyLine('>>> retrying')).toEqual({ kind: 'text', indented: false });
  });

  it('reads "* " lines and a lone "*" as curl notes, but not "*bold*" text', () => {
    expect(classifyLine('* Connected to api.example.com (203.0.113.5) port 443')).toEqual({ kind: 'note' });
    expect(classifyLine('*')).toEqual({ kind: 'note' });
    expect(classifyLine('**Note** the token expired')).toEqual({ kind: 'text', indented: false });
  });

  it('reads "{ [n bytes data]" and "} [n bytes data]" as data markers, but not a JSON body', () => {
    expect(classifyLine('{ [5 bytes data]')).toEqual({ kind: 'data' });
    expect(classifyLine('} [512 bytes data]')).toEqual({ kind: 'data' });
    expect(classifyLine('{"error":"invalid_token"}')).toEqual({ kind: 'text', indented: false });
    expect(classifyLine('}')).toEqual({ kind: 'text', indented: false });
  });
});

describe('classifyLine: other lines', () => {
  it('reads an empty or whitespace-only line as blank', () => {
    expect(classifyLine('')).toEqual({ kind: 'blank' });
    expect(classifyLine('   \t')).toEqual({ kind: 'blank' });
  });

  it('reads indented start lines and headers, and says whether a line was indented by a space or a tab', () => {
    expect(classifyLine('  HTTP/1.1 401 Unauthorized')).toEqual({ kind: 'status', status: 401, statusText: 'Unauthorized' });
    expect(classifyLine('    WWW-Authenticate: Bearer realm="api"')).toEqual({
      kind: 'header',
      name: 'WWW-Authenticate',
      value: 'Bearer realm="api"',
      indented: true,
    });
    expect(classifyLine('\tcontent-type: application/json')).toEqual({
      kind: 'header',
      name: 'content-type',
      value: 'application/json',
      indented: true,
    });
    expect(classifyLine('content-type: application/json')).toEqual({
      kind: 'header',
      name: 'content-type',
      value: 'application/json',
      indented: false,
    });
    expect(classifyLine('\tat handler (server.js:10:5)')).toEqual({ kind: 'text', indented: true });
  });

  it('takes a section heading only from a short line (under 40 characters)', () => {
    const at39 = 'Response Headers (12 headers, raw: off)';
    const at40 = 'Response Headers (12 headers, raw: off).';
    expect(at39).toHaveLength(39);
    expect(at40).toHaveLength(40);
    expect(classifyLine(at39)).toEqual({ kind: 'section', which: 'response' });
    expect(classifyLine(at40)).toEqual({ kind: 'text', indented: false });
    expect(classifyLine('Request Headers')).toEqual({ kind: 'section', which: 'request' });
  });
});

describe('parseStatusLine and parseHeaderLine', () => {
  it('does not read a timestamped log line as a header', () => {
    expect(parseHeaderLine('2024-05-01T12:30:05Z token rejected')).toBeUndefined();
    expect(parseHeaderLine('12:30:05 token rejected')).toBeUndefined();
    expect(parseHeaderLine('X-Request-Id: 42')).toEqual(['X-Request-Id', '42']);
  });

  it('keeps the reason phrase, trimmed, and has no statusText key without one', () => {
    expect(parseStatusLine('HTTP/1.1 401 Unauthorized  ')).toStrictEqual({ status: 401, statusText: 'Unauthorized' });
    expect(parseStatusLine('HTTP/2 401')).toStrictEqual({ status: 401 });
  });

  it('reads an empty header value as an empty string and trims the value', () => {
    expect(parseHeaderLine('WWW-Authenticate:')).toEqual(['WWW-Authenticate', '']);
    expect(parseHeaderLine('X-Request-Id:  abc123  ')).toEqual(['X-Request-Id', 'abc123']);
  });

  it('keeps an empty header value empty in a parsed response', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\nWWW-Authenticate:\nX-Amz-Id-2: 5xQ9');
    expect(parsed.responses[0]?.headers).toEqual([
      ['WWW-Authenticate', '', 'WWW-Authenticate:', 2],
      ['X-Amz-Id-2', '5xQ9', 'X-Amz-Id-2: 5xQ9', 3],
    ]);
  });

  it('does not take URLs or clock times for headers', () => {
    expect(parseHeaderLine('https://api.example.com/v1/me')).toBeUndefined();
    expect(parseHeaderLine('12:30:05 token refreshed')).toBeUndefined();
    expect(parseHeaderLine('9:15 token refreshed')).toBeUndefined();
    expect(classifyLine('https://api.example.com/v1/me')).toEqual({ kind: 'text', indented: false });
  });
});

describe('parseConsoleLine', () => {
  it('does not take the source link after a bare status for its reason phrase', () => {
    const c = parseConsoleLine('GET https://api.example.com/v1/me 401 app.js:12', 1);
    expect(c).toMatchObject({ method: 'GET', url: 'https://api.example.com/v1/me', status: 401 });
    expect(c).not.toHaveProperty('statusText');
    expect(parseConsoleLine('XHR GET https://api.example.com/v1/me [HTTP/2 401 Unauthorized 35ms]', 1)).toMatchObject({
      status: 401,
      statusText: 'Unauthorized',
    });
  });

  it('reads the origin of a Chrome CORS message wrapped onto a new line', () => {
    const c = parseConsoleLine(
      "from origin 'https://app.example.com' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
      2,
    );
    expect(c).toMatchObject({ origin: 'https://app.example.com', cors: true, preflight: false, lineNo: 2 });
    expect(c).not.toHaveProperty('url');
  });

  it('reads a CORS message that names no URL without making one up', () => {
    const c = parseConsoleLine('Request has been blocked by CORS policy: Request header field authorization is not allowed', 1);
    expect(c).toStrictEqual({
      text: 'Request has been blocked by CORS policy: Request header field authorization is not allowed',
      lineNo: 1,
      cors: true,
      preflight: false,
    });
  });

  it('reads a Firefox CORS message: URL without the sentence dot, status, cors', () => {
    const text =
      "Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1.2/me. (Reason: CORS header 'Access-Control-Allow-Origin' missing). Status code: 401.";
    expect(parseConsoleLine(text, 4)).toStrictEqual({
      text,
      lineNo: 4,
      cors: true,
      preflight: false,
      url: 'https://api.example.com/v1.2/me',
      status: 401,
    });
  });

  it('reads Safari\'s CORS messages: origin and status, the URL it could not load, a failed preflight', () => {
    const refused = '[Error] Origin https://app.example.com is not allowed by Access-Control-Allow-Origin. Status code: 401';
    expect(parseConsoleLine(refused, 2)).toStrictEqual({
      text: refused,
      lineNo: 2,
      cors: true,
      preflight: false,
      origin: 'https://app.example.com',
      status: 401,
    });
    const load = '[Error] Fetch API cannot load https://api.example.com/v1/me due to access control checks.';
    expect(parseConsoleLine(load, 3)).toStrictEqual({ text: load, lineNo: 3, cors: true, preflight: false, url: 'https://api.example.com/v1/me' });
    const preflight = '[Error] Preflight response is not successful. Status code: 401';
    expect(parseConsoleLine(preflight, 1)).toStrictEqual({ text: preflight, lineNo: 1, cors: true, preflight: true, status: 401 });
    const wildcard = '[Error] Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.';
    // "Access-Control-Allow-Origin when" is not an origin.
    expect(parseConsoleLine(wildcard, 1)).toStrictEqual({ text: wildcard, lineNo: 1, cors: true, preflight: false });
    expect(parseConsoleLine('Access-Control-Allow-Origin: *', 1)).toBeUndefined();
  });

  it('reads a Firefox CORS message cut right after the URL', () => {
    const c = parseConsoleLine(
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example.com/v1/me',
      1,
    );
    expect(c?.url).toBe('https://api.example.com/v1/me');
    expect(c).not.toHaveProperty('status');
  });

  it('marks OPTIONS requests and preflight messages as preflight, and nothing else', () => {
    expect(parseConsoleLine('OPTIONS https://api.example.com/v1/me 401 (Unauthorized)', 1)?.preflight).toBe(true);
    expect(parseConsoleLine('GET https://api.example.com/v1/me 401 (Unauthorized)', 1)?.preflight).toBe(false);
    expect(
      parseConsoleLine('GET https://api.example.com/v1/me net::ERR_FAILED 401 (preflight request failed)', 1)?.preflight,
    ).toBe(true);
  });

  it('reads the reason phrase in parentheses, however it is spaced, and not a later parenthesis', () => {
    expect(parseConsoleLine('GET https://api.example.com/v1/me 401  (Unauthorized)', 1)?.statusText).toBe('Unauthorized');
    expect(parseConsoleLine('GET https://api.example.com/v1/me 401 ( Unauthorized )', 1)?.statusText).toBe('Unauthorized');
    expect(
      parseConsoleLine('XHR GET https://api.example.com/v1/me [HTTP/2 401 Unauthorized 35ms] (xhr.js:120)', 1)?.statusText,
    ).toBe('Unauthorized');
  });

  it('reads "Failed to load resource" as a non-CORS error with status and reason', () => {
    const text = 'Failed to load resource: the server responded with a status of 401 (Unauthorized)';
    expect(parseConsoleLine(text, 7)).toStrictEqual({
      text,
      lineNo: 7,
      cors: false,
      preflight: false,
      status: 401,
      statusText: 'Unauthorized',
    });
  });
});

describe('parseInput: empty paste and line numbers', () => {
  it('says an empty paste shows no request and assumes no scheme', () => {
    const parsed = parseInput('  \n\t\n');
    expect(parsed.format).toBe('empty');
    expect(parsed.requestUrlSchemeAssumed).toBe(false);
    expect(parsed.requestShown).toBe(false);
  });

  it('numbers lines from 1', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer');
    expect(parsed.responses[0]?.statusLine).toEqual({ text: 'HTTP/1.1 401 Unauthorized', lineNo: 1 });
    expect(parsed.responses[0]?.headers[0]?.[3]).toBe(2);
  });
});

describe('parseInput: response bodies and blank lines', () => {
  it('reads a line after the blank line as body even when it looks like a header', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\nerror: invalid_token');
    expect(names(parsed.responses[0]?.headers)).toEqual(['Content-Type']);
    expect(parsed.responses[0]?.body).toEqual([{ text: 'error: invalid_token', lineNo: 4 }]);
    expect(parsed.otherLines).toEqual([]);
  });

  it('keeps a body together across blank lines inside it', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\n\nAccess denied.\n\nContact support.');
    expect(parsed.responses[0]?.body.map((l) => l.text)).toEqual(['Access denied.', 'Contact support.']);
    expect(parsed.otherLines).toEqual([]);
  });

  it('ends the headers at a line that is not a header, which starts the body', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer\nAccess denied\nRetry-After: 30');
    expect(parsed.responses[0]?.headers).toEqual([['WWW-Authenticate', 'Bearer', 'WWW-Authenticate: Bearer', 2]]);
    expect(parsed.responses[0]?.body.map((l) => l.text)).toEqual(['Access denied', 'Retry-After: 30']);
  });

  it('reads an indented body right after the status line as body, not as a folded header', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\n    {"error": "invalid_token"}');
    expect(parsed.responses[0]?.headers).toEqual([]);
    expect(parsed.responses[0]?.body).toEqual([{ text: '    {"error": "invalid_token"}', lineNo: 2 }]);
  });

  it('reads the body after a header block that has no status line', () => {
    const parsed = parseInput('WWW-Authenticate: Bearer\nContent-Type: application/json\n\n{"error":"invalid_token"}');
    expect(parsed.responses).toHaveLength(1);
    expect(names(parsed.responses[0]?.headers)).toEqual(['WWW-Authenticate', 'Content-Type']);
    expect(parsed.responses[0]?.body.map((l) => l.text)).toEqual(['{"error":"invalid_token"}']);
  });

  it('ends a header block without a status line at a text line, which starts its body', () => {
    const parsed = parseInput('WWW-Authenticate: Bearer\nContent-Type: text/plain\nAccess denied');
    expect(names(parsed.responses[0]?.headers)).toEqual(['WWW-Authenticate', 'Content-Type']);
    expect(parsed.responses[0]?.body).toEqual([{ text: 'Access denied', lineNo: 3 }]);
    expect(parsed.otherLines).toEqual([]);
  });

  it('starts response headers after a request block and a blank line', () => {
    const parsed = parseInput('GET /v1/me HTTP/1.1\nHost: api.example.com\n\nWWW-Authenticate: Bearer realm="api"');
    expect(names(parsed.requestHeaders)).toEqual(['Host']);
    expect(parsed.responses).toHaveLength(1);
    expect(names(parsed.responses[0]?.headers)).toEqual(['WWW-Authenticate']);
    expect(parsed.responses[0]?.requestMethod).toBe('GET');
  });
});

describe('parseInput: header blocks without a start line', () => {
  it('starts a block only at a well-known header name or prefix', () => {
    const known = parseInput('Content-Type: application/json\nX-Request-Id: 5f2c');
    expect(known.format).toBe('http');
    expect(names(known.responses[0]?.headers)).toEqual(['Content-Type', 'X-Request-Id']);
    const prose = parseInput('Note: rotate the key\nTodo-x: later');
    expect(prose.responses).toEqual([]);
    expect(prose.otherLines).toHaveLength(2);
    expect(prose.format).toBe('text');
  });

  it('keeps two pasted request header blocks apart, so the first is the request', () => {
    const blank = parseInput('Authorization: Bearer good\nHost: api.example.com\n\nAuthorization: Bearer bad\nHost: api.example.com');
    expect(blank.requestHeaders.map((h) => h[1])).toEqual(['Bearer good', 'api.example.com']);
    const text = parseInput('Authorization: Bearer good\nthen, after the token refresh:\nAuthorization: Bearer bad');
    expect(text.requestHeaders.map((h) => h[1])).toEqual(['Bearer good']);
    expect(text.otherLines.map((l) => l.lineNo)).toEqual([2]);
  });

  it('pairs response headers with request headers that follow them in the same block (Chrome order)', () => {
    const parsed = parseInput('www-authenticate: Bearer error="invalid_token"\nauthorization: Bearer abc');
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]?.requestHeaders).toEqual([['authorization', 'Bearer abc', 'authorization: Bearer abc', 2]]);
  });

  it('reads a bare URL even when it is indented', () => {
    const parsed = parseInput('    https://api.example.com/v1/me');
    expect(parsed.requestUrl).toBe('https://api.example.com/v1/me');
  });
});

describe('parseInput: dev tools sections', () => {
  it('puts headers under "Response Headers" into the response even after "Request Headers"', () => {
    const parsed = parseInput(
      'Request Headers\nauthorization: Bearer abc\nResponse Headers\nwww-authenticate: Bearer\ncontent-type: application/json',
    );
    expect(names(parsed.requestHeaders)).toEqual(['authorization']);
    expect(names(parsed.responses[0]?.headers)).toEqual(['www-authenticate', 'content-type']);
  });

  it('pairs "Response Headers" with the "Request Headers" under it, the order Chrome shows them in', () => {
    const parsed = parseInput(
      'Response Headers\nwww-authenticate: Bearer\n\nRequest Headers\n:method: GET\nauthorization: Bearer abc\nhost: api.example.com',
    );
    expect(parsed.responses).toHaveLength(1);
    expect(names(parsed.responses[0]?.requestHeaders)).toEqual([':method', 'authorization', 'host']);
  });

  it('pairs each response with its own request when sections come request first', () => {
    const parsed = parseInput(
      'Request Headers\nauthorization: Bearer one\nResponse Headers\nwww-authenticate: Bearer\nRequest Headers\nauthorization: Bearer two',
    );
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]?.requestHeaders?.map((h) => h[1])).toEqual(['Bearer one']);
  });

  it('reads an HTTP/2 ":status" pseudo-header in a section as the status', () => {
    const parsed = parseInput('Response Headers\n:status: 401\nwww-authenticate: Bearer');
    expect(parsed.responses[0]?.status).toBe(401);
    expect(parsed.responses[0]?.statusLine).toEqual({ text: ':status: 401', lineNo: 2 });
    expect(names(parsed.responses[0]?.headers)).toEqual(['www-authenticate']);
  });

  it('sends a remark after the request headers to the loose lines, not to the response body', () => {
    const parsed = parseInput(
      'Response Headers\nwww-authenticate: Bearer\nRequest Headers\nauthorization: Bearer abc\nCopied from Chrome 124',
    );
    expect(parsed.responses[0]?.body).toEqual([]);
    expect(parsed.otherLines.map((l) => l.text)).toEqual(['Copied from Chrome 124']);
  });

  it('ends a section at a blank line, so a remark after the request headers is not response body', () => {
    const parsed = parseInput(
      'Response Headers\nwww-authenticate: Bearer\n\nRequest Headers\nauthorization: Bearer abc\n\nCopied from Chrome 124',
    );
    expect(names(parsed.requestHeaders)).toEqual(['authorization']);
    expect(parsed.responses[0]?.body).toEqual([]);
    expect(parsed.otherLines).toEqual([{ text: 'Copied from Chrome 124', lineNo: 7 }]);
  });

  it('reads "Status Code" alone as a status-only response with a trimmed reason phrase', () => {
    const parsed = parseInput('Status Code: 401 Unauthorized');
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]).toMatchObject({ status: 401, statusText: 'Unauthorized', source: 'status-only' });
  });
});

describe('parseInput: requests paired with responses', () => {
  it('pairs a request with one final response only: a later 200-then-401 paste keeps the 401 unpaired', () => {
    const parsed = parseInput(
      'GET /v1/me HTTP/1.1\nHost: api.example.com\n\nHTTP/1.1 200 OK\n\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer',
    );
    expect(parsed.responses.map((r) => [r.status, r.requestMethod])).toEqual([
      [200, 'GET'],
      [401, undefined],
    ]);
  });

  it('lets a header block without a status line answer the pending request', () => {
    const parsed = parseInput(
      'Authorization: Bearer abc\nWWW-Authenticate: Bearer\n\nSome notes\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic',
    );
    expect(parsed.responses).toHaveLength(2);
    expect(names(parsed.responses[0]?.requestHeaders)).toEqual(['Authorization']);
    expect(parsed.responses[1]?.requestHeaders).toBeUndefined();
  });

  it('keeps the reason phrase of a status line', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized');
    expect(parsed.responses[0]?.statusText).toBe('Unauthorized');
  });
});

describe('parseInput: folded header values', () => {
  it('folds an indented line into the previous header, and keeps indented headers as headers', () => {
    const parsed = parseInput(
      'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api",\n  error="invalid_token"\nContent-Type: text/plain',
    );
    expect(parsed.responses[0]?.headers.map((h) => h[1])).toEqual(['Bearer realm="api", error="invalid_token"', 'text/plain']);
  });

  it('gives a value that starts on the next line no leading space', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\nDate:\n  Sun, 01 Jun 2025 12:00:00 GMT\nCF-Cache-Status:\n  HIT');
    expect(parsed.responses[0]?.headers.map((h) => h[1])).toEqual(['Sun, 01 Jun 2025 12:00:00 GMT', 'HIT']);
  });

  it('counts a fold as cut only when the joined value is longer than the line cap', () => {
    const head = 'HTTP/1.1 401 Unauthorized\nX-Long: ' + 'a'.repeat(4000) + '\n  ';
    const exact = parseInput(head + 'b'.repeat(MAX_LINE_CHARS - 4001));
    expect(exact.responses[0]?.headers[0]?.[1]).toHaveLength(MAX_LINE_CHARS);
    expect(exact.notices.join(' ')).not.toMatch(/folded/);
    const over = parseInput(head + 'b'.repeat(MAX_LINE_CHARS - 4000));
    expect(over.responses[0]?.headers[0]?.[1]).toHaveLength(MAX_LINE_CHARS);
    expect(over.notices.join(' ')).toMatch(/^1 folded header value was longer than/);
  });

  it('counts a header cut once, however many more lines fold into it', () => {
    const parsed = parseInput(
      'HTTP/1.1 401 Unauthorized\nX-Long: ' + 'a'.repeat(5000) + '\n  ' + 'b'.repeat(5000) + '\n  ' + 'c'.repeat(10),
    );
    expect(parsed.responses[0]?.headers[0]?.[1]).toBe('a'.repeat(5000) + ' ' + 'b'.repeat(MAX_LINE_CHARS - 5001));
    // The third line still continues the capped header: it is not the start of the body.
    expect(parsed.responses[0]?.body).toEqual([]);
    expect(parsed.notices.filter((n) => n.includes('folded'))).toEqual([
      expect.stringMatching(/^1 folded header value was longer than/),
    ]);
  });
});
