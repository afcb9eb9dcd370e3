import { describe, expect, it } from 'vitest';
import { cleanToken, decodeJwt } from '../../src/diagnose';
import { makeJwt, NOW } from './fixtures/diagnose-corpus';

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
});
