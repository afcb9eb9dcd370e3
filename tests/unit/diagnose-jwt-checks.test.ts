import { beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/diagnose';
import {
  beyondAllowance,
  claimWhen,
  CLOCK_SKEW_ALLOWANCE_MS,
  signatureFindings,
  timeClaims,
  timeFindings,
  type TimeClaim,
} from '../../src/diagnose/jwt-checks';

beforeEach(() => {
  expect.hasAssertions();
});

const NOW_MS = Date.parse('2025-06-01T12:00:00Z');
const t = NOW_MS / 1000;
const QUOTE = 'Authorization: Bearer eyJ…';

/** Reads the claims the way decodeJwt does: claim findings first, then time findings. */
function check(payload: Record<string, unknown>, nowMs = NOW_MS) {
  const findings: Finding[] = [];
  const times = timeClaims(payload, nowMs, QUOTE, findings);
  findings.push(...timeFindings(times, payload['exp'] !== undefined, QUOTE));
  return { times, findings, ids: findings.map((f) => f.id) };
}

describe('beyondAllowance', () => {
  it('allows up to 60 seconds of clock difference and flags anything strictly beyond', () => {
    expect(CLOCK_SKEW_ALLOWANCE_MS).toBe(60_000);
    expect(beyondAllowance(60_000)).toBe(false);
    expect(beyondAllowance(60_001)).toBe(true);
    expect(beyondAllowance(0)).toBe(false);
    expect(beyondAllowance(-3_600_000)).toBe(false);
  });
});

describe('claimWhen', () => {
  it('shows a whole-second date as ISO without the ".000" milliseconds', () => {
    const { times } = check({ exp: t + 3600 });
    expect(claimWhen(times.exp as TimeClaim)).toBe('2025-06-01T13:00:00Z');
  });

  it('keeps milliseconds when a fractional NumericDate has them', () => {
    const { times } = check({ exp: t + 0.5 });
    expect(claimWhen(times.exp as TimeClaim)).toBe('2025-06-01T12:00:00.500Z');
  });

  it('shows the raw number with a note when no calendar date fits', () => {
    const { times } = check({ exp: -1e13 });
    expect(claimWhen(times.exp as TimeClaim)).toBe('-10000000000000 (not a calendar date)');
  });
});

describe('timeClaims', () => {
  it('reads exp, nbf and iat as dates relative to the reference time', () => {
    const { times, findings } = check({ exp: t + 600, nbf: t - 600, iat: t - 7200 });
    expect(findings).toEqual([]);
    expect(times.exp).toEqual({
      claim: 'exp',
      seconds: t + 600,
      date: new Date(NOW_MS + 600_000),
      relativeMs: 600_000,
      relative: 'in 10 minutes',
    });
    expect(times.nbf?.relative).toBe('10 minutes ago');
    expect(times.nbf?.relativeMs).toBe(-600_000);
    expect(times.iat?.relative).toBe('2 hours ago');
  });

  it('skips claims the token does not have', () => {
    const { times, ids } = check({ sub: 'x' });
    expect(times).toEqual({});
    // Only the missing exp is worth a note; absent nbf and iat are normal.
    expect(ids).toEqual(['token-no-expiry']);
  });

  it.each([
    ['a string of digits', '1717243200', '"1717243200"'],
    ['null', null, 'null'],
    ['a boolean', true, 'true'],
    ['an object', { seconds: 1 }, '{"seconds":1}'],
  ])('reports %s instead of a number, quoting what the token has', (_name, value, written) => {
    const { times, findings } = check({ nbf: value, exp: t + 600 });
    expect(times.nbf).toBeUndefined();
    expect(times.exp).toBeDefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'token-claim-not-numeric',
      title: 'The "nbf" claim is not a number',
      quote: QUOTE,
    });
    expect(findings[0]?.detail).toContain(`this token has ${written}.`);
    expect(findings[0]?.detail).toMatch(/RFC 7519/);
  });

  it('reports a number too large for JSON (1e400 parses to Infinity) as not numeric, not as milliseconds', () => {
    const { times, ids } = check(JSON.parse('{"exp":1e400,"iat":-1e400}') as Record<string, unknown>);
    expect(times).toEqual({});
    expect(ids).toEqual(['token-claim-not-numeric', 'token-claim-not-numeric']);
  });

  it('shortens a huge non-numeric value in the detail', () => {
    const { findings } = check({ exp: 'x'.repeat(500) });
    expect(findings[0]?.detail).not.toContain('x'.repeat(100));
    expect(findings[0]?.detail).toContain('…');
  });

  it('recognises a date written in milliseconds (Date.now()) and does not read it as a time', () => {
    const { times, findings } = check({ exp: NOW_MS + 600_000 });
    expect(times.exp).toBeUndefined();
    expect(findings.map((f) => f.id)).toEqual(['token-exp-in-milliseconds']);
    expect(findings[0]?.title).toBe('The "exp" claim looks like milliseconds, not seconds');
    expect(findings[0]?.detail).toContain(String(NOW_MS + 600_000));
    expect(findings[0]?.detail).toMatch(/Math\.floor\(Date\.now\(\) \/ 1000\)/);
  });

  it('still reads 1e11 seconds (the year 5138) as seconds: only larger numbers are milliseconds', () => {
    const { times, ids } = check({ exp: 1e11 });
    expect(ids).toEqual([]);
    expect(times.exp?.date?.getUTCFullYear()).toBe(5138);
  });

  it('names the claim that is in milliseconds', () => {
    const { findings } = check({ iat: NOW_MS, exp: t + 60 });
    expect(findings.map((f) => f.title)).toEqual(['The "iat" claim looks like milliseconds, not seconds']);
  });

  it('keeps a date before any calendar date as the raw number, in the past, with a note', () => {
    const { times, findings } = check({ exp: -1e13 });
    expect(times.exp).toMatchObject({ claim: 'exp', seconds: -1e13, relative: 'before any calendar date' });
    expect(times.exp?.date).toBeUndefined();
    expect(times.exp?.relativeMs).toBeLessThan(0);
    expect(findings.map((f) => f.id)).toEqual(['token-claim-not-numeric', 'token-expired']);
    expect(findings[0]?.title).toBe('The "exp" claim is not a real date');
    expect(findings[0]?.detail).toContain('-10000000000000 seconds');
    expect(findings[0]?.detail).toMatch(/validators reject the token/);
  });

  it('still dates the earliest time a Date can hold (8.64e15 ms before 1970)', () => {
    const { times, ids } = check({ iat: -8.64e12, exp: t + 60 });
    expect(times.iat?.date?.getTime()).toBe(-8.64e15);
    expect(ids).toEqual([]);
    const past = check({ iat: -8.64e12 - 1, exp: t + 60 });
    expect(past.times.iat?.date).toBeUndefined();
    expect(past.ids).toEqual(['token-claim-not-numeric']);
  });

  it('reports claim problems in the order exp, nbf, iat', () => {
    const { findings } = check({ iat: 'a', nbf: 'b', exp: 'c' });
    expect(findings.map((f) => f.title)).toEqual([
      'The "exp" claim is not a number',
      'The "nbf" claim is not a number',
      'The "iat" claim is not a number',
    ]);
  });
});

describe('signatureFindings', () => {
  it.each(['none', 'None', 'NONE'])('flags alg "%s" as unsigned, whatever the case', (alg) => {
    const findings = signatureFindings(alg, '', QUOTE);
    expect(findings.map((f) => f.id)).toEqual(['token-alg-none']);
    expect(findings[0]?.title).toBe('The token is unsigned (alg "none")');
    // Why it fails and where to look: the issuer, not the client.
    expect(findings[0]?.detail).toMatch(/^Anyone can forge a token/);
    expect(findings[0]?.detail).toMatch(/The issuer is misconfigured/);
    expect(findings[0]?.quote).toBe(QUOTE);
  });

  it('flags alg "none" even when a signature part is present', () => {
    expect(signatureFindings('none', 'c2ln', QUOTE).map((f) => f.id)).toEqual(['token-alg-none']);
  });

  it('has nothing to say about a signed token with a signature', () => {
    expect(signatureFindings('RS256', 'c2ln', QUOTE)).toEqual([]);
    expect(signatureFindings(undefined, 'c2ln', QUOTE)).toEqual([]);
  });

  it('flags an empty signature part, naming the algorithm the header claims', () => {
    const findings = signatureFindings('HS256', '', QUOTE);
    expect(findings.map((f) => f.id)).toEqual(['token-signature-missing']);
    expect(findings[0]?.title).toBe('The token has no signature');
    expect(findings[0]?.detail).toContain('signed with HS256, but the third part is empty');
    expect(findings[0]?.detail).toMatch(/cut off when copying\.$/);
  });

  it('flags an empty signature when the header names no algorithm', () => {
    const findings = signatureFindings(undefined, '', QUOTE);
    expect(findings.map((f) => f.id)).toEqual(['token-signature-missing']);
    expect(findings[0]?.detail).toContain('signed with an unnamed algorithm');
  });

  it('keeps markup from the alg header out of the detail', () => {
    const findings = signatureFindings('<script>', '', QUOTE);
    expect(findings[0]?.detail).not.toMatch(/[<>]/);
  });
});

describe('timeFindings', () => {
  it('says a token expired beyond the allowance, how long ago and when', () => {
    const { findings } = check({ exp: t - 7200 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'token-expired',
      title: 'The token expired 2 hours ago',
      quote: QUOTE,
    });
    expect(findings[0]?.detail).toMatch(/^exp is 2025-06-01T10:00:00Z\. /);
    // The remedy: refresh and retry once.
    expect(findings[0]?.detail).toMatch(/must refresh it \(or sign in again\) and retry once\.$/);
  });

  it('only warns about a token that expired within the allowance', () => {
    const { findings } = check({ exp: t - 30 });
    expect(findings.map((f) => f.id)).toEqual(['token-expired-within-leeway']);
    expect(findings[0]?.title).toBe('The token expired 30 seconds ago');
    expect(findings[0]?.detail).toMatch(/^exp is 2025-06-01T11:59:30Z\. /);
    expect(findings[0]?.detail).toMatch(/stricter ones already answer 401\. Refresh tokens a little before they expire\.$/);
  });

  it('treats 60 seconds past exp as within the allowance and 61 as expired', () => {
    expect(check({ exp: t - 60 }).ids).toEqual(['token-expired-within-leeway']);
    expect(check({ exp: t - 61 }).ids).toEqual(['token-expired']);
  });

  it('says nothing about a token that expires exactly now or later', () => {
    expect(check({ exp: t }).ids).toEqual([]);
    expect(check({ exp: t + 30 }).ids).toEqual([]);
    expect(check({ exp: t - 0.001 }).ids).toEqual(['token-expired-within-leeway']);
  });

  it('says a token is not valid yet when nbf is beyond the allowance, and for how long', () => {
    const { findings } = check({ nbf: t + 300, exp: t + 900 });
    expect(findings.map((f) => f.id)).toEqual(['token-not-yet-valid']);
    expect(findings[0]?.title).toBe('The token is not valid for another 5 minutes');
    expect(findings[0]?.detail).toMatch(/^nbf \(not before\) is 2025-06-01T12:05:00Z\. /);
    expect(findings[0]?.detail).toMatch(/clock and the checking clock disagree\.$/);
    expect(check({ nbf: t + 60, exp: t + 900 }).ids).toEqual([]);
    expect(check({ nbf: t - 3600, exp: t + 900 }).ids).toEqual([]);
  });

  it('says a token was issued in the future when iat is beyond the allowance', () => {
    const { findings } = check({ iat: t + 7200, exp: t + 9000 });
    expect(findings.map((f) => f.id)).toEqual(['token-issued-in-future']);
    expect(findings[0]?.title).toBe('The token says it was issued 2 hours from now');
    expect(findings[0]?.detail).toMatch(/^iat \(issued at\) is 2025-06-01T14:00:00Z\. /);
    expect(findings[0]?.detail).toMatch(/clock it is checked against is behind\.$/);
    expect(check({ iat: t + 60, exp: t + 900 }).ids).toEqual([]);
    expect(check({ iat: t - 3600, exp: t + 900 }).ids).toEqual([]);
  });

  it('reports every time problem of one token, in the order exp, nbf, iat', () => {
    expect(check({ exp: t - 3600, nbf: t + 3600, iat: t + 3600 }).ids).toEqual([
      'token-expired',
      'token-not-yet-valid',
      'token-issued-in-future',
    ]);
  });

  it('notes a token without exp, since its age cannot explain the 401', () => {
    const { findings } = check({ sub: 'x', iat: t - 60 });
    expect(findings.map((f) => f.id)).toEqual(['token-no-expiry']);
    expect(findings[0]?.title).toBe('The token has no expiry (exp)');
    expect(findings[0]?.detail).toMatch(/look at the signature, issuer, audience or revocation/);
    expect(findings[0]?.quote).toBe(QUOTE);
  });

  it('does not call a token expiry-less when it has an exp that could not be read as a time', () => {
    expect(check({ exp: NOW_MS }).ids).toEqual(['token-exp-in-milliseconds']);
    expect(check({ exp: 'soon' }).ids).toEqual(['token-claim-not-numeric']);
  });
});
