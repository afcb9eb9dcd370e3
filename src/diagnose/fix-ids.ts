/**
 * Fix ids from the content plan. Findings may only link to these, so a typo is a
 * compile error here rather than a dead link on the page.
 */
export const FIX_IDS = [
  'stale-browser-credentials',
  'wrong-password-or-account',
  'two-factor-code-rejected',
  'device-clock-wrong',
  'extension-or-vpn-interference',
  'wrong-url-host',
  'actually-403-forbidden',
  'proxy-auth-407',
  'not-an-auth-error',
  'staging-basic-auth-left-on',
  'htpasswd-basic-auth',
  'htaccess-rule-blocks-path',
  'cookie-domain-mismatch',
  'session-cookie-not-sent',
  'redirect-drops-credentials',
  'cached-401-response',
  'proxy-strips-authorization',
  'waf-cdn-blocks-auth',
  'wrong-status-401-vs-403',
  'sso-user-mapping',
  'session-store-not-shared',
  'ingress-drops-authorization',
  'secrets-rotated-after-deploy',
  'wordpress-security-plugin-block',
  'wordpress-rest-api-auth',
  'wordpress-htaccess-permalinks',
  'cms-user-role-capabilities',
  'bearer-token-missing',
  'api-key-wrong-header',
  'cors-preflight-authorization',
  'jwt-expired',
  'token-refresh-broken',
  'clock-skew-server',
  'jwt-validation-mismatch',
  'oauth-insufficient-scope',
] as const;

export type FixId = (typeof FIX_IDS)[number];

/** Where a fix page lives; kept here so the analyzers and the page agree. */
export function fixUrl(fixId: FixId): string {
  return `/guide/${fixId}/`;
}
