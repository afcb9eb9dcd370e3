/**
 * Every finding id the analyzers can emit, with its severity and the fix it links to.
 * One table so the page, the docs and the tests agree on what an id means.
 */
import type { FixId } from './fix-ids';

/** Most severe first: the one place the order is defined (the page sorts with sortFindings too). */
export const SEVERITIES = ['problem', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

interface CatalogEntry {
  readonly severity: Severity;
  /** A fix id in content/fixes; tests/unit/diagnose-fix-ids.test.ts checks each one exists. */
  readonly fixId?: string;
}

export const FINDING_CATALOG = {
  // status
  'status-401': { severity: 'info' },
  'status-403': { severity: 'warning', fixId: 'actually-403-forbidden' },
  'status-407': { severity: 'problem', fixId: 'proxy-auth-407' },
  'status-not-auth-error': { severity: 'warning', fixId: 'not-an-auth-error' },
  'missing-www-authenticate': { severity: 'warning', fixId: 'wrong-status-401-vs-403' },
  // WWW-Authenticate challenges
  'challenge-basic': { severity: 'warning', fixId: 'htpasswd-basic-auth' },
  'challenge-other': { severity: 'info' },
  'challenge-malformed': { severity: 'warning', fixId: 'wrong-status-401-vs-403' },
  'bearer-no-error': { severity: 'warning', fixId: 'bearer-token-missing' },
  'bearer-invalid-token-expired': { severity: 'problem', fixId: 'jwt-expired' },
  'bearer-invalid-token-not-yet-valid': { severity: 'problem', fixId: 'clock-skew-server' },
  'bearer-invalid-token': { severity: 'problem', fixId: 'jwt-validation-mismatch' },
  'bearer-insufficient-scope': { severity: 'problem', fixId: 'oauth-insufficient-scope' },
  'bearer-invalid-request': { severity: 'problem', fixId: 'bearer-token-missing' },
  'bearer-unknown-error': { severity: 'warning' },
  'bearer-error-status-mismatch': { severity: 'info', fixId: 'wrong-status-401-vs-403' },
  // what the request sent
  'request-no-credentials': { severity: 'warning', fixId: 'bearer-token-missing' },
  'request-bearer-placeholder': { severity: 'problem', fixId: 'bearer-token-missing' },
  'request-authorization-malformed': { severity: 'problem', fixId: 'bearer-token-missing' },
  // JWT contents
  'token-expired': { severity: 'problem', fixId: 'jwt-expired' },
  'token-expired-within-leeway': { severity: 'warning', fixId: 'jwt-expired' },
  'token-not-yet-valid': { severity: 'problem', fixId: 'clock-skew-server' },
  'token-issued-in-future': { severity: 'warning', fixId: 'clock-skew-server' },
  'token-alg-none': { severity: 'problem', fixId: 'jwt-validation-mismatch' },
  'token-exp-in-milliseconds': { severity: 'warning', fixId: 'jwt-validation-mismatch' },
  'token-claim-not-numeric': { severity: 'warning', fixId: 'jwt-validation-mismatch' },
  'token-signature-missing': { severity: 'warning', fixId: 'jwt-validation-mismatch' },
  'token-malformed': { severity: 'problem', fixId: 'bearer-token-missing' },
  'token-encrypted': { severity: 'info' },
  'token-no-expiry': { severity: 'info' },
  // cookies
  'cookie-domain-mismatch': { severity: 'problem', fixId: 'cookie-domain-mismatch' },
  'cookie-path-mismatch': { severity: 'warning', fixId: 'session-cookie-not-sent' },
  'cookie-default-path-narrow': { severity: 'info', fixId: 'session-cookie-not-sent' },
  'cookie-secure-over-http': { severity: 'problem', fixId: 'session-cookie-not-sent' },
  'cookie-samesite-none-without-secure': { severity: 'problem', fixId: 'session-cookie-not-sent' },
  'cookie-already-expired': { severity: 'warning', fixId: 'session-cookie-not-sent' },
  'cookie-prefix-violation': { severity: 'problem', fixId: 'session-cookie-not-sent' },
  'cookie-too-large': { severity: 'problem', fixId: 'session-cookie-not-sent' },
  // redirects
  'redirect-scheme-downgrade': { severity: 'problem', fixId: 'redirect-drops-credentials' },
  'redirect-cross-host': { severity: 'warning', fixId: 'redirect-drops-credentials' },
  'redirect-origin-change': { severity: 'info', fixId: 'redirect-drops-credentials' },
  'redirect-changes-method': { severity: 'warning', fixId: 'redirect-drops-credentials' },
  'redirect-loop': { severity: 'problem', fixId: 'redirect-drops-credentials' },
  'redirect-dropped-authorization': { severity: 'problem', fixId: 'redirect-drops-credentials' },
  // caching
  'cache-stores-401': { severity: 'problem', fixId: 'cached-401-response' },
  'cache-hit-401': { severity: 'problem', fixId: 'cached-401-response' },
  'cache-stores-authenticated': { severity: 'warning', fixId: 'cached-401-response' },
  'cache-vary-missing': { severity: 'warning', fixId: 'cached-401-response' },
  // CORS
  'cors-allow-headers-missing-authorization': { severity: 'problem', fixId: 'cors-preflight-authorization' },
  'cors-credentials-with-wildcard-origin': { severity: 'problem', fixId: 'cors-preflight-authorization' },
  'cors-preflight-failed': { severity: 'problem', fixId: 'cors-preflight-authorization' },
  'cors-blocked': { severity: 'warning', fixId: 'cors-preflight-authorization' },
  'cors-401-missing-allow-origin': { severity: 'warning', fixId: 'cors-preflight-authorization' },
  // where the response came from
  'origin-cloudflare': { severity: 'info' },
  'cdn-challenge': { severity: 'problem', fixId: 'waf-cdn-blocks-auth' },
  'waf-block-page': { severity: 'problem', fixId: 'waf-cdn-blocks-auth' },
  'wordpress-security-plugin': { severity: 'problem', fixId: 'wordpress-security-plugin-block' },
  'origin-cloudfront': { severity: 'info' },
  'origin-aws-api-gateway': { severity: 'info' },
  'origin-aws-authorizer': { severity: 'warning', fixId: 'ingress-drops-authorization' },
  'origin-aws-missing-route': { severity: 'warning', fixId: 'not-an-auth-error' },
  'origin-aws-alb': { severity: 'warning', fixId: 'ingress-drops-authorization' },
  'origin-amazon-s3': { severity: 'info' },
  'origin-azure-front-door': { severity: 'info' },
  'origin-envoy-generated': { severity: 'warning', fixId: 'ingress-drops-authorization' },
  'origin-envoy-upstream': { severity: 'info' },
  'origin-proxy-via': { severity: 'info' },
  'origin-server-software': { severity: 'info' },
  'origin-default-error-page': { severity: 'info', fixId: 'htaccess-rule-blocks-path' },
  // known error strings in bodies and logs
  'log-apache-auth-failure': { severity: 'warning', fixId: 'htpasswd-basic-auth' },
  'log-apache-password-file': { severity: 'problem', fixId: 'htpasswd-basic-auth' },
  'log-apache-denied-by-config': { severity: 'problem', fixId: 'htaccess-rule-blocks-path' },
  'log-nginx-basic-auth': { severity: 'warning', fixId: 'htpasswd-basic-auth' },
  'log-nginx-password-file': { severity: 'problem', fixId: 'htpasswd-basic-auth' },
  'mesh-jwt-missing': { severity: 'problem', fixId: 'ingress-drops-authorization' },
  'mesh-jwt-rejected': { severity: 'problem', fixId: 'jwt-validation-mismatch' },
  'mesh-jwt-expired': { severity: 'problem', fixId: 'jwt-expired' },
  'mesh-rbac-denied': { severity: 'warning', fixId: 'ingress-drops-authorization' },
  'error-jwt-expired': { severity: 'problem', fixId: 'jwt-expired' },
  'error-jwt-not-active': { severity: 'problem', fixId: 'clock-skew-server' },
  'error-jwt-invalid': { severity: 'problem', fixId: 'jwt-validation-mismatch' },
  'error-invalid-grant': { severity: 'problem', fixId: 'token-refresh-broken' },
  'error-wordpress-rest': { severity: 'problem', fixId: 'wordpress-rest-api-auth' },
  'error-api-key': { severity: 'problem', fixId: 'api-key-wrong-header' },
  // clock check
  'device-clock-skewed': { severity: 'problem', fixId: 'device-clock-wrong' },
  'server-clock-skewed': { severity: 'problem', fixId: 'clock-skew-server' },
  'clock-check-imprecise': { severity: 'info' },
} as const satisfies Record<string, CatalogEntry>;

export type FindingId = keyof typeof FINDING_CATALOG;

export interface Finding {
  readonly id: FindingId;
  readonly severity: Severity;
  /** Plain text, never markup. */
  readonly title: string;
  /** Plain text, never markup. */
  readonly detail: string;
  /** The source line this finding is about, exactly as pasted (after line capping). */
  readonly quote: string;
  readonly fixId?: FixId;
}

export function makeFinding(id: FindingId, title: string, detail: string, quote: string): Finding {
  const entry: { readonly severity: Severity; readonly fixId?: FixId } = FINDING_CATALOG[id];
  const base = { id, severity: entry.severity, title, detail, quote };
  return entry.fixId === undefined ? base : { ...base, fixId: entry.fixId };
}

/** Problems first; within a severity, the order the evidence appeared in (Array.prototype.sort is stable). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
}
