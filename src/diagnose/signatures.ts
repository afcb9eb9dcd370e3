/**
 * Error strings that name their cause: Apache and nginx log codes, service-mesh
 * JWT messages, JWT library errors, WordPress REST codes, WAF block pages.
 * Plain substring matches on lowercased lines, so the cost is linear.
 */
import type { Rule } from './context';
import { makeFinding, type Finding, type FindingId } from './finding';
import type { SourceLine } from './headers';

interface Signature {
  readonly id: FindingId;
  /** Lowercase substrings; any one matches. */
  readonly needles: readonly string[];
  /** Lowercase substrings that veto a match (another signature owns that line). */
  readonly unless?: readonly string[];
  readonly title: string;
  readonly detail: string;
}

/** Apache and nginx error-log lines. */
const SERVER_LOGS: readonly Signature[] = [
  {
    id: 'log-apache-auth-failure',
    needles: ['ah01617', 'ah01618'],
    title: 'Apache rejected the username or password',
    detail:
      'AH01617 means the password did not match, AH01618 that the user is not in the password file. Check the file ' +
      'named by AuthUserFile, reset the entry with "htpasswd -B", and make sure the hash is one Apache understands.',
  },
  {
    id: 'log-apache-password-file',
    needles: ['ah01620', 'ah01621', 'could not open password file'],
    title: 'Apache cannot read its password file',
    detail:
      'AuthUserFile points to a file that is missing or unreadable by the Apache user. Use an absolute path and make ' +
      'the file readable (for example chmod 640, group www-data).',
  },
  {
    id: 'log-apache-denied-by-config',
    needles: ['ah01630', 'ah01797', 'client denied by server configuration'],
    title: 'Apache refused the request by configuration',
    detail:
      'A Require rule (or an old Order/Deny rule) in the site config or an .htaccess file denies this path. ' +
      'Look for "Require all denied" or a Directory, Location or Files block that covers it.',
  },
  {
    id: 'log-nginx-password-file',
    needles: ['htpasswd" failed', 'crypt_r() failed'],
    title: 'nginx cannot read its password file',
    detail:
      'auth_basic_user_file points to a file nginx cannot open or a hash it cannot check. Use an absolute path, make ' +
      'the file readable by the nginx user, and create entries with "htpasswd -B" or openssl passwd.',
  },
  {
    id: 'log-nginx-basic-auth',
    needles: ['no user/password was provided for basic authentication', '": password mismatch', 'was not found in "'],
    unless: ['ah016', 'ah018'],
    title: 'nginx Basic auth refused the login',
    detail:
      'nginx\'s auth_basic did not get credentials, or they did not match the auth_basic_user_file. "no user/password ' +
      'was provided" is the normal first request before the browser asks; "password mismatch" or "was not found" ' +
      'means the user or password is wrong.',
  },
];

/** Istio / Envoy messages. */
const SERVICE_MESH: readonly Signature[] = [
  {
    id: 'mesh-jwt-missing',
    needles: ['jwt is missing'],
    title: 'The service mesh found no JWT on the request ("Jwt is missing")',
    detail:
      'An Istio or Envoy JWT rule requires a token, and the request reached it without "Authorization: Bearer". ' +
      'Either the client sent none, or a hop in front (ingress, load balancer, another proxy) dropped the header. ' +
      'Tokens in another header or a cookie need fromHeaders or fromCookies in the jwtRules.',
  },
  {
    id: 'mesh-jwt-expired',
    needles: ['jwt is expired'],
    title: 'The service mesh says the JWT has expired',
    detail: "Envoy checked the token's exp claim and it is in the past. The client must refresh the token and retry.",
  },
  {
    id: 'mesh-jwt-rejected',
    needles: [
      'jwt verification fails',
      'jwks remote fetch is failed',
      'jwt issuer is not configured',
      'audiences in jwt are not allowed',
      'jwt is not in the form of header.payload.signature',
      "jwks doesn't have key to match kid",
    ],
    title: 'The service mesh rejected the JWT',
    detail:
      'Envoy could not validate the token: the signature does not match the JWKS, the JWKS could not be fetched, or ' +
      'the issuer or audience differs from the RequestAuthentication jwtRules.',
  },
  {
    id: 'mesh-rbac-denied',
    needles: ['rbac: access denied'],
    title: 'An Istio AuthorizationPolicy denied the request',
    detail:
      '"RBAC: access denied" comes from the mesh, not the application. An AuthorizationPolicy requires a principal, ' +
      'claim or source the request does not have; often the JWT was never accepted, so there is no request principal.',
  },
];

/** JWT and OAuth library errors. */
const TOKEN_LIBRARIES: readonly Signature[] = [
  {
    id: 'error-jwt-expired',
    needles: [
      'tokenexpirederror',
      'jwt expired',
      'token has expired',
      'token is expired',
      'expiredsignatureerror',
      'signature has expired',
      'expiredjwtexception',
      'securitytokenexpiredexception',
      'idx10223',
    ],
    title: 'The error says the token has expired',
    detail:
      'The JWT library checked exp and it is in the past. Refresh the token and retry once; refresh a little before exp.',
  },
  {
    id: 'error-jwt-not-active',
    needles: [
      'notbeforeerror',
      'jwt not active',
      'jwt not yet valid',
      'immaturesignatureerror',
      'token used before issued',
      'securitytokennotyetvalidexception',
      'idx10222',
    ],
    title: 'The error says the token is not valid yet',
    detail:
      'A fresh token that is "not yet valid" (nbf or iat in the future) means the server\'s clock is behind the ' +
      "issuer's. Sync the clock with NTP and allow 30-60 seconds of leeway.",
  },
  {
    id: 'error-jwt-invalid',
    needles: [
      'jsonwebtokenerror',
      'invalid signature',
      'jwt audience invalid',
      'jwt issuer invalid',
      'jwt malformed',
      'invalid algorithm',
      'invalidaudienceerror',
      'invalidissuererror',
      'invalidsignatureerror',
      'signature verification failed',
      'unable to find a signing key that matches',
      'idx10214',
      'idx10205',
      'idx10501',
      'idx10503',
    ],
    title: 'The error says the token failed validation',
    detail:
      'The signature, issuer, audience or algorithm does not match what the server expects. Decode the token and ' +
      "compare iss, aud, alg and kid with the server's settings; after a key rotation, the JWKS cache may be stale.",
  },
  {
    id: 'error-invalid-grant',
    needles: ['invalid_grant', 'token has been expired or revoked'],
    title: 'The token refresh was refused (invalid_grant)',
    detail:
      'The refresh token (or authorization code) is expired, revoked, already used, or was issued to another client. ' +
      'With rotating refresh tokens, two refreshes at once make the second fail. Sign in again, and refresh from one place at a time.',
  },
];

/** Applications, CDNs and firewalls. */
const APPS_AND_FIREWALLS: readonly Signature[] = [
  {
    id: 'error-wordpress-rest',
    needles: [
      'rest_not_logged_in',
      'rest_forbidden',
      'rest_cookie_invalid_nonce',
      'sorry, you are not allowed to do that',
    ],
    title: 'WordPress REST API refused the request',
    detail:
      'Cookie sign-in to the REST API needs an X-WP-Nonce header (wp_rest nonce); scripts and apps should use an ' +
      'Application Password. On Apache with CGI or FastCGI, the Authorization header may not reach PHP.',
  },
  {
    id: 'error-api-key',
    needles: [
      'no api key found in request',
      'invalid api key',
      'api key is missing',
      'missing api key',
      'invalid authentication credentials',
      'incorrect api key provided',
      'api key not valid',
      'invalid_api_key',
    ],
    title: 'The API refused the API key',
    detail:
      'The key is missing, in the wrong header, or not valid for this API (a test key against live, a revoked key, ' +
      'another project or region, or a stray space or newline copied with it).',
  },
  {
    id: 'cdn-challenge',
    needles: ['just a moment...', 'cf-chl', 'challenge-platform', 'cf_chl_opt'],
    title: 'The response is a Cloudflare bot challenge page',
    detail:
      'Cloudflare answered with a browser challenge instead of forwarding the request. API clients and apps cannot ' +
      'solve it. Skip bot checks for the API, login and OAuth callback paths.',
  },
  {
    id: 'wordpress-security-plugin',
    needles: [
      'generated by wordfence',
      'blocked by wordfence',
      'wordfence',
      'ithemes security',
      'solid security',
      'aiowps',
      'all in one wp security',
    ],
    title: 'A WordPress security plugin blocked the request',
    detail:
      'The block came from a plugin, not the server. Check its block log and allow-list; if you are locked out, ' +
      'rename the plugin folder over SFTP (for example wordfence to wordfence.off) and re-enable it with adjusted rules.',
  },
  {
    id: 'waf-block-page',
    needles: [
      'attention required! | cloudflare',
      'sorry, you have been blocked',
      'the requested url was rejected',
      'mod_security',
      'modsecurity',
      'not acceptable! an appropriate representation',
      'sucuri website firewall',
      'incapsula incident id',
      'errors.edgesuite.net',
      "request blocked. we can't connect to the server",
    ],
    title: 'A web application firewall blocked the request',
    detail:
      'The body is a WAF block page, so a firewall rule refused the request before the application saw it. Find the ' +
      'event in the WAF log (Cloudflare Security Events, AWS WAF sampled requests, ModSecurity audit log) and adjust that rule.',
  },
];

export const SIGNATURES: readonly Signature[] = [...SERVER_LOGS, ...SERVICE_MESH, ...TOKEN_LIBRARIES, ...APPS_AND_FIREWALLS];

// Every needle in one alternation: one pass over the text finds the few lines worth checking signature by signature.
const ANY_NEEDLE = new RegExp(
  [...new Set(SIGNATURES.flatMap((s) => s.needles))].map((n) => n.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&')).join('|'),
  'i',
);

function scanLine(line: SourceLine, out: Finding[]): void {
  if (!ANY_NEEDLE.test(line.text)) return;
  const lower = line.text.toLowerCase();
  for (const sig of SIGNATURES) {
    if (!sig.needles.some((n) => lower.includes(n))) continue;
    if (sig.unless?.some((n) => lower.includes(n))) continue;
    out.push(makeFinding(sig.id, sig.title, sig.detail, line.text));
  }
}

export const signatureRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const line of ctx.input.otherLines) scanLine(line, findings);
  for (const e of ctx.exchanges) for (const line of e.response.body) scanLine(line, findings);
  return findings;
};
