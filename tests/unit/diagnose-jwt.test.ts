import { beforeEach, describe, expect, it } from 'vitest';
import { cleanToken, decodeJwt, prettyJson, referenceClock, MAX_PRETTY_DEPTH } from '../../src/diagnose';
import { makeJwt, NOW } from './fixtures/diagnose-corpus';

beforeEach(() => {
  expect.hasAssertions();
});

const t = Math.floor(NOW.getTime() / 1000);
const ids = (token: string, clockOffsetMs?: number) =>
  decodeJwt(token, { now: NOW, ...(clockOffsetMs !== undefined && { clockOffsetMs }) }).findings.map((f) => f.id);

function b64url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

describe('decodeJwt', () => {
  it('reads header and payload claims', () => {
    const token = makeJwt(
      {
        iss: 'https://issuer.example/',
        sub: 'u1',
        aud: 'api',
        scope: 'read write',
        scp: ['admin'],
        iat: t - 10,
        exp: t + 600,
      },
      { alg: 'RS256', kid: 'key-2024', typ: 'at+jwt' },
    );
    const r = decodeJwt(token, { now: NOW });
    expect(r.kind).toBe('jws');
    expect(r.header).toEqual({ alg: 'RS256', kid: 'key-2024', typ: 'at+jwt' });
    expect(r).toMatchObject({
      alg: 'RS256',
      kid: 'key-2024',
      typ: 'at+jwt',
      iss: 'https://issuer.example/',
      sub: 'u1',
    });
    expect(r.aud).toEqual(['api']);
    expect(r.scopes).toEqual(['read', 'write', 'admin']);
    expect(r.exp?.date?.toISOString()).toBe(new Date((t + 600) * 1000).toISOString());
    expect(r.exp?.relative).toBe('in 10 minutes');
    expect(r.iat?.relative).toBe('10 seconds ago');
    expect(r.expired).toBe(false);
    expect(r.findings).toEqual([]);
  });

  it('keeps aud as a list and decodes UTF-8 text', () => {
    const r = decodeJwt(makeJwt({ aud: ['a', 'b'], name: 'Zoë Ångström 日本', exp: t + 60 }), { now: NOW });
    expect(r.aud).toEqual(['a', 'b']);
    expect(r.payload?.['name']).toBe('Zoë Ångström 日本');
  });

  it('flags an expired token beyond the 60 s allowance, and one within it as a warning', () => {
    expect(ids(makeJwt({ exp: t - 3600 }))).toEqual(['token-expired']);
    expect(decodeJwt(makeJwt({ exp: t - 3600 }), { now: NOW }).expired).toBe(true);
    expect(ids(makeJwt({ exp: t - 30 }))).toEqual(['token-expired-within-leeway']);
    expect(decodeJwt(makeJwt({ exp: t - 30 }), { now: NOW }).expired).toBe(false);
    expect(ids(makeJwt({ exp: t + 30 }))).toEqual([]);
  });

  it('flags nbf and iat in the future beyond the allowance', () => {
    const r = decodeJwt(makeJwt({ nbf: t + 300, iat: t + 300, exp: t + 900 }), { now: NOW });
    expect(r.notYetValid).toBe(true);
    expect(r.findings.map((f) => f.id)).toEqual(['token-not-yet-valid', 'token-issued-in-future']);
    expect(r.findings[0]?.fixId).toBe('clock-skew-server');
    expect(ids(makeJwt({ nbf: t + 30, exp: t + 900 }))).toEqual([]);
  });

  it('judges the times by the server clock when given the offset from the clock check', () => {
    // The device is 2 hours ahead: by its clock the token expired, by the server's it has not.
    const token = makeJwt({ exp: t + 600 });
    const twoHoursMs = 2 * 3600 * 1000;
    const deviceNow = new Date(NOW.getTime() + twoHoursMs);
    expect(decodeJwt(token, { now: deviceNow }).expired).toBe(true);
    expect(decodeJwt(token, { now: deviceNow, clockOffsetMs: -twoHoursMs }).expired).toBe(false);
  });

  it('explains alg "none"', () => {
    const token = `${b64url('{"alg":"none","typ":"JWT"}')}.${b64url(`{"sub":"x","exp":${t + 60}}`)}.`;
    const r = decodeJwt(token, { now: NOW });
    expect(r.findings.map((f) => f.id)).toEqual(['token-alg-none']);
    expect(r.findings[0]?.fixId).toBe('jwt-validation-mismatch');
  });

  it('notices a missing signature, exp in milliseconds, non-numeric claims and no expiry', () => {
    expect(ids(`${b64url('{"alg":"HS256"}')}.${b64url(`{"exp":${t + 60}}`)}.`)).toEqual(['token-signature-missing']);
    expect(ids(makeJwt({ exp: NOW.getTime() + 60_000 }))).toEqual(['token-exp-in-milliseconds']);
    expect(ids(makeJwt({ exp: '1717243200' }))).toEqual(['token-claim-not-numeric']);
    expect(ids(makeJwt({ sub: 'x' }))).toEqual(['token-no-expiry']);
  });

  it('strips "Bearer", "Authorization:", quotes and whitespace', () => {
    const token = makeJwt({ exp: t + 60 });
    expect(cleanToken(`Authorization: Bearer ${token}`)).toBe(token);
    expect(cleanToken(`  bearer ${token.slice(0, 20)}\n  ${token.slice(20)}  `)).toBe(token);
    expect(cleanToken(`"${token}"`)).toBe(token);
    expect(decodeJwt(`Bearer ${token}`, { now: NOW }).kind).toBe('jws');
  });

  it('explains malformed tokens without throwing', () => {
    const cases: Array<[string, RegExp]> = [
      ['', /empty/],
      ['undefined', /had no token/],
      ['opaque-token-value', /three parts/],
      ['a.b', /has 2/],
      ['a.b.c.d', /has 4/],
      ['eyJ!!.eyJ.sig', /not base64url/],
      [`${b64url('{"alg":"HS256"}')}.${b64url('not json')}.sig`, /not to JSON/],
      [`${b64url('[1,2]')}.${b64url('{}')}.sig`, /not an object/],
      [
        `${b64url('{"alg":"HS256"}')}.${btoa('\u00ff\u00fe').replace(/\//g, '_').replace(/\+/g, '-').replace(/=+$/, '')}.sig`,
        /not UTF-8/,
      ],
      ['abcde.abcde.sig', /impossible base64url length|not JSON|not UTF-8/],
      ['x'.repeat(70_000), /far longer/],
    ];
    for (const [token, reason] of cases) {
      const r = decodeJwt(token, { now: NOW });
      expect(r.kind, token.slice(0, 30)).toBe('malformed');
      expect(r.error).toMatch(reason);
      expect(r.findings.map((f) => f.id)).toEqual(['token-malformed']);
    }
  });

  it('recognises an encrypted JWE and reads only its header', () => {
    const jwe = `${b64url('{"alg":"RSA-OAEP-256","enc":"A256GCM","kid":"enc-1"}')}.a2V5.aXY.Y2lwaGVy.dGFn`;
    const r = decodeJwt(jwe, { now: NOW });
    expect(r.kind).toBe('jwe');
    expect(r).toMatchObject({ alg: 'RSA-OAEP-256', kid: 'enc-1' });
    expect(r.payload).toBeUndefined();
    expect(r.findings.map((f) => f.id)).toEqual(['token-encrypted']);
    expect(r.findings[0]?.detail).toMatch(/RSA-OAEP-256, A256GCM/);
  });

  it('allows exactly 60 seconds: expired strictly beyond it, not at it', () => {
    // exp exactly 60 s ago is within the allowance; a validator comparing with ">" still accepts it.
    expect(decodeJwt(makeJwt({ exp: t - 60 }), { now: NOW }).expired).toBe(false);
    expect(ids(makeJwt({ exp: t - 60 }))).toEqual(['token-expired-within-leeway']);
    expect(decodeJwt(makeJwt({ exp: t - 61 }), { now: NOW }).expired).toBe(true);
    expect(decodeJwt(makeJwt({ nbf: t + 60, exp: t + 900 }), { now: NOW }).notYetValid).toBe(false);
    expect(decodeJwt(makeJwt({ nbf: t + 61, exp: t + 900 }), { now: NOW }).notYetValid).toBe(true);
    expect(ids(makeJwt({ iat: t + 60, exp: t + 900 }))).toEqual([]);
  });
});

describe('decodeJwt bounds', () => {
  it('keeps a date outside the calendar as the raw number with a note instead of throwing', () => {
    const r = decodeJwt(makeJwt({ exp: -1e13, nbf: -9e12 }), { now: NOW });
    expect(r.kind).toBe('jws');
    expect(r.exp?.seconds).toBe(-1e13);
    expect(r.exp?.date).toBeUndefined();
    expect(r.exp?.relative).toBe('before any calendar date');
    expect(r.expired).toBe(true);
    const titles = r.findings.map((f) => f.title);
    expect(titles).toContain('The "exp" claim is not a real date');
    expect(r.findings.find((f) => f.id === 'token-expired')?.detail).toMatch(/exp is -10000000000000 \(not a calendar date\)/);
  });

  it.each([2_000, 10_000])('decodes a payload nested %i deep without overflowing, and prints it capped', (depth) => {
    const payload = `{"sub":"1","exp":${t + 600},"x":${'['.repeat(depth)}1${']'.repeat(depth)}}`;
    const token = `${b64url('{"alg":"RS256"}')}.${b64url(payload)}.c2ln`;
    const start = performance.now();
    const r = decodeJwt(token, { now: NOW });
    const pretty = prettyJson(r.payload);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(r.kind).toBe('jws');
    expect(pretty.truncated).toBe('depth');
    expect(pretty.text.length).toBeLessThan(5_000);
    expect(pretty.text).toContain('[…]');
  });

  it('prints like JSON.stringify(v, null, 2) when within the caps, and cuts long output', () => {
    const value = { a: [1, 'two', { b: null, c: [] }], d: {}, e: 'x"y' };
    expect(prettyJson(value)).toEqual({ text: JSON.stringify(value, null, 2) });
    const long = prettyJson({ blob: 'a'.repeat(50_000) });
    expect(long.truncated).toBe('size');
    expect(long.text.length).toBeLessThanOrEqual(20_001);
    expect(prettyJson([[[1]]], 2).text).toBe('[\n  [\n    […]\n  ]\n]');
    expect(MAX_PRETTY_DEPTH).toBeGreaterThan(5);
  });
});

describe('referenceClock', () => {
  const deviceNow = new Date('2029-01-01T00:00:00Z');
  it("uses the pasted response's Date header first, and says so", () => {
    const c = referenceClock({ deviceNow, responseDate: 'Sun, 01 Jun 2025 12:00:00 GMT', clockOffsetMs: 5000 });
    expect(c.source).toBe('response-date');
    expect(c.now.toISOString()).toBe('2025-06-01T12:00:00.000Z');
    expect(c.label).toMatch(/pasted response's Date header \(2025-06-01T12:00:00Z\)/);
    // A token that expired by the device's clock years later is still valid at the time of the 401.
    const token = makeJwt({ exp: t + 600 });
    expect(decodeJwt(token, { now: c.now }).expired).toBe(false);
    expect(decodeJwt(token, { now: deviceNow }).expired).toBe(true);
  });
  it('falls back to the clock check, then the device clock', () => {
    expect(referenceClock({ deviceNow, responseDate: 'not a date', clockOffsetMs: -120_000 })).toMatchObject({ source: 'server-clock', now: new Date(deviceNow.getTime() - 120_000) });
    const device = referenceClock({ deviceNow });
    expect(device.source).toBe('device');
    expect(device.now).toBe(deviceNow);
    expect(device.label).toMatch(/this device's clock/);
  });
});
