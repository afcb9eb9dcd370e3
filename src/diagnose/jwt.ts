/**
 * JWT inspector: decodes a token without verifying it. Verification needs the
 * issuer's key and belongs on the server; what a person stuck on a 401 needs is
 * to see the claims, the times and the obvious mistakes. Decoding lives in
 * jwt-decode.ts, the checks in jwt-checks.ts; the token never leaves the page.
 */
import { makeFinding, type Finding } from './finding';
import { MAX_TOKEN_CHARS, readToken, type JsonObject } from './jwt-decode';
import { signatureFindings, timeClaims, timeFindings, beyondAllowance, type TimeClaim } from './jwt-checks';
import { shown } from './text';

export { CLOCK_SKEW_ALLOWANCE_MS, claimWhen, type TimeClaim } from './jwt-checks';
export { cleanToken, MAX_TOKEN_CHARS, type JsonObject } from './jwt-decode';

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
  /** The time to judge the token against; defaults to the current time. */
  readonly now?: Date;
  /**
   * Server time minus device time, from the clock check (clock.ts `offsetMs`).
   * Added to `now` so a wrong device clock does not make a good token look expired.
   */
  readonly clockOffsetMs?: number;
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

const empty = () => ({ aud: [] as string[], scopes: [] as string[], expired: false, notYetValid: false });

function jweReport(token: string, header: JsonObject | undefined, quote: string): JwtReport {
  const alg = stringClaim(header, 'alg');
  const enc = stringClaim(header, 'enc');
  const kid = stringClaim(header, 'kid');
  return {
    ...empty(),
    kind: 'jwe',
    token,
    ...(header && { header }),
    ...(alg !== undefined && { alg }),
    ...(kid !== undefined && { kid }),
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

/**
 * Decode a JWT (JWS compact form) or recognise a JWE. Never throws; a token
 * that cannot be read comes back as kind 'malformed' with the reason.
 */
export function decodeJwt(input: string, options: DecodeOptions = {}): JwtReport {
  const quote = input.length > 200 ? `${input.slice(0, 200)}…` : input;
  const parts = readToken(input);
  if (parts.kind === 'malformed') {
    return {
      ...empty(),
      kind: 'malformed',
      token: parts.token,
      error: parts.error,
      findings: [makeFinding('token-malformed', 'This token cannot be read', parts.error, input.length > MAX_TOKEN_CHARS ? quote.slice(0, 80) : quote)],
    };
  }
  if (parts.kind === 'jwe') return jweReport(parts.token, parts.header, quote);

  const { token, header, payload } = parts;
  const nowMs = (options.now ?? new Date()).getTime() + (options.clockOffsetMs ?? 0);
  const alg = stringClaim(header, 'alg');
  const findings: Finding[] = signatureFindings(alg, parts.signature, quote);
  const times = timeClaims(payload, nowMs, quote, findings);
  findings.push(...timeFindings(times, payload['exp'] !== undefined, quote));
  const { exp, nbf, iat } = times;
  const optional = { alg, kid: stringClaim(header, 'kid'), typ: stringClaim(header, 'typ'), iss: stringClaim(payload, 'iss'), sub: stringClaim(payload, 'sub'), exp, nbf, iat };
  return {
    kind: 'jws',
    token,
    header,
    payload,
    aud: stringList(payload['aud'], false),
    scopes: [...stringList(payload['scope'], true), ...stringList(payload['scp'], true)],
    expired: exp !== undefined && beyondAllowance(-exp.relativeMs),
    notYetValid: nbf !== undefined && beyondAllowance(nbf.relativeMs),
    findings,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
  };
}

/** Three base64url parts starting with a JSON header: cheap check before decoding a header value. */
export function looksLikeJwt(value: string): boolean {
  return /^eyJ[\w-]*\.[\w-]*\.[\w-]*$/.test(value) || /^eyJ[\w-]*(?:\.[\w-]*){4}$/.test(value);
}
