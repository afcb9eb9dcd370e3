import { describe, expect, it } from 'vitest';
import { looksPasted, MAX_QUERY_CHARS, normalise, reduce } from '../../src/search/reduce';

const CURL_V = `$ curl -v -H "Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl" https://api.shop-demo.org/v1/orders
*   Trying 203.0.113.10:443...
* Connected to api.shop-demo.org (203.0.113.10) port 443 (#0)
* ALPN: offers h2,http/1.1
* SSL connection using TLSv1.3 / TLS_AES_256_GCM_SHA384
> GET /v1/orders HTTP/1.1
> Host: api.shop-demo.org
> User-Agent: curl/8.5.0
> Accept: */*
> Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl
>
< HTTP/1.1 401 Unauthorized
< Date: Fri, 14 Mar 2025 09:26:53 GMT
< Content-Length: 0
< Server: Kestrel
< WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired at '03/14/2025 09:11:02'"
<
* Connection #0 to host api.shop-demo.org left intact`;

describe('looksPasted', () => {
  it('treats a short typed question as typed', () => {
    expect(looksPasted('jwt expired after 15 minutes')).toBe(false);
    expect(looksPasted('why does nginx return 401')).toBe(false);
  });

  it('recognises multi-line text, status lines, curl markers and JSON as pastes', () => {
    expect(looksPasted('line one\nline two')).toBe(true);
    expect(looksPasted('HTTP/1.1 401 Unauthorized')).toBe(true);
    expect(looksPasted('< WWW-Authenticate: Basic realm="x"')).toBe(true);
    expect(looksPasted('{"message":"Unauthorized"}')).toBe(true);
    expect(looksPasted('word '.repeat(30))).toBe(true);
  });
});

describe('reduce on a curl -v paste', () => {
  const r = reduce(CURL_V);

  it('reads the status, the challenge scheme and the RFC 6750 code', () => {
    expect(r.pasted).toBe(true);
    expect(r.status).toBe(401);
    expect(r.schemes).toEqual(['bearer']);
    expect(r.codes).toContain('invalid_token');
    expect(r.headers).toEqual(expect.arrayContaining(['www-authenticate', 'authorization']));
  });

  it('puts the code first and keeps the words of the error description', () => {
    expect(r.terms[0]).toBe('invalid_token');
    expect(r.terms).toEqual(expect.arrayContaining(['bearer', 'expired', 'www-authenticate']));
  });

  it("drops curl's connection chatter, noise headers, host names and the token", () => {
    for (const noise of ['trying', 'connected', 'alpn', 'tlsv1.3', 'user-agent', 'gmt', 'api.shop-demo.org', 'intact']) expect(r.terms).not.toContain(noise);
    expect(r.terms.some((t) => t.startsWith('eyj'))).toBe(false);
    expect(r.terms.every((t) => !/^\d+$/.test(t) || t === '401')).toBe(true);
  });
});

describe('reduce on other pastes', () => {
  it('takes machine codes from JSON bodies whatever the server', () => {
    expect(reduce('{"error":"invalid_grant","error_description":"Token has been expired or revoked."}').codes).toContain('invalid_grant');
    expect(reduce('{"code":"rest_not_logged_in","message":"You are not currently logged in.","data":{"status":401}}').codes).toContain('rest_not_logged_in');
    expect(reduce("AxiosError {message: 'Request failed with status code 401', code: 'ERR_BAD_REQUEST'}").codes).toContain('err_bad_request');
    expect(reduce('HTTP/2 401\nx-amzn-errortype: UnauthorizedException\n\n{"message":"Unauthorized"}').codes).toContain('unauthorizedexception');
  });

  it('reads the status from a browser console line and from HTTP/2', () => {
    expect(reduce('GET https://app.shop-demo.org/api/me 401 (Unauthorized)').status).toBe(401);
    expect(reduce('HTTP/2 403\ncontent-type: text/html').status).toBe(403);
  });

  it('keeps file names from a stack trace', () => {
    const r = reduce('TokenExpiredError: jwt expired\n    at /app/node_modules/jsonwebtoken/verify.js:190:21');
    expect(r.terms).toEqual(expect.arrayContaining(['tokenexpirederror', 'jwt', 'expired', 'verify.js']));
  });
});

describe('reduce on typed words', () => {
  it('removes stopwords and words every 401 report has', () => {
    expect(reduce('why am I getting 401 unauthorized error with my api please help').terms).toEqual(['api']);
    expect(reduce('the token is expired').terms).toEqual(['token', 'expired']);
  });

  it('removes misspelt long stopwords instead of fuzzy-matching them everywhere', () => {
    expect(reduce('unathorized wordpress').terms).toEqual(['wordpress']);
    expect(reduce('unauthorzied nginx').terms).toEqual(['nginx']);
  });

  it('keeps typed status codes other than 401', () => {
    expect(reduce('403 after login').terms).toEqual(['403', 'after', 'login']);
  });

  it('reads British spellings the way the content writes them', () => {
    expect(normalise('Authorisation header')).toBe('authorization header');
    expect(reduce('authoriser never invoked').terms).toContain('authorizer');
  });

  it('keeps at most twelve typed terms', () => {
    const typed = Array.from({ length: 20 }, (_, i) => `w${i}x`).join(' ');
    expect(reduce(typed).pasted).toBe(false);
    expect(reduce(typed).terms).toHaveLength(12);
  });
});

describe('the size cap', () => {
  it(`reads at most ${MAX_QUERY_CHARS} characters`, () => {
    expect(normalise('x'.repeat(MAX_QUERY_CHARS * 3)).length).toBe(MAX_QUERY_CHARS);
  });

  it('reduces a 1 MB paste quickly, from its head', () => {
    const big = `${CURL_V}\n${'< X-Padding: lorem ipsum dolor sit amet\n'.repeat(30_000)}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    const t = performance.now();
    const r = reduce(big);
    expect(performance.now() - t).toBeLessThan(500);
    expect(r.status).toBe(401);
    expect(r.codes).toContain('invalid_token');
    expect(r.terms.length).toBeLessThanOrEqual(48);
  });
});

describe('shorthand people type', () => {
  it('expands wp-json, k8s and 2fa into words the content uses, and keeps digit-led words', () => {
    expect(reduce('wp-json 401').terms).toEqual(expect.arrayContaining(['wordpress', 'rest']));
    expect(reduce('k8s ingress').terms).toEqual(expect.arrayContaining(['kubernetes', 'ingress']));
    expect(reduce('2fa not working').terms).toEqual(expect.arrayContaining(['2fa', 'two-factor']));
  });
});
