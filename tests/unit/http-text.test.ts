import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { httpSnippetProblems, setCookieProblems } from '../../src/model/http-text';

describe('HTTP blocks in the content', () => {
  it('accepts a status line, a request line, header fields, an omitted-fields line and a body', () => {
    expect(httpSnippetProblems('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api", error="invalid_token"\n...\n\n{"error": "x"}')).toEqual([]);
    expect(httpSnippetProblems('HTTP/2 401\nwww-authenticate: Basic realm="Staging", charset="UTF-8"')).toEqual([]);
    expect(httpSnippetProblems('GET /v1/orders HTTP/1.1\nAuthorization: Bearer <redacted>')).toEqual([]);
    expect(httpSnippetProblems('Set-Cookie: __Host-sid=4f9c; Path=/; Secure; HttpOnly; SameSite=None; Partitioned')).toEqual([]);
  });

  it('names a line that is neither a start line nor a field, and a challenge a server got wrong', () => {
    expect(httpSnippetProblems('HTTP/1.1 401 Unauthorized\nWWW-Authenticate Bearer realm="api"')).toEqual([
      'line 2: "WWW-Authenticate Bearer realm="api"" is neither a start line nor a "Name: value" header field',
    ]);
    expect(httpSnippetProblems('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api" error="invalid_token"')).toEqual([
      'line 2: WWW-Authenticate: Parameters must be separated by commas.',
    ]);
    // A start line only counts as the first line.
    expect(httpSnippetProblems('Vary: Cookie\nHTTP/1.1 200 OK')).toHaveLength(1);
  });

  it('refuses the cookies a browser would drop', () => {
    expect(setCookieProblems('sid=1; Path=/; SameSite=None')).toEqual(['SameSite=None without Secure: browsers drop the cookie']);
    expect(setCookieProblems('__Host-sid=1; Path=/app; Secure')).toEqual(['a __Host- cookie needs Secure and Path=/ and no Domain: browsers drop it']);
    expect(setCookieProblems('__Secure-sid=1; Path=/')).toEqual(['a __Secure- cookie without Secure: browsers drop it']);
    expect(setCookieProblems('sid=1; Secure; Partitioned; SameSite=Loose')).toEqual(['SameSite=Loose is not Strict, Lax or None']);
    expect(setCookieProblems('sid=1; Partitioned')).toEqual(['Partitioned without Secure: browsers drop the cookie']);
    expect(setCookieProblems('sid=a b; HttpOnly; Max-Age=60')).toEqual(['the value of sid has characters a cookie value cannot hold']);
    expect(setCookieProblems('sid=1; Samesite=Lax; HttpOnly; Domain=example.com; Expires=Wed, 21 Oct 2026 07:28:00 GMT')).toEqual([]);
    expect(setCookieProblems('sid=1; Priority=High')).toEqual(['"Priority" is not a cookie attribute']);
    expect(setCookieProblems('no pair')).toEqual(['"no pair" is not name=value with a token for the name']);
  });

  it('reads any text without throwing, a line at a time', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(Array.isArray(httpSnippetProblems(text))).toBe(true);
        expect(Array.isArray(setCookieProblems(text))).toBe(true);
      }),
    );
    // Problems are per line, so a fault in one field never hides another's.
    expect(httpSnippetProblems('Set-Cookie: a=1; SameSite=None\nWWW-Authenticate: Basic realm="x" charset="UTF-8"')).toEqual([
      'line 1: Set-Cookie: SameSite=None without Secure: browsers drop the cookie',
      'line 2: WWW-Authenticate: Parameters must be separated by commas.',
    ]);
  });
});
