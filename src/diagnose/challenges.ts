/**
 * Reads each WWW-Authenticate challenge: which scheme the server wants and, for
 * Bearer, the RFC 6750 error code that says what was wrong with the token.
 */
import type { AnalysisContext, Exchange, Rule } from './context';
import { makeFinding, type Finding } from './finding';
import { headersNamed, type Header } from './headers';
import { shown } from './text';
import { challengeParam, parseChallenges, type Challenge } from './www-authenticate';

export interface ChallengeSummary {
  readonly scheme: string;
  readonly realm?: string;
  readonly error?: string;
  readonly errorDescription?: string;
  readonly scope?: string;
  readonly token68?: string;
  /** The header line the challenge came from. */
  readonly quote: string;
}

/** RFC 6750 section 3.1: the status each error code goes with. */
const BEARER_STATUS: Record<string, number> = { invalid_request: 400, invalid_token: 401, insufficient_scope: 403 };

const OTHER_SCHEMES: Record<string, string> = {
  negotiate:
    'Negotiate is Windows integrated sign-in (Kerberos or NTLM). It works from a domain-joined computer on the company ' +
    'network; elsewhere, or in a browser that does not allow the site for integrated sign-in, it fails with 401.',
  ntlm: 'NTLM is Windows integrated sign-in. It needs a Windows account the server trusts and a connection that stays open between requests; many proxies break it.',
  digest: 'Digest is a username-and-password scheme like Basic, usually from a web server password file (htdigest).',
  dpop: 'DPoP tokens are bound to a key: each request needs a fresh DPoP proof header, and a "use_dpop_nonce" error asks for a retry with the nonce the server sent.',
  'aws4-hmac-sha256':
    'AWS Signature Version 4: the request must be signed with AWS credentials; a token in a header is not enough.',
};

function describeChallenge(c: Challenge): string {
  const realm = challengeParam(c, 'realm');
  return `${shown(c.scheme, 30)}${realm !== undefined ? ` (realm "${shown(realm, 60)}")` : ''}`;
}

function authorizationSent(e: Exchange): string | undefined {
  if (!e.requestKnown) return undefined;
  // Trimmed as a guard: every parser, fold() included, already hands values over without outer spaces.
  return headersNamed(e.requestHeaders, 'authorization')[0]?.[1].trim();
}

function bearerFinding(c: Challenge, e: Exchange, quote: string): Finding[] {
  const error = challengeParam(c, 'error')?.toLowerCase();
  const description = challengeParam(c, 'error_description');
  const scope = challengeParam(c, 'scope');
  const said = description !== undefined ? ` The server says: "${shown(description)}".` : '';
  const findings: Finding[] = [];
  if (error === undefined) {
    const sent = authorizationSent(e);
    findings.push(
      makeFinding(
        'bearer-no-error',
        'The server wants a Bearer token and saw none',
        sent !== undefined
          ? 'The request did carry an Authorization header, yet the answer has no error code, which RFC 6750 section 3.1 ' +
              'reserves for requests without a token. Something between the client and the API (a proxy, the framework) ' +
              'may drop the header, or it is not "Authorization: Bearer" followed by a space and the token.'
          : 'A Bearer challenge without an error code means the request had no token at all (RFC 6750 section 3.1). ' +
              'Send "Authorization: Bearer" followed by the access token on every request, and check no proxy strips it.',
        quote,
      ),
    );
  } else if (error === 'invalid_token') {
    const d = (description ?? '').toLowerCase();
    if (d.includes('expir') || d.includes('"exp"') || d.includes('exp claim') || d.includes('not active')) {
      findings.push(
        makeFinding(
          'bearer-invalid-token-expired',
          'The access token has expired',
          `Bearer error "invalid_token".${said} Get a new access token (refresh it) and retry once; if new tokens are ` +
            'rejected as expired right away, compare the clocks of the issuer and the API.',
          quote,
        ),
      );
    } else if (
      d.includes('not yet valid') ||
      d.includes('nbf') ||
      d.includes('before') ||
      d.includes('future') ||
      d.includes('iat')
    ) {
      findings.push(
        makeFinding(
          'bearer-invalid-token-not-yet-valid',
          'The token is not valid yet: the clocks disagree',
          `Bearer error "invalid_token".${said} A fresh token that is "not yet valid" means the API's clock is behind ` +
            "the issuer's. Sync the server clock, or allow 30-60 seconds of leeway in the validator.",
          quote,
        ),
      );
    } else {
      findings.push(
        makeFinding(
          'bearer-invalid-token',
          'The API rejected the token',
          `Bearer error "invalid_token": the token is expired, revoked, malformed or fails validation (RFC 6750 section 3.1).${said} ` +
            'If it is not expired, compare its issuer (iss), audience (aud) and signing key (kid) with what the API expects.',
          quote,
        ),
      );
    }
  } else if (error === 'insufficient_scope') {
    findings.push(
      makeFinding(
        'bearer-insufficient-scope',
        scope !== undefined ? `The token lacks the scope "${shown(scope, 80)}"` : 'The token lacks a required scope',
        'The token is valid but was not granted the permission this request needs (RFC 6750 section 3.1).' +
          said +
          (scope !== undefined
            ? ` Request the scope "${shown(scope, 80)}" when getting the token, and have it consented.`
            : ' Request the needed scopes when getting the token.'),
        quote,
      ),
    );
  } else if (error === 'invalid_request') {
    findings.push(
      makeFinding(
        'bearer-invalid-request',
        'The API found the request malformed (invalid_request)',
        'RFC 6750 uses invalid_request for a missing or duplicated token, or a token sent in more than one way ' +
          '(header and query string).' +
          said +
          ' Send the token once, in "Authorization: Bearer".',
        quote,
      ),
    );
  } else {
    findings.push(
      makeFinding(
        'bearer-unknown-error',
        `The API answered with the Bearer error "${shown(error, 60)}"`,
        `This is not one of the RFC 6750 codes (invalid_request, invalid_token, insufficient_scope), so its meaning is the API's own.${said}`,
        quote,
      ),
    );
  }
  const expected = error !== undefined ? BEARER_STATUS[error] : undefined;
  const status = e.response.status;
  if (expected !== undefined && status !== undefined && status !== expected) {
    findings.push(
      makeFinding(
        'bearer-error-status-mismatch',
        `"${error ?? ''}" should come with ${expected}, not ${status}`,
        `RFC 6750 section 3.1 pairs invalid_request with 400, invalid_token with 401 and insufficient_scope with 403. ` +
          `Clients refresh tokens on 401 only, so a wrong status can send them into a refresh loop or make them give up.`,
        quote,
      ),
    );
  }
  return findings;
}

function challengeFindings(c: Challenge, e: Exchange, quote: string): Finding[] {
  const scheme = c.scheme.toLowerCase();
  if (scheme === 'bearer') return bearerFinding(c, e, quote);
  if (scheme === 'basic') {
    const realm = challengeParam(c, 'realm');
    const sent = authorizationSent(e);
    return [
      makeFinding(
        'challenge-basic',
        realm !== undefined
          ? `The server asks for a username and password (Basic, realm "${shown(realm, 60)}")`
          : 'The server asks for a username and password (Basic)',
        'HTTP Basic authentication usually comes from the web server (an .htpasswd file with nginx auth_basic or Apache ' +
          "AuthType Basic), not from the application's own login. If the site should be public, a staging or folder " +
          'password was left on.' +
          (sent !== undefined && /^basic\s/i.test(sent)
            ? ' The request did send Basic credentials, so the username or password is wrong, or the server cannot read its password file.'
            : ''),
        quote,
      ),
    ];
  }
  return [
    makeFinding(
      'challenge-other',
      `The server asks for ${describeChallenge(c)} authentication`,
      OTHER_SCHEMES[scheme] ??
        `"${shown(c.scheme, 30)}" is not a standard scheme; the API's documentation says what it expects.`,
      quote,
    ),
  ];
}

function wwwAuthenticate(e: Exchange): Header[] {
  return headersNamed(e.response.headers, 'www-authenticate');
}

export const challengeRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const e of ctx.exchanges) {
    for (const header of wwwAuthenticate(e)) {
      const quote = header[2];
      const { challenges, problems } = parseChallenges(header[1]);
      if (problems.length > 0) {
        findings.push(
          makeFinding(
            'challenge-malformed',
            'The WWW-Authenticate header is malformed',
            `${problems.map((p) => shown(p)).join(' ')} Clients may ignore a challenge they cannot parse ` +
              '(RFC 9110 section 11.6.1 gives the syntax).',
            quote,
          ),
        );
      }
      for (const c of challenges) findings.push(...challengeFindings(c, e, quote));
    }
  }
  return findings;
};

/** Every challenge offered, once per distinct header line. */
export function collectChallenges(ctx: AnalysisContext): ChallengeSummary[] {
  const seen = new Set<string>();
  const out: ChallengeSummary[] = [];
  for (const e of ctx.exchanges) {
    for (const header of wwwAuthenticate(e)) {
      if (seen.has(header[2])) continue;
      seen.add(header[2]);
      for (const c of parseChallenges(header[1]).challenges) {
        const realm = challengeParam(c, 'realm');
        const error = challengeParam(c, 'error');
        const errorDescription = challengeParam(c, 'error_description');
        const scope = challengeParam(c, 'scope');
        out.push({
          scheme: c.scheme,
          quote: header[2],
          ...(realm !== undefined && { realm }),
          ...(error !== undefined && { error }),
          ...(errorDescription !== undefined && { errorDescription }),
          ...(scope !== undefined && { scope }),
          ...(c.token68 !== undefined && { token68: c.token68 }),
        });
      }
    }
  }
  return out;
}

/** Schemes the server offered on a response (lowercased), for rules that depend on them. */
export function offeredSchemes(e: Exchange): Set<string> {
  return new Set(
    wwwAuthenticate(e).flatMap((h) => parseChallenges(h[1]).challenges.map((c) => c.scheme.toLowerCase())),
  );
}
