/**
 * JWT inspector: decodes a token without verifying it. Verification needs the
 * issuer's key and belongs on the server; what a person stuck on a 401 needs is
 * to see the claims, the times and the obvious mistakes. Uses only atob and
 * TextDecoder so it runs in the browser, and the token never leaves the page.
 */
import { makeFinding, type Finding } from './finding';
import { duration, relative, shown } from './text';

/** Validators usually allow this much clock difference (jsonwebtoken clockTolerance, Spring, Keycloak). */
export const CLOCK_SKEW_ALLOWANCE_MS = 60_000;
/** Far above any real token (browsers cap headers at a few KB); keeps decoding cheap. */
export const MAX_TOKEN_CHARS = 65_536;

export type JsonObject = { readonly [key: string]: unknown };

export interface TimeClaim {
  readonly claim: 'exp' | 'nbf' | 'iat';
  /** The raw NumericDate (seconds since 1970). */
  readonly seconds: number;
  readonly date: Date;
  /** date minus the corrected current time: negative is in the past. */
  readonly relativeMs: number;
  /** "in 5 minutes" / "3 hours ago". */
  readonly relative: string;
}

export type JwtKind = 'jws' | 'jwe' | 'malformed';

export interface JwtReport {
  readonly kind: JwtKind;
  /** The token after stripping "Bearer " and whitespace. */
  readonly token: string;
  readonly header?: JsonObject;
  readonly payload?: JsonObject;
  readonly alg?: string;
  readonly kid?: string;
  readonly typ?: string;
  readonly iss?: string;
  readonly sub?: string;
  readonly aud: string[];
  /** From `scope` (space-separated) and `scp` (string or array, Azure AD). */
  readonly scopes: string[];
  readonly exp?: TimeClaim;
  readonly nbf?: TimeClaim;
  readonly iat?: TimeClaim;
  /** Past exp by more than the skew allowance. */
  readonly expired: boolean;
  /** Before nbf by more than the skew allowance. */
  readonly notYetValid: boolean;
  /** Why the token could not be read, for kind 'malformed'. */
  readonly error?: string;
  readonly findings: Finding[];
}

export interface DecodeOptions {
  /** Defaults to the current time. */
  readonly now?: Date;
  /**
   * Server time minus device time, from the clock check (clock.ts `offsetMs`).
   * Added to `now` so a wrong device clock does not make a good token look expired.
   */
  readonly clockOffsetMs?: number;
}

/** Strips "Authorization:", "Bearer ", quotes and any whitespace (tokens get wrapped when copied). */
export function cleanToken(input: string): string {
  let t = input.trim();
  t = t.replace(/^authorization\s*:\s*/i, '');
  t = t.replace(/^bearer\s*:?\s*/i, '');
  t = t.replace(/\s+/g, '');
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) t = t.slice(1, -1);
  return t;
}

class DecodeError extends Error {}

function base64UrlToText(part: string, what: string): string {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(part)) {
    throw new DecodeError(
      `The ${what} contains characters that are not base64url (only A-Z, a-z, 0-9, - and _ are allowed).`,
    );
  }
  const bare = part.replace(/=+$/, '');
  if (bare.length % 4 === 1)
    throw new DecodeError(`The ${what} has an impossible base64url length; part of it is missing.`);
  const b64 = bare.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (bare.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(b64);
  } catch {
    throw new DecodeError(`The ${what} is not valid base64url.`);
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError(`The ${what} decodes to bytes that are not UTF-8 text.`);
  }
}

function decodeJsonPart(part: string, what: string): JsonObject {
  const text = base64UrlToText(part, what);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new DecodeError(`The ${what} decodes, but not to JSON.`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeError(`The ${what} is JSON but not an object.`);
  }
  return value as JsonObject;
}

function stringClaim(obj: JsonObject | undefined, key: string): string | undefined {
  const v = obj?.[key];
  return typeof v === 'string' ? v : undefined;
}

function stringList(value: unknown, splitSpaces: boolean): string[] {
  if (typeof value === 'string') return splitSpaces ? value.split(/\s+/).filter(Boolean) : [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

const EMPTY: Omit<JwtReport, 'kind' | 'token' | 'findings'> = {
  aud: [],
  scopes: [],
  expired: false,
  notYetValid: false,
};

function malformed(token: string, error: string, quote: string): JwtReport {
  return {
    ...EMPTY,
    kind: 'malformed',
    token,
    error,
    findings: [makeFinding('token-malformed', 'This token cannot be read', error, quote)],
  };
}

function timeClaim(claim: TimeClaim['claim'], seconds: number, nowMs: number): TimeClaim {
  const date = new Date(seconds * 1000);
  const relativeMs = date.getTime() - nowMs;
  return { claim, seconds, date, relativeMs, relative: relative(relativeMs) };
}

/**
 * Decode a JWT (JWS compact form) or recognise a JWE. Never throws; a token
 * that cannot be read comes back as kind 'malformed' with the reason.
 */
export function decodeJwt(input: string, options: DecodeOptions = {}): JwtReport {
  const quote = input.length > 200 ? `${input.slice(0, 200)}…` : input;
  if (input.length > MAX_TOKEN_CHARS) {
    return malformed('', 'This is far longer than any real token; paste only the token itself.', quote.slice(0, 80));
  }
  const token = cleanToken(input);
  const nowMs = (options.now ?? new Date()).getTime() + (options.clockOffsetMs ?? 0);
  if (token === '') return malformed(token, 'Nothing to decode: the token is empty.', quote);
  if (/^(undefined|null)$/i.test(token)) {
    return malformed(
      token,
      `The token is the text "${token}": the code that adds the header had no token to send.`,
      quote,
    );
  }
  const parts = token.split('.');

  if (parts.length === 5) {
    let header: JsonObject | undefined;
    try {
      header = decodeJsonPart(parts[0] ?? '', 'header');
    } catch {
      header = undefined;
    }
    const alg = stringClaim(header, 'alg');
    const enc = stringClaim(header, 'enc');
    return {
      ...EMPTY,
      kind: 'jwe',
      token,
      ...(header && { header }),
      ...(alg !== undefined && { alg }),
      ...(stringClaim(header, 'kid') !== undefined && { kid: stringClaim(header, 'kid') }),
      findings: [
        makeFinding(
          'token-encrypted',
          'This is an encrypted token (JWE); its claims cannot be read here',
          'A token with five parts is encrypted' +
            (alg || enc ? ` (${shown([alg, enc].filter(Boolean).join(', '))})` : '') +
            '. Only the holder of the decryption key, usually the API that accepts it, can see the claims. ' +
            'Check its expiry in the server logs or with the issuer.',
          quote,
        ),
      ],
    };
  }
  if (parts.length !== 3) {
    const detail =
      parts.length === 1
        ? 'A JWT has three parts separated by dots; this has none. It may be an opaque token, which only its issuer can look up, or only part of a JWT was copied.'
        : `A JWT has three parts separated by dots (or five when encrypted); this has ${parts.length}. Part of it was probably lost when it was copied.`;
    return malformed(token, detail, quote);
  }

  const [h = '', p = '', sig = ''] = parts;
  let header: JsonObject;
  let payload: JsonObject;
  try {
    header = decodeJsonPart(h, 'header');
    payload = decodeJsonPart(p, 'payload');
  } catch (e) {
    if (e instanceof DecodeError) return malformed(token, e.message, quote);
    throw e;
  }

  const findings: Finding[] = [];
  const alg = stringClaim(header, 'alg');
  const kid = stringClaim(header, 'kid');
  const typ = stringClaim(header, 'typ');
  const iss = stringClaim(payload, 'iss');
  const sub = stringClaim(payload, 'sub');
  const aud = stringList(payload['aud'], false);
  const scopes = [...stringList(payload['scope'], true), ...stringList(payload['scp'], true)];

  if (alg !== undefined && alg.toLowerCase() === 'none') {
    findings.push(
      makeFinding(
        'token-alg-none',
        'The token is unsigned (alg "none")',
        'Anyone can forge a token with alg "none", so every correct server rejects it. ' +
          'The issuer is misconfigured, or the token was built by hand.',
        quote,
      ),
    );
  } else if (sig === '') {
    findings.push(
      makeFinding(
        'token-signature-missing',
        'The token has no signature',
        `The header says it is signed with ${shown(alg ?? 'an unnamed algorithm')}, but the third part is empty, ` +
          'so no server can verify it. The signature was probably cut off when copying.',
        quote,
      ),
    );
  }

  const times: Partial<Record<TimeClaim['claim'], TimeClaim>> = {};
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
          `${raw} is a date thousands of years ahead if read as seconds, which is what JWT requires. ` +
            'The issuer probably used Date.now() instead of Math.floor(Date.now() / 1000).',
          quote,
        ),
      );
      continue;
    }
    times[claim] = timeClaim(claim, raw, nowMs);
  }

  const { exp, nbf, iat } = times;
  const expired = exp !== undefined && -exp.relativeMs > CLOCK_SKEW_ALLOWANCE_MS;
  const notYetValid = nbf !== undefined && nbf.relativeMs > CLOCK_SKEW_ALLOWANCE_MS;

  if (exp && expired) {
    findings.push(
      makeFinding(
        'token-expired',
        `The token expired ${duration(exp.relativeMs)} ago`,
        `exp is ${exp.date.toISOString()}. An expired token gets 401 everywhere; the client must refresh it ` +
          '(or sign in again) and retry once.',
        quote,
      ),
    );
  } else if (exp && exp.relativeMs < 0) {
    findings.push(
      makeFinding(
        'token-expired-within-leeway',
        `The token expired ${duration(exp.relativeMs)} ago`,
        `exp is ${exp.date.toISOString()}. Servers that allow about 60 seconds of clock difference still accept it, ` +
          'stricter ones already answer 401. Refresh tokens a little before they expire.',
        quote,
      ),
    );
  }
  if (nbf && notYetValid) {
    findings.push(
      makeFinding(
        'token-not-yet-valid',
        `The token is not valid for another ${duration(nbf.relativeMs)}`,
        `nbf (not before) is ${nbf.date.toISOString()}. Fresh tokens that are "not yet valid" almost always mean ` +
          "the issuer's clock and the checking clock disagree.",
        quote,
      ),
    );
  }
  if (iat && iat.relativeMs > CLOCK_SKEW_ALLOWANCE_MS) {
    findings.push(
      makeFinding(
        'token-issued-in-future',
        `The token says it was issued ${duration(iat.relativeMs)} from now`,
        `iat (issued at) is ${iat.date.toISOString()}. Servers that check iat reject it; the issuer's clock is ahead ` +
          "or this device's clock is behind.",
        quote,
      ),
    );
  }
  if (payload['exp'] === undefined) {
    findings.push(
      makeFinding(
        'token-no-expiry',
        'The token has no expiry (exp)',
        'It never expires by itself, so a 401 is not about its age: look at the signature, issuer, audience or revocation.',
        quote,
      ),
    );
  }

  return {
    kind: 'jws',
    token,
    header,
    payload,
    aud,
    scopes,
    expired,
    notYetValid,
    findings,
    ...(alg !== undefined && { alg }),
    ...(kid !== undefined && { kid }),
    ...(typ !== undefined && { typ }),
    ...(iss !== undefined && { iss }),
    ...(sub !== undefined && { sub }),
    ...(exp && { exp }),
    ...(nbf && { nbf }),
    ...(iat && { iat }),
  };
}

/** Three base64url parts starting with a JSON header: cheap check before decoding a header value. */
export function looksLikeJwt(value: string): boolean {
  return (
    /^eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/.test(value) ||
    /^eyJ[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*){4}$/.test(value)
  );
}
