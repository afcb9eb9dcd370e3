/**
 * Input parsing cases that mutation testing showed no other test pinned down: console
 * reason phrases (input-console.ts), indented header blocks and Chrome's "Provisional
 * headers are shown" note (input-http.ts), and lines that only look like curl's data
 * markers (input-lines.ts). Each expectation is the exact parsed result.
 */
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/diagnose';
import { classifyLine } from '../../src/diagnose/input-lines';

describe('console lines: the reason phrase after the status', () => {
  /** The one console error a single-line paste of a plain 401 GET to /v1/me gives. */
  const get401 = (text: string) => [
    { text, lineNo: 1, cors: false, preflight: false, method: 'GET', url: 'https://api.example.com/v1/me', status: 401, statusText: 'Unauthorized' },
  ];

  it('reads the reason phrase of a log line whose columns are padded with several spaces', () => {
    const text = 'GET https://api.example.com/v1/me  401  Unauthorized';
    expect(parseInput(text).consoleErrors).toStrictEqual(get401(text));
  });

  it('reads a Firefox reason phrase that ends the bracket when no timing follows it', () => {
    const text = 'XHR GET https://api.example.com/v1/me [HTTP/1.1 401 Unauthorized]';
    expect(parseInput(text).consoleErrors).toStrictEqual(get401(text));
  });
});

describe('header blocks pasted with indentation', () => {
  it('keeps each indented header its own header instead of folding it into the one above', () => {
    const parsed = parseInput(
      [
        '    HTTP/1.1 401 Unauthorized',
        '    WWW-Authenticate: Bearer realm="api"',
        '    Content-Type: application/json',
      ].join('\n'),
    );
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]?.status).toBe(401);
    expect(parsed.responses[0]?.headers).toEqual([
      ['WWW-Authenticate', 'Bearer realm="api"', '    WWW-Authenticate: Bearer realm="api"', 2],
      ['Content-Type', 'application/json', '    Content-Type: application/json', 3],
    ]);
  });
});

describe('Chrome\'s "Provisional headers are shown" note', () => {
  it('keeps the request headers listed under the note as the request the response answered', () => {
    const parsed = parseInput(
      [
        'Response Headers',
        'www-authenticate: Bearer',
        '',
        'Request Headers',
        'Provisional headers are shown. Disable cache to see full headers.',
        'Accept: application/json',
        'Authorization: Bearer abc',
      ].join('\n'),
    );
    const request = [
      ['Accept', 'application/json', 'Accept: application/json', 6],
      ['Authorization', 'Bearer abc', 'Authorization: Bearer abc', 7],
    ];
    expect(parsed.requestHeaders).toEqual(request);
    expect(parsed.requestShown).toBe(true);
    expect(parsed.responses).toHaveLength(1);
    expect(parsed.responses[0]?.requestHeaders).toEqual(request);
    expect(parsed.responses[0]?.body).toEqual([]);
    expect(parsed.otherLines).toEqual([{ text: 'Provisional headers are shown. Disable cache to see full headers.', lineNo: 5 }]);
  });

  it('also skips the note with its warning sign, and still ends the block at other remarks', () => {
    const parsed = parseInput(
      ['Request Headers', '⚠ Provisional headers are shown', 'Authorization: Bearer abc', 'Copied from Chrome 124'].join(
        '\n',
      ),
    );
    expect(parsed.requestHeaders).toEqual([['Authorization', 'Bearer abc', 'Authorization: Bearer abc', 3]]);
    expect(parsed.otherLines).toEqual([
      { text: '⚠ Provisional headers are shown', lineNo: 2 },
      { text: 'Copied from Chrome 124', lineNo: 4 },
    ]);
  });
});

describe('lines that only look like curl data markers', () => {
  it('reads "x [..." lines that do not start with a brace as text, not as data markers', () => {
    expect(classifyLine('0 [main] ERROR com.example.AuthFilter - JWT expired')).toEqual({ kind: 'text', indented: false });
    expect(classifyLine('- [x] cleared the cookies')).toEqual({ kind: 'text', indented: false });
  });

  it('keeps such a line in the response body', () => {
    const parsed = parseInput('HTTP/1.1 401 Unauthorized\nContent-Type: text/plain\n\n0 [main] ERROR token rejected');
    expect(parsed.responses[0]?.body).toEqual([{ text: '0 [main] ERROR token rejected', lineNo: 4 }]);
  });
});

describe('a curl command cut off after a continuation backslash', () => {
  it('quotes a header left inside an open quote from its own line', () => {
    const parsed = parseInput("curl -v https://api.example.com/x \\\n  -H 'Authorization: Bearer abc \\");
    expect(parsed.requestHeaders).toEqual([['Authorization', 'Bearer abc', "  -H 'Authorization: Bearer abc \\", 2]]);
    expect(parsed.requestLine).toEqual({ text: 'curl -v https://api.example.com/x \\', lineNo: 1 });
  });
});
