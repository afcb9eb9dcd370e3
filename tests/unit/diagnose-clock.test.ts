import { beforeEach, describe, expect, it } from 'vitest';
import { checkClock, decodeJwt } from '../../src/diagnose';
import { makeJwt } from './fixtures/diagnose-corpus';

beforeEach(() => {
  expect.hasAssertions();
});

const SERVER = Date.parse('2025-06-01T12:00:00Z');
const DATE = 'Sun, 01 Jun 2025 12:00:00 GMT';

describe('checkClock', () => {
  it('uses the midpoint of the round trip and the half second the Date header rounds away', () => {
    // Device sent at server-2s and got the answer at server+2s: midpoint equals server time.
    const r = checkClock({ dateHeader: DATE, sentAt: SERVER - 2000, receivedAt: SERVER + 2000 });
    expect(r.ok).toBe(true);
    expect(r.roundTripMs).toBe(4000);
    expect(r.offsetMs).toBe(500);
    expect(r.uncertaintyMs).toBe(2500);
    expect(r.skewed).toBe(false);
    expect(r.direction).toBe('in-sync');
    expect(r.findings).toEqual([]);
    expect(r.serverTime?.toISOString()).toBe('2025-06-01T12:00:00.000Z');
  });

  it('says the device is behind when the server is ahead, and links the visitor fix', () => {
    const device = SERVER - 5 * 60_000;
    const r = checkClock({ dateHeader: DATE, sentAt: device - 100, receivedAt: device + 100 });
    expect(r.offsetMs).toBe(300_500);
    expect(r.skewed).toBe(true);
    expect(r.direction).toBe('behind');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({
      id: 'device-clock-skewed',
      fixId: 'device-clock-wrong',
      severity: 'problem',
      quote: `Date: ${DATE}`,
    });
    expect(r.findings[0]?.title).toBe("This device's clock is about 5 minutes behind");
  });

  it('links the server fix and flips the wording when the server is the subject', () => {
    const device = SERVER - 10 * 60_000;
    const r = checkClock({ dateHeader: DATE, sentAt: device, receivedAt: device, subject: 'server' });
    expect(r.direction).toBe('ahead');
    expect(r.findings[0]).toMatchObject({ id: 'server-clock-skewed', fixId: 'clock-skew-server' });
    expect(r.findings[0]?.title).toBe("The server's clock is about 10 minutes ahead");
  });

  it('treats 60 s as in sync and anything beyond as skewed', () => {
    const at = (offset: number) => {
      const device = SERVER + 500 - offset;
      return checkClock({ dateHeader: DATE, sentAt: device, receivedAt: device });
    };
    expect(at(60_000).offsetMs).toBe(60_000);
    expect(at(60_000).skewed).toBe(false);
    expect(at(60_001).skewed).toBe(true);
    expect(at(-60_001).direction).toBe('ahead');
  });

  it('warns when the round trip is too slow for a precise answer', () => {
    const r = checkClock({
      dateHeader: DATE,
      sentAt: new Date(SERVER - 90_000),
      receivedAt: new Date(SERVER + 90_000),
    });
    expect(r.findings.map((f) => f.id)).toEqual(['clock-check-imprecise']);
  });

  it('refuses unusable input', () => {
    expect(checkClock({ dateHeader: 'yesterday-ish', sentAt: SERVER, receivedAt: SERVER })).toMatchObject({
      ok: false,
      skewed: false,
    });
    expect(checkClock({ dateHeader: DATE, sentAt: SERVER, receivedAt: SERVER - 1 })).toMatchObject({ ok: false });
    expect(checkClock({ dateHeader: `${DATE}${' x'.repeat(100)}`, sentAt: SERVER, receivedAt: SERVER }).ok).toBe(false);
  });

  it('gives an offset that decodeJwt can use to judge a token by the server clock', () => {
    const device = SERVER + 3 * 3600_000; // device three hours ahead
    const clock = checkClock({ dateHeader: DATE, sentAt: device, receivedAt: device });
    const token = makeJwt({ exp: SERVER / 1000 + 900 });
    expect(decodeJwt(token, { now: new Date(device) }).expired).toBe(true);
    expect(decodeJwt(token, { now: new Date(device), clockOffsetMs: clock.offsetMs ?? 0 }).expired).toBe(false);
  });
});
