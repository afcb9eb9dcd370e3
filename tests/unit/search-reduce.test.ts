import { describe, expect, it } from 'vitest';
import { clip, looksPasted, MAX_QUERY_CHARS, MAX_QUERY_LINES, normalise, reduce, wordsOf } from '../../src/search/reduce';

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

// Each test reduces the paste itself: Stryker activates a mutant per test, so work done while
// collecting a describe block would run unmutated and check nothing.
describe('reduce on a curl -v paste', () => {
  it('reads the status, the challenge scheme and the RFC 6750 code', () => {
    const r = reduce(CURL_V);
    expect(r.pasted).toBe(true);
    expect(r.status).toBe(401);
    expect(r.schemes).toEqual(['bearer']);
    expect(r.codes).toContain('invalid_token');
    expect(r.headers).toEqual(expect.arrayContaining(['www-authenticate', 'authorization']));
  });

  it('puts the code first and keeps the words of the error description', () => {
    const r = reduce(CURL_V);
    expect(r.terms[0]).toBe('invalid_token');
    expect(r.terms).toEqual(expect.arrayContaining(['bearer', 'expired', 'www-authenticate']));
  });

  it("drops curl's connection chatter, noise headers, host names and the token", () => {
    const r = reduce(CURL_V);
    for (const noise of ['trying', 'connected', 'alpn', 'tlsv1.3', 'user-agent', 'gmt', 'api.shop-demo.org', 'intact']) expect(r.terms).not.toContain(noise);
    expect(r.terms.some((t) => t.startsWith('eyj'))).toBe(false);
    expect(r.terms.every((t) => !/^\d+$/.test(t) || t === '401')).toBe(true);
  });
});

describe('reduce on other pastes', () => {
  it("adds the paste's status code to its terms (numbers are otherwise not words in a paste)", () => {
    const r = reduce('HTTP/1.1 403 Forbidden\ncontent-type: text/html\n\n<h1>Forbidden</h1>');
    expect(r.status).toBe(403);
    expect(r.terms).toContain('403');
    expect(reduce('npm ERR! 407 Proxy Authentication Required - GET https://registry.test/react\nnpm ERR! more').terms).toContain('407');
  });

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

  it('reads a version number as an implied upgrade, apart from the words typed', () => {
    expect(reduce('2.33.0 results in error 401: token not found').implied).toEqual(['after', 'upgrade']);
    expect(reduce('login broken on v6.1').implied).toEqual(['after', 'upgrade']);
    expect(reduce('login broken on v6.1').terms).not.toContain('upgrade');
    // Already typed: not searched twice.
    expect(reduce('401 after upgrade to 10.3').implied).toEqual([]);
    expect(reduce('token fails since the update to 10.3').implied).toEqual(['after', 'upgrade']);
  });

  it('implies no upgrade from protocol versions, server names, TLS versions or addresses', () => {
    for (const q of ['HTTP/1.1 401 Unauthorized', '< server: nginx/1.18.0', 'handshake with TLSv1.2 fails', 'login from 192.168.1.20 refused', 'no version here'])
      expect(reduce(q).implied, q).toEqual([]);
    const curl = '> GET /api HTTP/1.1\n> User-Agent: curl/8.5.0\n< HTTP/1.1 401 Unauthorized\n< Server: Apache/2.4.58';
    expect(reduce(curl).implied).toEqual([]);
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

  it('reads at most MAX_QUERY_LINES lines, and says what it read', () => {
    const r = reduce(`HTTP/1.1 401 Unauthorized\n${'\n'.repeat(5000)}WWW-Authenticate: Bearer error="invalid_token"`);
    // The status line and the 999 newlines that end lines 1..999: line 1,000 (blank) is the last one read.
    expect(r.cut).toEqual({ chars: 'HTTP/1.1 401 Unauthorized'.length + MAX_QUERY_LINES - 1, lines: MAX_QUERY_LINES });
    expect(r.codes).not.toContain('invalid_token');
    expect(clip('short').cut).toBeUndefined();
    expect(clip('a\n'.repeat(MAX_QUERY_LINES - 1) + 'a')).toEqual({ text: 'a\n'.repeat(MAX_QUERY_LINES - 1) + 'a' });
  });

  it('reduces a 1 MB paste from its head (its time is in npm run bench, not asserted here)', () => {
    const big = `${CURL_V}\n${'< X-Padding: lorem ipsum dolor sit amet\n'.repeat(30_000)}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    const r = reduce(big);
    expect(r.status).toBe(401);
    expect(r.codes).toContain('invalid_token');
    expect(r.terms.length).toBeLessThanOrEqual(48);
    expect(r.cut?.chars).toBeLessThanOrEqual(MAX_QUERY_CHARS);
  });

  it('completes on 20k digits, 10k newlines and a word-character run of 1 MB', () => {
    expect(reduce('1'.repeat(20_000)).terms).toEqual([]);
    expect(reduce('\n'.repeat(10_000)).terms).toEqual([]);
    expect(reduce(`9${'a'.repeat(1 << 20)}`).cut).toBeDefined();
  });
});

describe('wordsOf', () => {
  it('cuts words as the old \\d*[a-z][a-z0-9_.-]*[a-z0-9] pattern did, in linear time', () => {
    expect(wordsOf('2fa 0auth 1.2.3abc curl/8.5.0 -x- _y verify.js:190 tlsv1.3', false)).toEqual(['2fa', '0auth', '3abc', 'curl', 'x', 'y', 'verify.js', 'tlsv1.3']);
    expect(wordsOf('403 after login, 401-x 401_y 12345', true)).toEqual(['403', 'after', 'login', '401', 'x', 'y']);
    expect(wordsOf('403 after', false)).toEqual(['after']);
  });
});

describe('shorthand people type', () => {
  it('expands wp-json, k8s and 2fa into words the content uses, and keeps digit-led words', () => {
    expect(reduce('wp-json 401').terms).toEqual(expect.arrayContaining(['wordpress', 'rest']));
    expect(reduce('k8s ingress').terms).toEqual(expect.arrayContaining(['kubernetes', 'ingress']));
    expect(reduce('2fa not working').terms).toEqual(expect.arrayContaining(['2fa', 'two-factor']));
  });
});

describe('looksPasted at its edges', () => {
  it('takes a single typed line for a paste only past 120 characters', () => {
    const line = 'token expired '.repeat(9).slice(0, 120);
    expect(line).toHaveLength(120);
    expect(looksPasted(line)).toBe(false);
    expect(looksPasted(`${line}s`)).toBe(true);
  });

  it('reads curl markers, status lines and JSON only where a paste has them', () => {
    expect(looksPasted('redirect -> 401 after login')).toBe(false);
    expect(looksPasted('HTTP/2 1st request works, the retry gets 401')).toBe(false);
    expect(looksPasted('/users/{id} returns 401 for admins')).toBe(false);
    expect(looksPasted('  {"error":"invalid_token"}')).toBe(true);
  });
});

describe('normalise', () => {
  it('turns control characters into spaces, so they still separate words', () => {
    expect(normalise('token\u0000expired\u007fagain')).toBe('token expired again');
    expect(reduce('jwt\u0007expired').terms).toEqual(['jwt', 'expired']);
  });
});

describe('misspelt stop words', () => {
  it('drops long stop words with one letter changed, added or left out', () => {
    expect(reduce('unautharized nginx').terms).toEqual(['nginx']);
    expect(reduce('unauthorrized nginx').terms).toEqual(['nginx']);
    // Seven letters, one short of "response": still a misspelling of it.
    expect(reduce('reponse empty').terms).toEqual(['empty']);
  });

  it('keeps real words that are two edits from a long stop word', () => {
    // responds/response, connecting/connection, collection/connection, errorcode/returning.
    for (const w of ['responds', 'connecting', 'collection', 'errorcode']) expect(reduce(`${w} nginx`).terms).toEqual([w, 'nginx']);
  });
});

describe('which lines of a paste count', () => {
  it("skips curl's chatter lines, marked with '* ' or '*\\t'", () => {
    const r = reduce('* Connected to gateway port 443\n*\tCipher negotiated: chacha20\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Basic realm="intranet"');
    expect(r.terms).toEqual(expect.arrayContaining(['basic', 'realm', 'intranet']));
    for (const chatter of ['connected', 'gateway', 'cipher', 'negotiated', 'chacha20']) expect(r.terms).not.toContain(chatter);
  });

  it('drops header lines full of ids and times but keeps the other header lines', () => {
    const r = reduce('HTTP/1.1 401 Unauthorized\nX-Request-Id: reqabc123\nWWW-Authenticate: Bearer realm="billing"');
    expect(r.terms).not.toContain('x-request-id');
    expect(r.terms).not.toContain('reqabc123');
    expect(r.terms).toEqual(expect.arrayContaining(['bearer', 'realm', 'billing']));
  });

  it('keeps the last word of one line apart from the first word of the next', () => {
    const r = reduce('HTTP/1.1 403 Forbidden\nsignature invalid\nretry later');
    expect(r.terms).toEqual(expect.arrayContaining(['invalid', 'retry']));
    expect(r.terms).not.toContain('invalidretry');
  });

  it('lists only the headers the paste has', () => {
    expect(reduce('HTTP/1.1 401\nWWW-Authenticate: Basic realm="x"').headers).toEqual(['www-authenticate']);
  });
});

describe('host names, file names and module paths in a paste', () => {
  it("drops the reporter's host name", () => {
    expect(reduce('GET https://api.shop-demo.org/v1/me 401\nretry').terms).not.toContain('api.shop-demo.org');
  });

  it('keeps file names and dotted module paths, which are not hosts', () => {
    const r = reduce('at bundle.min.js:2:1031\nfrom rest_framework.permissions import IsAuthenticated\nbackend: myapp.jwt_auth.backends');
    expect(r.terms).toEqual(expect.arrayContaining(['bundle.min.js', 'rest_framework.permissions', 'myapp.jwt_auth.backends']));
  });
});

describe('word boundaries', () => {
  it('keeps words that start with z or end with 9 whole', () => {
    expect(reduce('zscaler breaks rfc6749 login').terms).toEqual(['zscaler', 'breaks', 'rfc6749', 'login']);
  });

  it('takes statuses only from the digits before the first word of a run, not from inside a word', () => {
    expect(wordsOf('401-x-403', true)).toEqual(['401', 'x-403']);
  });

  it('drops one-letter words and credential-length strings, and keeps identifiers up to 32 characters', () => {
    expect(reduce('c# httpclient gets 401').terms).toEqual(['httpclient']);
    expect(reduce('SecurityTokenValidationException after deploy').terms).toEqual(['securitytokenvalidationexception', 'after', 'deploy']);
    expect(reduce('ghp_16c7e42f292c6912e7710c838347ae178b4a rejected').terms).toEqual(['rejected']);
  });

  it('does not take line and column numbers of a stack trace for statuses', () => {
    const r = reduce('TokenExpiredError: jwt expired\n    at /app/node_modules/jsonwebtoken/verify.js:190:21');
    expect(r.terms).toContain('verify.js');
    expect(r.terms).not.toContain('190');
  });
});

describe('status, schemes and codes', () => {
  it('reads any status from a status line, whatever the version and spacing', () => {
    expect(reduce('HTTP/1.1 429 Too Many Requests\nRetry-After: 30').status).toBe(429);
    expect(reduce('HTTP/1.1  502 Bad Gateway\nServer: nginx').status).toBe(502);
  });

  it('reads the scheme of a challenge written without a space after the colon', () => {
    expect(reduce('HTTP/1.1 407\nProxy-Authenticate:Negotiate').schemes).toEqual(['negotiate']);
  });

  it('reads codes from any error or code field, quoted or not, spaced or not', () => {
    expect(reduce('{"error":"expired_token"}').codes).toEqual(['expired_token']);
    expect(reduce('auth failed: error = token_revoked').codes).toEqual(['token_revoked']);
    expect(reduce('HTTP/1.1 403\nx-amzn-errortype: AccessDeniedException').codes).toEqual(['accessdeniedexception']);
  });

  it('finds known codes standing bare in a typed question, and searches them first', () => {
    const r = reduce('nginx says rest_cookie_invalid_nonce');
    expect(r.codes).toEqual(['rest_cookie_invalid_nonce']);
    expect(r.terms[0]).toBe('rest_cookie_invalid_nonce');
  });

  it('puts the challenge scheme before the other words of a paste', () => {
    expect(reduce('HTTP/1.1 401 Unauthorized\nServer: nginx\nWWW-Authenticate: Basic realm="admin"').terms[0]).toBe('basic');
  });
});

describe('the terms list', () => {
  it('lists each term once', () => {
    expect(reduce('token token expired token').terms).toEqual(['token', 'expired']);
  });

  it('keeps at most 48 terms of a paste', () => {
    const paste = Array.from({ length: 60 }, (_, i) => `w${i}x`).join('\n');
    expect(reduce(paste).pasted).toBe(true);
    expect(reduce(paste).terms).toHaveLength(48);
  });
});
