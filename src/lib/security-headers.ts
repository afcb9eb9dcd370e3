/**
 * The one list of security headers and help-desk build settings.
 *
 * dist/_headers (src/integrations/security-headers.ts), the page CSP <meta>
 * directives (astro.config.mjs), the README's nginx block (checked by
 * tests/unit/helpdesk-headers.test.ts) and `tsx scripts/headers.ts` all come
 * from here, so they cannot drift apart.
 *
 * Build settings (environment variables, all optional):
 * - EMBED_ORIGINS: space-separated origins allowed to frame the guide
 *   (`https://help.example https://support.example`); default none.
 * - OUTCOME_ENDPOINT: an http(s) URL that receives outcome events by
 *   navigator.sendBeacon; default off.
 * - SUPPORT_EMAIL: the recipient of the support request's mailto link.
 */

export interface HelpDeskSettings {
  /** Origins allowed to frame the guide; empty means `frame-ancestors 'none'`. */
  embedOrigins: string[];
  /** Absolute URL for outcome beacons, or undefined (off). */
  outcomeEndpoint?: string;
  /** Recipient for the support request's mailto link. */
  supportEmail?: string;
}

type Env = Record<string, string | undefined>;

/** An origin as a browser writes it: scheme, host, optional port, nothing else. */
export function parseOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`EMBED_ORIGINS: "${value}" is not an origin (write it like https://help.example)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`EMBED_ORIGINS: "${value}" must be http(s)`);
  if (url.origin !== value.replace(/\/$/, '')) throw new Error(`EMBED_ORIGINS: "${value}" must be an origin only (no path, query or user), e.g. ${url.origin}`);
  return url.origin;
}

const EMAIL = /^[^\s@<>(),;:"]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** Reads and validates the help-desk settings; a malformed value fails the build, naming the variable. */
export function readSettings(env: Env = process.env): HelpDeskSettings {
  const origins = (env.EMBED_ORIGINS ?? '').split(/\s+/).filter(Boolean).map(parseOrigin);
  const settings: HelpDeskSettings = { embedOrigins: [...new Set(origins)] };
  const endpoint = env.OUTCOME_ENDPOINT?.trim();
  if (endpoint) {
    let url: URL;
    try {
      url = new URL(endpoint);
    } catch {
      throw new Error(`OUTCOME_ENDPOINT: "${endpoint}" is not an absolute URL`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('OUTCOME_ENDPOINT must be an http(s) URL');
    if (url.username || url.password) throw new Error('OUTCOME_ENDPOINT must not carry a user or password');
    settings.outcomeEndpoint = url.href;
  }
  const email = env.SUPPORT_EMAIL?.trim();
  if (email) {
    if (!EMAIL.test(email)) throw new Error(`SUPPORT_EMAIL: "${email}" is not an email address`);
    settings.supportEmail = email;
  }
  return settings;
}

/** frame-ancestors value: the allowed origins, or 'none'. */
export const frameAncestors = (s: HelpDeskSettings): string => (s.embedOrigins.length ? s.embedOrigins.join(' ') : "'none'");

/** connect-src: same origin, plus the outcome endpoint's origin when set. */
export const connectSrc = (s: HelpDeskSettings): `connect-src ${string}` =>
  `connect-src ${["'self'", ...(s.outcomeEndpoint ? [new URL(s.outcomeEndpoint).origin] : [])].join(' ')}`;

/**
 * Directives every page's CSP <meta> carries (Astro adds script-src and
 * style-src with the hashes it computed). A <meta> cannot carry
 * frame-ancestors; the header does.
 */
/** Typed as Astro's `security.csp.directives` entries: each starts with a directive name it allows. */
type MetaDirective = `${'default-src' | 'img-src' | 'connect-src' | 'object-src' | 'base-uri' | 'form-action'} ${string}`;

export function metaDirectives(s: HelpDeskSettings): MetaDirective[] {
  return [
    "default-src 'self'",
    "img-src 'self' data:",
    connectSrc(s),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self' mailto:",
  ];
}

/** The page-independent part of the CSP, sent as a header next to each page's <meta> policy. */
export function headerCsp(s: HelpDeskSettings): string {
  return ["object-src 'none'", "base-uri 'none'", "form-action 'self' mailto:", `frame-ancestors ${frameAncestors(s)}`].join('; ');
}

export type Header = readonly [name: string, value: string];

/** The headers every response carries. */
export function securityHeaders(s: HelpDeskSettings): Header[] {
  return [
    ['Content-Security-Policy', headerCsp(s)],
    ['Referrer-Policy', 'strict-origin-when-cross-origin'],
    ['X-Content-Type-Options', 'nosniff'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
    // X-Frame-Options has no way to allow a list of origins (ALLOW-FROM is gone from browsers);
    // where embedding is allowed, frame-ancestors alone decides.
    ...(s.embedOrigins.length ? [] : [['X-Frame-Options', 'DENY'] as const]),
    ['Cross-Origin-Opener-Policy', 'same-origin'],
  ];
}

/** Extra headers for the hashed, immutable assets under /_astro/. */
export const ASSET_HEADERS: Header[] = [['Cache-Control', 'public, max-age=31536000, immutable']];

/** dist/_headers (Netlify, Cloudflare Pages and similar hosts). */
export function headersFile(s: HelpDeskSettings): string {
  const lines = [
    '# Generated at build from src/lib/security-headers.ts: edit that list, not this file.',
    "# Each page also carries its own CSP <meta> with the hashes Astro computed for its scripts and",
    '# inlined styles; browsers enforce both policies, so this header adds what a <meta> cannot carry',
    '# (frame-ancestors) and leaves script-src and style-src to the per-page hashes.',
    '/*',
    ...securityHeaders(s).map(([n, v]) => `  ${n}: ${v}`),
    '',
    '/_astro/*',
    ...ASSET_HEADERS.map(([n, v]) => `  ${n}: ${v}`),
    '',
  ];
  return lines.join('\n');
}

/** nginx `add_header` lines for the same list (what the README shows). */
export function nginxAddHeaders(headers: readonly Header[], indent = '    '): string[] {
  return headers.map(([n, v]) => `${indent}add_header ${n} "${v.replaceAll('"', '\\"')}" always;`);
}
