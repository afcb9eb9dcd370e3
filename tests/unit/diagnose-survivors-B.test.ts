/**
 * Mutants that survived in the curl command reader, the HAR reader and input-finish.ts:
 * the method curl picks for a body sent with other flags, what is and is not a URL, the
 * format of a header paste, which request counts as shown, and the exact shape of the
 * parsed input (a field the paste does not give is left out, not set to undefined).
 */
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/diagnose';
import { parseCurlCommand } from '../../src/diagnose/input-curl-command';
import { parseHar } from '../../src/diagnose/input-har';

describe('parseCurlCommand: method and URL', () => {
  it('sends a body given with other flags by POST, and by GET only with -G or --get', () => {
    expect(parseCurlCommand("curl -s --data-raw 'a=b' https://api.example.com/login --compressed")).toStrictEqual({
      headers: [],
      method: 'POST',
      url: 'https://api.example.com/login',
    });
    expect(parseCurlCommand("curl -sS -d 'q=1' -G https://api.example.com/search").method).toBe('GET');
    expect(parseCurlCommand("curl -d 'q=1' --get https://api.example.com/search").method).toBe('GET');
  });

  it('does not make an http:// URL out of a URL of another scheme', () => {
    expect(parseCurlCommand('curl ftp://files.example.com/report.csv')).toStrictEqual({ headers: [], method: 'GET' });
  });
});

describe('finishInput: format, request and response shape', () => {
  it('names a response paste "http" and gives it no request URL or method', () => {
    expect(parseInput('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer')).toStrictEqual({
      format: 'http',
      requestUrlSchemeAssumed: false,
      requestHeaders: [],
      requestShown: false,
      responses: [
        {
          headers: [['WWW-Authenticate', 'Bearer', 'WWW-Authenticate: Bearer', 2]],
          body: [],
          source: 'http',
          status: 401,
          statusText: 'Unauthorized',
          statusLine: { text: 'HTTP/1.1 401 Unauthorized', lineNo: 1 },
        },
      ],
      consoleErrors: [],
      otherLines: [],
      notices: [],
    });
  });

  it('gives response headers pasted without a status line no status or statusText', () => {
    const parsed = parseInput('WWW-Authenticate: Bearer realm="api"');
    expect(parsed.format).toBe('http');
    expect(parsed.responses).toStrictEqual([
      {
        headers: [['WWW-Authenticate', 'Bearer realm="api"', 'WWW-Authenticate: Bearer realm="api"', 1]],
        body: [],
        source: 'http',
      },
    ]);
  });

  it('counts request headers pasted without a request line as a shown request', () => {
    const parsed = parseInput('Authorization: Bearer abc');
    expect(parsed.format).toBe('http');
    expect(parsed.requestShown).toBe(true);
    expect(parsed.requestHeaders).toEqual([['Authorization', 'Bearer abc', 'Authorization: Bearer abc', 1]]);
  });

  it('builds the URL of a raw request from its Host header, assuming https, when there is no curl command', () => {
    const parsed = parseInput('GET /v1/me HTTP/1.1\nHost: api.example.com\nAuthorization: Bearer abc');
    expect(parsed.requestUrl).toBe('https://api.example.com/v1/me');
    expect(parsed.requestUrlSchemeAssumed).toBe(true);
    expect(parsed.method).toBe('GET');
  });

  it('leaves out statusText, requestMethod and requestUrl of a console line that has none', () => {
    const text = 'Failed to load resource: the server responded with a status of 401 ()';
    const parsed = parseInput(text);
    expect(parsed.format).toBe('console');
    expect(parsed.responses).toStrictEqual([
      { status: 401, statusLine: { text, lineNo: 1 }, headers: [], body: [], source: 'status-only' },
    ]);
  });
});

describe('parseHar: an entry without a method or a URL', () => {
  const entry = (request: Record<string, unknown>, status: number) => ({
    request: { headers: [], ...request },
    response: { status, statusText: '', httpVersion: 'HTTP/1.1', headers: [] },
  });
  const log = (entries: unknown[]) => JSON.stringify({ log: { version: '1.2', entries } });

  it('names the analysed request by its URL alone, and sets no method, when the method is missing', () => {
    const parsed = parseHar(
      log([entry({ method: 'GET', url: 'https://a.example/' }, 200), entry({ url: 'https://a.example/me' }, 401)]),
    );
    expect(parsed?.notices).toEqual([
      'This HAR file has 2 requests; only https://a.example/me was analysed (the first one answered 401).',
    ]);
    expect(parsed?.requestUrl).toBe('https://a.example/me');
    expect(parsed !== undefined && 'method' in parsed).toBe(false);
  });

  it('names the analysed request by its method alone, and sets no request URL, when the URL is missing', () => {
    const parsed = parseHar(log([entry({ method: 'POST' }, 401), entry({ method: 'GET', url: 'https://a.example/' }, 200)]));
    expect(parsed?.notices).toEqual([
      'This HAR file has 2 requests; only POST was analysed (the first one answered 401).',
    ]);
    expect(parsed?.method).toBe('POST');
    expect(parsed !== undefined && 'requestUrl' in parsed).toBe(false);
    expect(parsed !== undefined && 'requestLine' in parsed).toBe(false);
  });
});
