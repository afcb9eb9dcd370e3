/**
 * What the request actually sent: no credentials at all, a placeholder where the
 * token should be, a mangled Authorization header, or a JWT that is already dead.
 */
import { offeredSchemes } from './challenges';
import { requestAnchor, type Rule } from './context';
import { makeFinding, type Finding, type FindingId } from './finding';
import { hasHeader, headersNamed, type Header } from './headers';
import { decodeJwt, looksLikeJwt } from './jwt';
import { shown } from './text';

// Headers that carry credentials other than Authorization; their presence means "something was sent".
const CREDENTIAL_HEADERS = [
  'authorization',
  'cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
];

// What a template or an unset variable leaves behind in "Bearer ${token}".
const PLACEHOLDER =
  /^(?:undefined|null|nan|false|true|\[object object\]|<[^>]*>|\{[^}]*\}|\$\{[^}]*\}|%[^%]*%|your[-_ ]?(?:access[-_ ]?)?token|access[-_]?token|token|x{3,}|\*{3,}|\.{3}|…)$/i;

const JWT_FINDINGS: ReadonlySet<FindingId> = new Set([
  'token-expired',
  'token-expired-within-leeway',
  'token-not-yet-valid',
  'token-issued-in-future',
  'token-alg-none',
  'token-exp-in-milliseconds',
  'token-claim-not-numeric',
  'token-signature-missing',
]);

function malformedReason(value: string): string | undefined {
  if (/^bearer\s*:/i.test(value))
    return 'There is a colon after "Bearer"; the form is "Bearer" then a space then the token, with no colon.';
  if (/^bearer\s+bearer\b/i.test(value))
    return 'The word "Bearer" appears twice: the code adds the prefix to a value that already has it.';
  if (/^bearer\s+["']/i.test(value)) return 'The token is wrapped in quotes; send the bare token.';
  if (/^bearer(?=[\w.~+/-])/i.test(value) && !/^bearer\s/i.test(value)) {
    return 'There is no space between "Bearer" and the token.';
  }
  if (/^bearer\s+\S+\s+\S/i.test(value))
    return 'The token contains a space or a line break; it was probably copied with extra text.';
  if (/^eyJ[\w-]*\.[\w-]*\./.test(value)) {
    return 'The header holds a bare JWT without the "Bearer " prefix in front of it.';
  }
  return undefined;
}

function authorizationFindings(header: Header, now: Date): Finding[] {
  const value = header[1].trim();
  const quote = header[2];
  const findings: Finding[] = [];
  // One \s, then trim: "\s+(.*)" would let the two trade spaces on a hostile value.
  const bearer = /^bearer(?:\s(.*))?$/i.exec(value);
  if (bearer) {
    const token = (bearer[1] ?? '').trim();
    if (token === '' || PLACEHOLDER.test(token)) {
      findings.push(
        makeFinding(
          'request-bearer-placeholder',
          token === ''
            ? 'The Authorization header says "Bearer" with no token'
            : `The request sent "Bearer ${shown(token, 40)}" instead of a token`,
          'The code that builds the header ran before the token existed, or read a variable that is not set in ' +
            'this environment (a missing env var, a token not yet loaded from storage, a template left unfilled).',
          quote,
        ),
      );
      return findings;
    }
  }
  const reason = malformedReason(value);
  if (reason !== undefined) {
    findings.push(
      makeFinding(
        'request-authorization-malformed',
        'The Authorization header is not in the form the server expects',
        reason,
        quote,
      ),
    );
  }
  const token = bearer ? (bearer[1] ?? '').trim() : value;
  if (looksLikeJwt(token)) {
    const report = decodeJwt(token, { now });
    for (const f of report.findings) {
      if (JWT_FINDINGS.has(f.id)) findings.push({ ...f, quote });
    }
  }
  return findings;
}

export const requestAuthRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const e of ctx.exchanges) {
    if (!e.requestKnown) continue;
    for (const header of headersNamed(e.requestHeaders, 'authorization')) {
      findings.push(...authorizationFindings(header, ctx.now));
    }
    // Preflights never carry credentials; the CORS rules cover a 401 on OPTIONS.
    if (e.response.status !== 401 || e.method?.toUpperCase() === 'OPTIONS') continue;
    if (CREDENTIAL_HEADERS.some((name) => hasHeader(e.requestHeaders, name))) continue;
    const schemes = offeredSchemes(e);
    // For Basic, Digest and Negotiate the first 401 is the normal opening move: the client then retries with credentials.
    if (['basic', 'digest', 'negotiate', 'ntlm'].some((s) => schemes.has(s))) continue;
    findings.push(
      makeFinding(
        'request-no-credentials',
        'The request carried no credentials',
        'There is no Authorization, Cookie or API key header on the request, so a 401 is the expected answer. ' +
          'Check that the client adds the token on every request, including this one.',
        requestAnchor(ctx, e).text,
      ),
    );
  }
  return findings;
};
