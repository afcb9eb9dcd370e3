/**
 * What a decoded JWT's claims say about a 401: its times against a clock, an
 * unsigned or cut-off token, dates written in milliseconds or out of range.
 */
import { makeFinding, type Finding } from './finding';
import type { JsonObject } from './jwt-decode';
import { duration, relative, shown } from './text';

/** Validators usually allow this much clock difference (jsonwebtoken clockTolerance, Spring, Keycloak). */
export const CLOCK_SKEW_ALLOWANCE_MS = 60_000;
/** The largest time a JavaScript Date holds (ECMA-262: 8.64e15 ms either side of 1970). */
const MAX_DATE_MS = 8.64e15;

export type TimeClaimName = 'exp' | 'nbf' | 'iat';

export interface TimeClaim {
  readonly claim: TimeClaimName;
  /** The raw NumericDate (seconds since 1970). */
  readonly seconds: number;
  /** Absent when the number is outside the dates a calendar (and a Date) can hold. */
  readonly date?: Date;
  /** date minus the reference time: negative is in the past. */
  readonly relativeMs: number;
  /** "in 5 minutes" / "3 hours ago". */
  readonly relative: string;
}

/** The claim as an ISO date, or as the raw number with a note when no calendar date fits. */
export function claimWhen(t: TimeClaim): string {
  return t.date ? t.date.toISOString().replace('.000Z', 'Z') : `${t.seconds} (not a calendar date)`;
}

function timeClaim(claim: TimeClaimName, seconds: number, nowMs: number): TimeClaim {
  const ms = seconds * 1000;
  if (Math.abs(ms) > MAX_DATE_MS) {
    const relativeMs = ms > 0 ? MAX_DATE_MS : -MAX_DATE_MS;
    return { claim, seconds, relativeMs, relative: ms > 0 ? 'beyond any calendar date' : 'before any calendar date' };
  }
  const relativeMs = ms - nowMs;
  return { claim, seconds, date: new Date(ms), relativeMs, relative: relative(relativeMs) };
}

/** Reads exp, nbf and iat; numbers that are no date get a finding instead of a time. */
export function timeClaims(payload: JsonObject, nowMs: number, quote: string, findings: Finding[]) {
  const times: Partial<Record<TimeClaimName, TimeClaim>> = {};
  for (const claim of ['exp', 'nbf', 'iat'] as const) {
    const raw = payload[claim];
    if (raw === undefined) continue;
    if (typeof raw !== 'number' || !Number.isFinite(raw)) {
      findings.push(
        makeFinding(
          'token-claim-not-numeric',
          `The "${claim}" claim is not a number`,
          `"${claim}" must be seconds since 1970 as a JSON number (RFC 7519 section 2, NumericDate); ` +
            `this token has ${shown(JSON.stringify(raw) ?? String(raw), 60)}. Many libraries reject such a token.`,
          quote,
        ),
      );
      continue;
    }
    if (raw > 1e11) {
      findings.push(
        makeFinding(
          'token-exp-in-milliseconds',
          `The "${claim}" claim looks like milliseconds, not seconds`,
          `${shown(String(raw), 40)} is a date thousands of years ahead if read as seconds, which is what JWT requires. ` +
            'The issuer probably used Date.now() instead of Math.floor(Date.now() / 1000).',
          quote,
        ),
      );
      continue;
    }
    times[claim] = timeClaim(claim, raw, nowMs);
    if (times[claim]?.date === undefined) {
      findings.push(
        makeFinding(
          'token-claim-not-numeric',
          `The "${claim}" claim is not a real date`,
          `${shown(String(raw), 40)} seconds is before any date a calendar can show, so it is shown as the raw number. ` +
            'The issuer wrote a wrong value; validators reject the token or read it wrongly.',
          quote,
        ),
      );
    }
  }
  return times;
}

export function signatureFindings(alg: string | undefined, signature: string, quote: string): Finding[] {
  if (alg !== undefined && alg.toLowerCase() === 'none') {
    return [
      makeFinding(
        'token-alg-none',
        'The token is unsigned (alg "none")',
        'Anyone can forge a token with alg "none", so every correct server rejects it. ' +
          'The issuer is misconfigured, or the token was built by hand.',
        quote,
      ),
    ];
  }
  if (signature !== '') return [];
  return [
    makeFinding(
      'token-signature-missing',
      'The token has no signature',
      `The header says it is signed with ${shown(alg ?? 'an unnamed algorithm')}, but the third part is empty, ` +
        'so no server can verify it. The signature was probably cut off when copying.',
      quote,
    ),
  ];
}

/** A time is past (or ahead) by more than the allowance: strictly more, as validators compare. */
export function beyondAllowance(ms: number): boolean {
  return ms > CLOCK_SKEW_ALLOWANCE_MS;
}

export function timeFindings(times: Partial<Record<TimeClaimName, TimeClaim>>, hasExp: boolean, quote: string): Finding[] {
  const { exp, nbf, iat } = times;
  const findings: Finding[] = [];
  if (exp && beyondAllowance(-exp.relativeMs)) {
    findings.push(
      makeFinding(
        'token-expired',
        `The token expired ${duration(exp.relativeMs)} ago`,
        `exp is ${claimWhen(exp)}. An expired token gets 401 everywhere; the client must refresh it ` +
          '(or sign in again) and retry once.',
        quote,
      ),
    );
  } else if (exp && exp.relativeMs < 0) {
    findings.push(
      makeFinding(
        'token-expired-within-leeway',
        `The token expired ${duration(exp.relativeMs)} ago`,
        `exp is ${claimWhen(exp)}. Servers that allow about 60 seconds of clock difference still accept it, ` +
          'stricter ones already answer 401. Refresh tokens a little before they expire.',
        quote,
      ),
    );
  }
  if (nbf && beyondAllowance(nbf.relativeMs)) {
    findings.push(
      makeFinding(
        'token-not-yet-valid',
        `The token is not valid for another ${duration(nbf.relativeMs)}`,
        `nbf (not before) is ${claimWhen(nbf)}. Fresh tokens that are "not yet valid" almost always mean ` +
          "the issuer's clock and the checking clock disagree.",
        quote,
      ),
    );
  }
  if (iat && beyondAllowance(iat.relativeMs)) {
    findings.push(
      makeFinding(
        'token-issued-in-future',
        `The token says it was issued ${duration(iat.relativeMs)} from now`,
        `iat (issued at) is ${claimWhen(iat)}. Servers that check iat reject it; the issuer's clock is ahead ` +
          'or the clock it is checked against is behind.',
        quote,
      ),
    );
  }
  if (!hasExp) {
    findings.push(
      makeFinding(
        'token-no-expiry',
        'The token has no expiry (exp)',
        'It never expires by itself, so a 401 is not about its age: look at the signature, issuer, audience or revocation.',
        quote,
      ),
    );
  }
  return findings;
}
