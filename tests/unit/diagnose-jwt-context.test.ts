/**
 * Edges of the request/response pairing (context.ts), the JWT reader (jwt.ts,
 * jwt-decode.ts) and the two clocks (clock.ts, jwt-clock.ts) that the broader
 * diagnose tests pass over: boundaries, which value wins, and the exact words shown.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  checkClock,
  cleanToken,
  decodeJwt,
  parseInput,
  referenceClock,
  type Header,
  type ParsedInput,
  type ParsedResponse,
} from '../../src/diagnose';
import { buildContext, isRedirect, methodAfterRedirect, requestAnchor } from '../../src/diagnose/context';
import { looksLikeJwt } from '../../src/diagnose/jwt';
import { MAX_TOKEN_CHARS } from '../../src/diagnose/jwt-decode';
import { makeJwt, NOW } from './fixtures/diagnose-corpus';

const t = Math.floor(NOW.getTime() / 1000);

/** base64url as some libraries emit it: with its "=" padding kept. */
function b64urlPadded(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_');
}
const b64url = (text: string) => b64urlPadded(text).replace(/=+$/, '');

const header = (name: string, value: string, lineNo: number): Header => [name, value, `${name}: ${value}`, lineNo];

function response(status: number | undefined, more: Partial<ParsedResponse> = {}): ParsedResponse {
  return { headers: [], body: [], source: 'http', ...(status !== undefined && { status }), ...more };
}

function pasted(responses: ParsedResponse[], more: Partial<ParsedInput> = {}): ParsedInput {
  return {
    format: 'http',
    requestUrlSchemeAssumed: false,
    requestHeaders: [],
    requestShown: false,
    responses,
    consoleErrors: [],
    otherLines: [],
    notices: [],
    ...more,
  };
}

const redirectTo = (location: string | undefined, status = 302) =>
  response(status, { headers: location === undefined ? [] : [header('Location', location, 2)] });

describe('isRedirect', () => {
  it('counts 300 to 399 as redirects, except 304 Not Modified which has no Location to follow', () => {
    const statuses = [undefined, 200, 299, 300, 301, 302, 303, 304, 307, 308, 399, 400, 401];
    expect(statuses.map((s) => isRedirect(s))).toEqual([
      false, false, false, true, true, true, true, false, true, true, true, false, false,
    ]);
  });
});

describe('methodAfterRedirect', () => {
  it('turns every method but HEAD into GET after a 303', () => {
    expect(methodAfterRedirect(303, 'POST')).toBe('GET');
    expect(methodAfterRedirect(303, 'PUT')).toBe('GET');
    expect(methodAfterRedirect(303, undefined)).toBe('GET');
    expect(methodAfterRedirect(303, 'HEAD')).toBe('HEAD');
  });

  it('turns only POST into GET after a 301 or 302', () => {
    expect(methodAfterRedirect(301, 'POST')).toBe('GET');
    expect(methodAfterRedirect(302, 'POST')).toBe('GET');
    expect(methodAfterRedirect(301, 'PUT')).toBe('PUT');
    expect(methodAfterRedirect(302, 'DELETE')).toBe('DELETE');
    expect(methodAfterRedirect(302, undefined)).toBeUndefined();
  });

  it('keeps the method after a 307 or 308, which exist to preserve it', () => {
    expect(methodAfterRedirect(307, 'POST')).toBe('POST');
    expect(methodAfterRedirect(308, 'POST')).toBe('POST');
  });
});

describe('buildContext: which request each response answered', () => {
  it('follows a relative Location from curl -i -L and switches a POST to GET after the 302', () => {
    const input = parseInput(
      [
        '$ curl -i -L -X POST http://api.example.com/orders',
        'HTTP/1.1 302 Found',
        'Location: /login',
        '',
        'HTTP/1.1 401 Unauthorized',
        'WWW-Authenticate: Bearer',
        '',
      ].join('\n'),
    );
    const [first, second] = buildContext(input, NOW).exchanges;
    expect(first?.url?.href).toBe('http://api.example.com/orders');
    expect(first?.method).toBe('POST');
    expect(second?.url?.href).toBe('http://api.example.com/login');
    expect(second?.method).toBe('GET');
    // curl -i shows the command but not the follow-up request, so only the first request is known.
    expect(first?.requestKnown).toBe(true);
    expect(second?.requestKnown).toBe(false);
  });

  it('switches to GET after a 303 even when the paste does not show the follow-up request', () => {
    const ctx = buildContext(
      pasted([redirectTo('/done', 303), response(401)], { requestUrl: 'https://api.example.com/form', method: 'POST' }),
      NOW,
    );
    expect(ctx.exchanges[1]?.method).toBe('GET');
    expect(ctx.exchanges[1]?.url?.href).toBe('https://api.example.com/done');
  });

  it('prefers the URL and method the response itself records over the paste-wide ones', () => {
    // curl -X POST -L keeps POST after a 302; the request line curl -v shows is the truth.
    const ctx = buildContext(
      pasted(
        [
          response(302, {
            headers: [header('Location', '/v2/orders', 3)],
            requestUrl: 'https://api.example.com/v1/orders',
            requestMethod: 'POST',
          }),
          response(401, { requestUrl: 'https://api.example.com/v2/orders', requestMethod: 'POST' }),
        ],
        { requestUrl: 'https://api.example.com/', method: 'GET', requestUrlSchemeAssumed: true },
      ),
      NOW,
    );
    expect(ctx.exchanges.map((e) => [e.url?.href, e.method, e.schemeAssumed])).toEqual([
      ['https://api.example.com/v1/orders', 'POST', false],
      ['https://api.example.com/v2/orders', 'POST', false],
    ]);
  });

  it('assumes nothing about a later response that is not reached by a redirect', () => {
    const ctx = buildContext(
      pasted([response(200), response(401)], { requestUrl: 'http://api.example.com/', requestUrlSchemeAssumed: true }),
      NOW,
    );
    expect(ctx.exchanges[0]?.schemeAssumed).toBe(true);
    expect(ctx.exchanges[1]?.schemeAssumed).toBe(false);
    expect(ctx.exchanges[1]?.url).toBeUndefined();
  });

  it('keeps a guessed scheme guessed only through relative redirects', () => {
    const chain = (location: string | undefined, assumed: boolean) =>
      buildContext(
        pasted([redirectTo(location), response(401)], {
          requestUrl: 'http://api.example.com/orders',
          requestUrlSchemeAssumed: assumed,
        }),
        NOW,
      ).exchanges[1];
    expect(chain('/login', true)?.schemeAssumed).toBe(true);
    // A query string holding a full URL is still a relative Location.
    expect(chain('/login?next=https://app.example.com/', true)?.schemeAssumed).toBe(true);
    expect(chain('https://sso.example.com/login', true)?.schemeAssumed).toBe(false);
    expect(chain('https://sso.example.com/login', true)?.url?.href).toBe('https://sso.example.com/login');
    expect(chain('/login', false)?.schemeAssumed).toBe(false);
    expect(chain(undefined, true)?.schemeAssumed).toBe(false);
    expect(chain(undefined, true)?.url).toBeUndefined();
  });

  it("gives the paste's request headers to the first response only", () => {
    const auth = header('Authorization', 'Bearer abc', 2);
    const ctx = buildContext(pasted([redirectTo('/next'), response(401)], { requestHeaders: [auth], requestShown: true }), NOW);
    expect(ctx.exchanges[0]?.requestHeaders).toEqual([auth]);
    expect(ctx.exchanges[1]?.requestHeaders).toEqual([]);
  });

  it('knows a request when the paste shows it or when the response carries its headers', () => {
    const sent = [header('Accept', 'application/json', 7)];
    const known = (responses: ParsedResponse[], requestShown: boolean) =>
      buildContext(pasted(responses, { requestShown }), NOW).exchanges.map((e) => e.requestKnown);
    expect(known([response(401)], true)).toEqual([true]);
    expect(known([response(401)], false)).toEqual([false]);
    expect(known([redirectTo('/a'), response(401, { requestHeaders: sent })], false)).toEqual([false, true]);
    expect(known([redirectTo('/a'), response(401)], true)).toEqual([true, false]);
  });

  it('quotes the status line, else the first header, else nothing', () => {
    const statusLine = { text: 'HTTP/2 401', lineNo: 4 };
    const ctx = buildContext(
      pasted([
        response(401, { statusLine, headers: [header('Server', 'nginx', 5)] }),
        response(401, { headers: [header('WWW-Authenticate', 'Bearer', 9)] }),
        response(undefined),
      ]),
      NOW,
    );
    expect(ctx.exchanges.map((e) => e.anchor)).toEqual([
      statusLine,
      { text: 'WWW-Authenticate: Bearer', lineNo: 9 },
      { text: '', lineNo: 0 },
    ]);
    expect(ctx.exchanges.map((e) => e.headersKnown)).toEqual([true, true, false]);
  });
});

describe('buildContext: the focus', () => {
  const focusOf = (statuses: number[]) => buildContext(pasted(statuses.map((s) => response(s))), NOW).focus?.index;

  it('is the last error, not a success that came after it', () => {
    expect(focusOf([302, 401, 200])).toBe(1);
    expect(focusOf([401, 403, 200])).toBe(1);
  });

  it('counts 400 as an error', () => {
    expect(focusOf([302, 400, 200])).toBe(1);
  });

  it('is the last response when none failed, and absent when there is no response', () => {
    expect(focusOf([301, 200])).toBe(1);
    expect(buildContext(pasted([]), NOW).focus).toBeUndefined();
  });
});

describe('requestAnchor', () => {
  it("quotes the response's own request line, then the paste's request line for the first response, then the first request header", () => {
    const pasteLine = { text: '$ curl -i https://api.example.com/me', lineNo: 1 };
    const ownLine = { text: '> GET /me HTTP/1.1', lineNo: 3 };
    const ctx = buildContext(
      pasted(
        [
          response(302, { headers: [header('Location', '/login', 6)], requestHeaders: [header('Accept', '*/*', 2)] }),
          response(401, { requestHeaders: [header('Cookie', 'sid=1', 8)] }),
          response(401, { requestLine: ownLine }),
        ],
        { requestLine: pasteLine, requestShown: true },
      ),
      NOW,
    );
    const [a, b, c] = ctx.exchanges;
    if (!a || !b || !c) throw new Error('three exchanges expected');
    expect(requestAnchor(ctx, a)).toEqual(pasteLine);
    expect(requestAnchor(ctx, b)).toEqual({ text: 'Cookie: sid=1', lineNo: 8 });
    expect(requestAnchor(ctx, c)).toEqual(ownLine);
  });
});

describe('decodeJwt: claims', () => {
  it('keeps aud as one value even with a space, and splits an Azure scp string like scope', () => {
    const r = decodeJwt(makeJwt({ aud: 'Orders API', scp: 'User.Read Mail.Send', exp: t + 600 }), { now: NOW });
    expect(r.aud).toEqual(['Orders API']);
    expect(r.scopes).toEqual(['User.Read', 'Mail.Send']);
  });

  it('drops blank scope entries and list members that are not strings', () => {
    const r = decodeJwt(makeJwt({ scope: ' openid  profile ', scp: ['admin', 7], aud: ['api', 42, null], exp: t + 600 }), {
      now: NOW,
    });
    expect(r.scopes).toEqual(['openid', 'profile', 'admin']);
    expect(r.aud).toEqual(['api']);
    expect(decodeJwt(makeJwt({ scope: '', exp: t + 600 }), { now: NOW }).scopes).toEqual([]);
  });

  it('lists no audience and no scope when the token has none', () => {
    const r = decodeJwt(makeJwt({ sub: 'u1', exp: t + 600 }), { now: NOW });
    expect(r.aud).toEqual([]);
    expect(r.scopes).toEqual([]);
  });
});

describe('decodeJwt: unreadable and encrypted tokens', () => {
  it('never calls a malformed or encrypted token expired or not yet valid', () => {
    const jwe = `${b64url('{"alg":"RSA-OAEP-256","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`;
    for (const token of ['a.b', jwe]) {
      const r = decodeJwt(token, { now: NOW });
      expect(r).toMatchObject({ expired: false, notYetValid: false, aud: [], scopes: [] });
    }
  });

  it('explains an encrypted token in full, keeping its readable header', () => {
    const head = { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'enc-1' };
    const r = decodeJwt(`${b64url(JSON.stringify(head))}.a2V5.aXY.Y2lwaGVy.dGFn`, { now: NOW });
    expect(r.header).toEqual(head);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      id: 'token-encrypted',
      severity: 'info',
      title: 'This is an encrypted token (JWE); its claims cannot be read here',
      detail:
        'A token with five parts is encrypted (RSA-OAEP-256, A256GCM). Only the holder of the decryption key, ' +
        'usually the API that accepts it, can see the claims. Check its expiry in the server logs or with the issuer.',
    });
  });

  it('names only the algorithms the JWE header gives, and none when its header is unreadable', () => {
    const direct = decodeJwt(`${b64url('{"alg":"dir"}')}..aXY.Y2lwaGVy.dGFn`, { now: NOW });
    expect(direct.findings[0]?.detail).toMatch(/^A token with five parts is encrypted \(dir\)\. Only/);
    // The header was cut while copying: still five parts, so still a JWE, just without a header to show.
    const cut = decodeJwt(`${b64url('{"alg":"RSA-OAEP')}.a2V5.aXY.Y2lwaGVy.dGFn`, { now: NOW });
    expect(cut.kind).toBe('jwe');
    expect(cut.header).toBeUndefined();
    expect(cut.findings[0]?.detail).toMatch(/^A token with five parts is encrypted\. Only/);
  });

  it('quotes up to 200 characters of the input, then cuts with an ellipsis', () => {
    const at200 = 'a'.repeat(200);
    const r200 = decodeJwt(at200, { now: NOW });
    expect(r200.findings[0]).toMatchObject({ id: 'token-malformed', title: 'This token cannot be read', quote: at200 });
    expect(decodeJwt(`${at200}b`, { now: NOW }).findings[0]?.quote).toBe(`${at200}…`);
  });

  it('reads an input of exactly the size cap, and refuses one character more with a short quote', () => {
    const atCap = decodeJwt('x'.repeat(MAX_TOKEN_CHARS), { now: NOW });
    expect(atCap.error).toMatch(/this has none/);
    expect(atCap.findings[0]?.quote).toBe(`${'x'.repeat(200)}…`);
    const over = decodeJwt('x'.repeat(MAX_TOKEN_CHARS + 1), { now: NOW });
    expect(over).toMatchObject({
      kind: 'malformed',
      token: '',
      error: 'This is far longer than any real token; paste only the token itself.',
    });
    expect(over.findings[0]?.quote).toBe('x'.repeat(80));
  });
});

describe('decodeJwt: why a token cannot be read', () => {
  const errorOf = (token: string) => decodeJwt(token, { now: NOW }).error;
  const head = b64url('{"alg":"HS256"}');

  it('says an opaque token has no dots, rather than counting one part', () => {
    expect(errorOf('ya29.a0AfH6SMB')).toMatch(/this has 2\./);
    expect(errorOf('gho_16C7e42F292c6912E7710c838347Ae178B4a')).toBe(
      'A JWT has three parts separated by dots; this has none. It may be an opaque token, which only its issuer ' +
        'can look up, or only part of a JWT was copied.',
    );
  });

  it('names the part that is not JSON or not base64url', () => {
    expect(errorOf(`${head}.${b64url('not json')}.c2ln`)).toBe('The payload decodes, but not to JSON.');
    expect(errorOf(`${head.slice(0, 4)}!${head.slice(4)}.${b64url('{}')}.c2ln`)).toBe(
      'The header contains characters that are not base64url (only A-Z, a-z, 0-9, - and _ are allowed).',
    );
  });

  it('refuses JSON that is not an object: null, a string, a number', () => {
    for (const json of ['null', '"user-1"', '42']) {
      const r = decodeJwt(`${head}.${b64url(json)}.c2ln`, { now: NOW });
      expect(r.kind, json).toBe('malformed');
      expect(r.error, json).toBe('The payload is JSON but not an object.');
    }
  });

  it('treats only the whole token being "undefined" or "null" as a missing token', () => {
    expect(errorOf('Bearer null')).toMatch(/^The token is the text "null"/);
    expect(errorOf('nullable5f2a')).toMatch(/this has none/);
    expect(errorOf('sk_test_undefined')).toMatch(/this has none/);
  });

  it('says when a part is too deeply nested for the browser to parse', () => {
    // Firefox throws InternalError "too much recursion" rather than a SyntaxError on very deep JSON.
    const parse = vi.spyOn(JSON, 'parse').mockImplementationOnce(() => {
      throw new RangeError('too much recursion');
    });
    try {
      expect(errorOf(`${head}.${b64url('{}')}.c2ln`)).toBe('The header is too deeply nested to read.');
    } finally {
      parse.mockRestore();
    }
  });
});

describe('decodeJwt: base64url padding', () => {
  it('accepts parts that keep their "=" or "==" padding', () => {
    const h = b64urlPadded('{"alg":"RS256","kid":"k1"}');
    const p = b64urlPadded(JSON.stringify({ sub: 'u123', exp: t + 600 }));
    expect(h.endsWith('=') && !h.endsWith('==')).toBe(true);
    expect(p.endsWith('==')).toBe(true);
    const r = decodeJwt(`${h}.${p}.c2ln`, { now: NOW });
    expect(r.kind).toBe('jws');
    expect(r).toMatchObject({ alg: 'RS256', kid: 'k1', sub: 'u123' });
  });

  it('refuses more padding than base64 allows', () => {
    const h = b64url('{"alg":"RS256"}');
    expect(decodeJwt(`${h}===.${b64url('{}')}.c2ln`, { now: NOW }).error).toBe(
      'The header contains characters that are not base64url (only A-Z, a-z, 0-9, - and _ are allowed).',
    );
  });
});

describe('cleanToken', () => {
  const token = makeJwt({ sub: 'u1', exp: t + 600 });

  it('strips the header name and scheme however they are punctuated', () => {
    expect(cleanToken(`Authorization:Bearer ${token}`)).toBe(token);
    expect(cleanToken(`Bearer: ${token}`)).toBe(token);
    expect(cleanToken(`Bearer:${token}`)).toBe(token);
  });

  it('leaves "bearer" inside the token alone', () => {
    const inside = `${token.slice(0, token.lastIndexOf('.'))}.xBearerSig0`;
    expect(cleanToken(inside)).toBe(inside);
  });

  it('strips matching single or double quotes, and nothing else at the ends', () => {
    expect(cleanToken(`'${token}'`)).toBe(token);
    expect(cleanToken(`"${token}`)).toBe(`"${token}`);
    // A token that merely starts and ends with the same letter keeps both.
    const sameEnds = `${token.slice(0, token.lastIndexOf('.'))}.c2lnbmF0dXJle`;
    expect(sameEnds.startsWith('e') && sameEnds.endsWith('e')).toBe(true);
    expect(cleanToken(sameEnds)).toBe(sameEnds);
  });

  it('reads an empty pair of quotes as an empty token, and a lone quote as itself', () => {
    expect(decodeJwt('Bearer ""', { now: NOW }).error).toBe('Nothing to decode: the token is empty.');
    expect(cleanToken('"')).toBe('"');
  });
});

describe('looksLikeJwt', () => {
  it('accepts a signed or an encrypted compact token', () => {
    expect(looksLikeJwt(makeJwt({ sub: 'u1' }))).toBe(true);
    expect(looksLikeJwt(`${b64url('{"alg":"RSA-OAEP-256","enc":"A256GCM"}')}.a2V5.aXY.Y2lwaGVy.dGFn`)).toBe(true);
  });

  it('rejects opaque tokens, other part counts and text around a token', () => {
    const jws = makeJwt({ sub: 'u1' });
    const jwe = `${b64url('{"alg":"dir","enc":"A256GCM"}')}..aXY.Y2lwaGVy.dGFn`;
    expect(looksLikeJwt('gho_16C7e42F292c6912E7710c838347Ae178B4a')).toBe(false);
    expect(looksLikeJwt(`${jws}.extra`)).toBe(false);
    expect(looksLikeJwt(`${jwe}.extra`)).toBe(false);
    expect(looksLikeJwt(`Token ${jws}`)).toBe(false);
    expect(looksLikeJwt(`Token ${jwe}`)).toBe(false);
  });
});

describe('referenceClock: labels and fallbacks', () => {
  const deviceNow = new Date('2025-06-01T12:00:00Z');
  const DATE = 'Sun, 01 Jun 2025 11:00:00 GMT';

  it('uses the device clock when the clock check found no offset', () => {
    const c = referenceClock({ deviceNow, clockOffsetMs: 0 });
    expect(c.source).toBe('device');
    expect(c.now).toBe(deviceNow);
  });

  it('says in seconds how far the device is behind or ahead of the server', () => {
    const behind = referenceClock({ deviceNow, clockOffsetMs: 90_000 });
    expect(behind.now.toISOString()).toBe('2025-06-01T12:01:30.000Z');
    expect(behind.label).toBe('Times judged by the server clock from the clock check (your device is 90 s behind).');
    expect(referenceClock({ deviceNow, clockOffsetMs: -120_400 }).label).toBe(
      'Times judged by the server clock from the clock check (your device is 120 s ahead).',
    );
  });

  it('reads a Date header of up to 100 characters and ignores a longer one', () => {
    const at100 = DATE.padEnd(100);
    expect(referenceClock({ deviceNow, responseDate: at100 }).source).toBe('response-date');
    expect(referenceClock({ deviceNow, responseDate: `${at100} ` }).source).toBe('device');
  });
});

describe('checkClock: edges and wording', () => {
  const SERVER = Date.parse('2025-06-01T12:00:00Z');
  const DATE = 'Sun, 01 Jun 2025 12:00:00 GMT';
  const timingsError = {
    ok: false,
    skewed: false,
    findings: [],
    error: 'The request timings are not usable (the response arrived before it was sent).',
  };

  it('refuses timings that are not times, even when only one of them is broken, and says that is why', () => {
    const invalid = new Date('not a time');
    const notATime = { ...timingsError, error: 'The request timings are not usable (a send or receive time is missing or not a time).' };
    expect(checkClock({ dateHeader: DATE, sentAt: invalid, receivedAt: SERVER })).toEqual(notATime);
    expect(checkClock({ dateHeader: DATE, sentAt: SERVER, receivedAt: Number.NaN })).toEqual(notATime);
    expect(checkClock({ dateHeader: DATE, sentAt: SERVER, receivedAt: Number.POSITIVE_INFINITY })).toEqual(notATime);
  });

  it('refuses a response that arrived before it was sent, and takes one that arrived the same millisecond', () => {
    expect(checkClock({ dateHeader: DATE, sentAt: SERVER, receivedAt: SERVER - 1 })).toEqual(timingsError);
    expect(checkClock({ dateHeader: DATE, sentAt: SERVER, receivedAt: SERVER }).ok).toBe(true);
  });

  it('names the header it could not read', () => {
    expect(checkClock({ dateHeader: 'yesterday-ish', sentAt: SERVER, receivedAt: SERVER })).toEqual({
      ok: false,
      skewed: false,
      findings: [],
      error: 'The Date header "yesterday-ish" is not a date.',
    });
  });

  it('reads a Date header of up to 100 characters, and no longer one even if it would parse', () => {
    // A parenthesised comment is skipped by Date.parse, so only the length cap refuses these.
    const at100 = `${DATE} (${'x'.repeat(68)})`;
    expect(at100).toHaveLength(100);
    expect(checkClock({ dateHeader: at100, sentAt: SERVER, receivedAt: SERVER }).ok).toBe(true);
    expect(checkClock({ dateHeader: `${DATE} (${'x'.repeat(69)})`, sentAt: SERVER, receivedAt: SERVER }).ok).toBe(false);
  });

  it('quotes the Date header without the spaces it was pasted with, and explains the device fix', () => {
    const device = SERVER - 5 * 60_000;
    const r = checkClock({ dateHeader: `  ${DATE} `, sentAt: device, receivedAt: device });
    expect(r.findings[0]).toMatchObject({
      id: 'device-clock-skewed',
      quote: `Date: ${DATE}`,
      detail:
        "The server's clock says 2025-06-01T12:00:00.500Z. Sign-in tokens and one-time codes are checked against " +
        'the time, so a clock this far off gets valid logins rejected. Turn on automatic date and time.',
    });
  });

  it('says the server is behind when its Date is earlier than the device time, and explains the server fix', () => {
    const device = SERVER + 10 * 60_000;
    const r = checkClock({ dateHeader: DATE, sentAt: device, receivedAt: device, subject: 'server' });
    expect(r.direction).toBe('behind');
    expect(r.findings[0]).toMatchObject({
      id: 'server-clock-skewed',
      title: "The server's clock is about 10 minutes behind",
      detail:
        "Compared with this device, the server's Date header is 10 minutes behind. Tokens it issues or checks " +
        'will look expired or not yet valid elsewhere. Sync it with NTP (chrony or systemd-timesyncd).',
    });
  });

  it('calls the check imprecise only when the uncertainty goes beyond 60 s', () => {
    // Centre the round trip on the server time so only the uncertainty differs.
    const around = (roundTripMs: number) => {
      const sent = SERVER + 500 - roundTripMs / 2;
      return checkClock({ dateHeader: DATE, sentAt: sent, receivedAt: sent + roundTripMs });
    };
    const exact = around(119_000);
    expect(exact.uncertaintyMs).toBe(60_000);
    expect(exact.findings).toEqual([]);
    const beyond = around(119_002);
    expect(beyond.uncertaintyMs).toBe(60_001);
    expect(beyond.findings).toEqual([
      {
        id: 'clock-check-imprecise',
        severity: 'info',
        title: 'The request took too long for a precise clock check',
        detail:
          'The round trip took 2 minutes, so the offset can be wrong by up to 60 seconds. Try again on a faster connection.',
        quote: `Date: ${DATE}`,
      },
    ]);
  });
});
