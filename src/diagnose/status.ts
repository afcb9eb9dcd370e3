/** What the status code itself says, and whether a 401 is well-formed. */
import type { Exchange, Rule } from './context';
import { makeFinding, type Finding } from './finding';
import { hasHeader, headerValues } from './headers';
import { listOf, shown } from './text';
import { parseChallenges } from './www-authenticate';

const NOT_AUTH: Record<number, string> = {
  400: 'Bad Request: the server could not understand the request (a malformed body, header or parameter).',
  404: 'Not Found: nothing answers at this URL (a typo, a missing route, or a deploy that left it out).',
  405: 'Method Not Allowed: this URL exists but not for this method (GET vs POST).',
  408: 'Request Timeout: the request took too long to arrive.',
  410: 'Gone: the resource was removed on purpose.',
  413: 'Content Too Large: the request body is bigger than the server accepts.',
  415: 'Unsupported Media Type: the Content-Type is not one the server accepts.',
  422: 'Unprocessable Content: the request was understood but its data failed validation.',
  429: 'Too Many Requests: a rate limit was hit; wait for the time in Retry-After.',
  500: 'Internal Server Error: the application failed; its error log has the reason.',
  502: 'Bad Gateway: a proxy or load balancer got no valid answer from the application behind it.',
  503: 'Service Unavailable: the server is down, overloaded or in maintenance.',
  504: 'Gateway Timeout: the application behind a proxy did not answer in time.',
};

const OAUTH_ERROR =
  /"error"\s*:\s*"(?:invalid_grant|invalid_client|invalid_request|unauthorized_client|unsupported_grant_type|invalid_scope)"/;

function statusFinding(e: Exchange): Finding | undefined {
  const status = e.response.status;
  const quote = e.anchor.text;
  if (status === undefined) return undefined;
  if (status === 401) {
    return makeFinding(
      'status-401',
      '401 Unauthorized: the request was not authenticated',
      'The server did not get credentials, or did not accept the ones it got. The other findings say which, ' +
        'and which part of the path (app, proxy, CDN) answered.',
      quote,
    );
  }
  if (status === 403) {
    return makeFinding(
      'status-403',
      'This is 403 Forbidden, not 401',
      '403 means the server understood the request and refuses it anyway: a missing permission or role, an IP rule, ' +
        'or a firewall. Signing in again rarely changes a 403 (RFC 9110 section 15.5.4); ask for access instead.',
      quote,
    );
  }
  if (status === 407) {
    const schemes = headerValues(e.response.headers, 'proxy-authenticate').flatMap((v) =>
      parseChallenges(v).challenges.map((c) => shown(c.scheme, 30)),
    );
    return makeFinding(
      'status-407',
      '407 Proxy Authentication Required: a proxy wants its own sign-in',
      'A proxy between this client and the site (usually a company proxy) refused to forward the request until ' +
        'the client authenticates to the proxy itself' +
        (schemes.length > 0 ? ` (it asks for ${listOf([...new Set(schemes)])})` : '') +
        ". The site's own login is not involved: set the proxy credentials in the system, browser or tool " +
        '(HTTPS_PROXY, --proxy-user).',
      quote,
    );
  }
  if (status >= 400) {
    // A 400 with WWW-Authenticate is RFC 6750's invalid_request; the challenge rules cover it.
    if (status === 400 && hasHeader(e.response.headers, 'www-authenticate')) return undefined;
    // A 400 from a token endpoint (RFC 6749 section 5.2) is an auth error; the message rules name it.
    if (status === 400 && e.response.body.some((l) => OAUTH_ERROR.test(l.text))) return undefined;
    const meaning =
      NOT_AUTH[status] ?? (status >= 500 ? 'A server-side error.' : 'A client error other than authentication.');
    return makeFinding(
      'status-not-auth-error',
      `${status} is not an authentication error`,
      `${meaning} Credentials are not the problem, so signing in again will not help.`,
      quote,
    );
  }
  return undefined;
}

export const statusRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  const focus = ctx.focus;
  if (focus) {
    const f = statusFinding(focus);
    if (f) findings.push(f);
  }
  for (const e of ctx.exchanges) {
    if (e.response.status !== 401 || !e.headersKnown) continue;
    if (hasHeader(e.response.headers, 'www-authenticate')) continue;
    findings.push(
      makeFinding(
        'missing-www-authenticate',
        'The 401 has no WWW-Authenticate header',
        'RFC 9110 section 15.5.2 requires every 401 to say how to authenticate in WWW-Authenticate. Without it ' +
          'clients cannot tell what is wanted and browsers never show a login prompt. If the server means ' +
          '"you are not allowed", the right status is 403.',
        e.anchor.text,
      ),
    );
  }
  return findings;
};
