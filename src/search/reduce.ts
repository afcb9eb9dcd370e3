/**
 * Turns what people paste (curl -v output, a JSON error body, a console line,
 * a header block) into the few parts that identify the problem. Pure and
 * linear-time: a megabyte paste must not freeze the page.
 */
export const MAX_QUERY_CHARS = 20_000;

export interface Reduced {
  /** True when the input looked like a paste rather than typed words. */
  pasted: boolean;
  status?: number;
  schemes: string[];
  /** RFC 6750 / RFC 6749 error codes and similar machine codes found. */
  codes: string[];
  /** Header names present, lower-case. */
  headers: string[];
  /** The words to search with, most distinctive first. */
  terms: string[];
}

// Codes recognised even when they appear bare, outside an `error=` or `"code":` field.
const CODES = [
  'invalid_token', 'insufficient_scope', 'invalid_request', 'invalid_grant', 'invalid_client', 'unauthorized_client',
  'access_denied', 'rest_not_logged_in', 'rest_forbidden', 'rest_cookie_invalid_nonce', 'login_required', 'consent_required',
  'interaction_required', 'token_not_valid', 'application_passwords_disabled', 'unauthorizedexception',
];
const HEADERS = [
  'www-authenticate', 'authorization', 'proxy-authenticate', 'proxy-authorization', 'set-cookie', 'cookie', 'location',
  'cache-control', 'vary', 'access-control-allow-origin', 'access-control-allow-headers', 'access-control-allow-credentials',
  'cf-ray', 'cf-mitigated', 'cf-cache-status', 'x-cache', 'x-cache-status', 'via', 'x-amzn-errortype', 'x-amzn-requestid', 'x-wp-nonce', 'x-api-key',
];
// Header lines whose values are ids, times, sizes or client details: in a paste they only add noise.
const NOISE_HEADERS = new Set(
  ('date host user-agent accept accept-encoding accept-language accept-ranges content-length content-type connection keep-alive ' +
    'transfer-encoding etag last-modified expires age x-request-id x-correlation-id request-id x-amzn-requestid x-amz-apigw-id ' +
    'x-amz-cf-id x-amz-cf-pop x-amzn-trace-id cf-ray strict-transport-security x-content-type-options x-frame-options ' +
    'x-xss-protection content-security-policy referrer-policy permissions-policy alt-svc server-timing report-to nel priority ' +
    'origin referer sec-fetch-site sec-fetch-mode sec-fetch-dest sec-ch-ua sec-ch-ua-mobile sec-ch-ua-platform ' +
    'x-envoy-upstream-service-time x-runtime x-powered-by').split(' '),
);
// Words that appear in nearly every 401 report or paste, or are filler in any question, and so tell the fixes apart not at all.
export const STOP = new Set(
  ('a an and are as at be been but by can could did do does doing for from get gets getting got has have having how i if in into is it its ' +
    'just me my no not of on or our so some still that the their them then there this to too tried trying us was we were what when where ' +
    'which while who why will with without would you your error errors http https status code unauthorized unauthorised 401 help please ' +
    'issue problem fix fixed keep keeps always now request response server html head body date content type length ' +
    'connection keep-alive close text charset utf-8 json ok ' +
    'am im i\'m dont doesnt didnt cant isnt wont also any anyone someone all every even though pls plz thanks thank hi hello ' +
    'guys idea ideas know need want like same here sure really very much ' +
    'work works working worked return returns returned returning give gives giving say says said show shows showing ' +
    'true false').split(' '),
);
/**
 * Shorthand people type that our word splitting would lose: "wp-json" splits into two words too
 * short or too common to search ("wp", "json"), "k8s" into nothing we know.
 */
const SHORTHAND: Record<string, string[]> = {
  'wp-json': ['wordpress', 'rest'],
  'wp-admin': ['wordpress', 'admin'],
  'wp-login.php': ['wordpress', 'login'],
  wp: ['wordpress'],
  k8s: ['kubernetes'],
  'next.js': ['nextjs'],
  sso: ['sso', 'saml'],
  '2fa': ['two-factor'],
  mfa: ['two-factor'],
  totp: ['two-factor'],
};

// Long stop words whose misspellings ("unathorized") would otherwise fuzzy-match every page that prints them.
const LONG_STOP = [...STOP].filter((w) => w.length >= 8);

// British spellings of words our content writes the American way; exact error matching needs one form.
const BRITISH = /\b(authori|organi|recogni|initiali|seriali|normali|customi|synchroni|finali|utili|minimi|maximi)s/g;

export function normalise(text: string): string {
  return text
    .slice(0, MAX_QUERY_CHARS)
    .toLowerCase()
    .replace(BRITISH, '$1z')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

export function looksPasted(text: string): boolean {
  return text.includes('\n') || text.length > 120 || /^(< |> |\* )|HTTP\/[\d.]+ \d{3}|^\s*[{[]/m.test(text);
}

/** Edit distance of at most one, without building a matrix: the check runs on every query word. */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const isStop = (w: string) => STOP.has(w) || (w.length >= 7 && LONG_STOP.some((s) => nearlyEqual(w, s)));

/** Lines of a paste that carry no clue: curl's connection chatter and header lines full of ids and times. */
function clueLines(text: string): string {
  return text
    .split('\n')
    .filter((line) => {
      if (/^\*\s/.test(line)) return false;
      const header = /^[<>]?\s*([a-z][a-z0-9-]*)\s*:/.exec(line);
      return !(header && NOISE_HEADERS.has(header[1]!));
    })
    .join('\n');
}

// A host name in a paste is the reporter's own site, not a clue; file names (verify.js, admin-ajax.php) are.
const FILE_EXT = new Set('js mjs cjs ts tsx jsx php py rb go java cs json html htm xml yml yaml conf log txt ini env'.split(' '));
function isHostname(w: string): boolean {
  const tld = /\.([a-z]{2,12})$/.exec(w)?.[1];
  return !!tld && !FILE_EXT.has(tld) && /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(w);
}

// A word may start with digits when letters follow ("2fa", "0auth" typos); bare numbers are not words.
const WORD = /\d*[a-z][a-z0-9_.-]*[a-z0-9]|\d*[a-z]/g;
const WORD_OR_STATUS = /\d*[a-z][a-z0-9_.-]*[a-z0-9]|\d*[a-z]|\b[1-5]\d\d\b/g;

export function reduce(input: string): Reduced {
  const text = normalise(input);
  const pasted = looksPasted(input);
  const status = Number(/http\/[\d.]+\s+(\d{3})\b/.exec(text)?.[1] ?? /\b(40[13]|407)\b/.exec(text)?.[1] ?? NaN);
  const schemes = [...new Set([...text.matchAll(/(?:www|proxy)-authenticate:\s*([a-z][\w-]*)/g)].map((m) => m[1]!))];
  // Any `error="…"`, `"error": "…"` or `code: '…'` value is a machine code, whichever server printed it.
  const fielded = [...text.matchAll(/\b(?:error|code|errortype)["']?\s*[:=]\s*["']?([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+exception)\b/g)].map((m) => m[1]!);
  const codes = [...new Set([...fielded, ...CODES.filter((c) => text.includes(c))])];
  const headers = HEADERS.filter((h) => new RegExp(`(^|\\n)[<>]?\\s*${h}\\s*:`).test(text));
  // Typed status numbers ("403 after login") are clues; in a paste, numbers are ports, sizes and line numbers.
  const words = pasted ? clueLines(text).match(WORD) ?? [] : text.match(WORD_OR_STATUS) ?? [];
  const seen = new Set<string>();
  const terms: string[] = [];
  const add = (w: string) => {
    if (!seen.has(w) && !isStop(w)) {
      seen.add(w);
      terms.push(w);
    }
  };
  for (const c of codes) add(c);
  for (const s of schemes) add(s);
  if (pasted && status) add(String(status));
  for (const w of words) {
    if (((w.length > 1 && w.length <= 32) || /^[1-5]\d\d$/.test(w)) && !(pasted && isHostname(w))) add(w);
    for (const x of SHORTHAND[w] ?? []) add(x);
  }
  // A paste has many incidental words (paths, hosts); the engine keeps those it knows, so take a generous head.
  return { pasted, status: Number.isNaN(status) ? undefined : status, schemes, codes, headers, terms: pasted ? terms.slice(0, 48) : terms.slice(0, 12) };
}
