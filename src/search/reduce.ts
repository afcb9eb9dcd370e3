/**
 * Turns what people paste (curl -v output, a JSON error body, a console line,
 * a header block) into the few parts that identify the problem. Pure and
 * linear-time: a megabyte paste must not freeze the page. Every pattern here
 * passes eslint-plugin-regexp's super-linear backtracking and move rules, and
 * nothing reads past the caps below (what was cut is reported, see `Reduced.cut`).
 */
/** Characters read from a query: ~20 KB of ASCII, several curl -v outputs. */
export const MAX_QUERY_CHARS = 20_000;
/** Lines read from a query (blank ones included): a long HAR or stack trace is cut here. */
export const MAX_QUERY_LINES = 1_000;

/** What of a query was read: its head, within both caps, and whether anything was cut. */
export interface Clipped {
  text: string;
  /** Set when the input went past a cap: how much of it was read. */
  cut?: { chars: number; lines: number };
}

/** The head of the input within MAX_QUERY_CHARS and MAX_QUERY_LINES; linear in what it returns. */
export function clip(input: string): Clipped {
  let text = input.slice(0, MAX_QUERY_CHARS);
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
    if (++lines > MAX_QUERY_LINES) {
      text = text.slice(0, at);
      lines = MAX_QUERY_LINES;
      break;
    }
  }
  return text.length < input.length ? { text, cut: { chars: text.length, lines } } : { text };
}

/** How many terms a typed query searches with (a paste gets more: it carries many incidental words). */
export const TYPED_TERMS = 12;

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
  /** Words the query implies without writing them (see `VERSION`); searched with, never shared or shown as typed. */
  implied: string[];
  /** Set when the query was longer than the caps: what was read (see `clip`). */
  cut?: { chars: number; lines: number };
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
const SHORTHAND = new Map<string, string[]>(Object.entries({
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
}));

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
  return text.includes('\n') || text.length > 120 || /^(?:< |> |\* )|HTTP\/[\d.]+ \d{3}|^[ \t]*[{[]/.test(text);
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

/** A header line as curl -v, a browser or a server log prints it: `< name: value`, `name: value`. Anchored, one line. */
const HEADER_LINE = /^[<>]?[ \t]*([a-z][a-z0-9-]*)[ \t]*:/;

/**
 * One pass over the lines: the header names present, and the lines that carry a clue (not curl's
 * connection chatter, not header lines full of ids and times).
 */
function scanLines(text: string): { headers: Set<string>; clues: string } {
  const headers = new Set<string>();
  const clues: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('* ') || line.startsWith('*\t')) continue;
    const name = HEADER_LINE.exec(line)?.[1];
    if (name) headers.add(name);
    if (!(name && NOISE_HEADERS.has(name))) clues.push(line);
  }
  return { headers, clues: clues.join('\n') };
}

// A host name in a paste is the reporter's own site, not a clue; file names (verify.js, admin-ajax.php) are.
const FILE_EXT = new Set('js mjs cjs ts tsx jsx php py rb go java cs json html htm xml yml yaml conf log txt ini env'.split(' '));
function isHostname(w: string): boolean {
  const tld = /\.([a-z]{2,12})$/.exec(w)?.[1];
  return !!tld && !FILE_EXT.has(tld) && /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/.test(w);
}

// Runs of word characters; each is cut into a word below by scanning, not by backtracking.
const RUN = /[a-z0-9_.-]+/g;
const STATUS_IN_RUN = /\b[1-5]\d\d\b/g;
const isLetter = (c: string) => c >= 'a' && c <= 'z';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isAlnum = (c: string) => isLetter(c) || isDigit(c);

/**
 * The words of a text, in order. A word may start with digits when letters follow ("2fa", "0auth"
 * typos) and ends on a letter or digit; bare numbers are not words, but with `statuses` a 3-digit
 * status standing alone is kept ("403 after login"). One linear pass over each run of word characters.
 */
export function wordsOf(text: string, statuses: boolean): string[] {
  const out: string[] = [];
  for (const [run] of text.matchAll(RUN)) {
    let first = 0;
    while (first < run.length && !isLetter(run[first]!)) first++;
    let start = first;
    while (first < run.length && start > 0 && isDigit(run[start - 1]!)) start--;
    if (statuses && start > 0) for (const [s] of run.slice(0, start).matchAll(STATUS_IN_RUN)) out.push(s);
    if (first === run.length) continue;
    let end = run.length - 1;
    while (!isAlnum(run[end]!)) end--;
    out.push(run.slice(start, end + 1));
  }
  return out;
}

/**
 * A version number ("2.33.0", "v6.1", "in 10.3"): of the real reports' tuning part, 74 of the 130 that carry one
 * were broken by an update, against a sixth of all, so a query with one also searches for the upgrade it implies. Not
 * after a word character, '.' or '/': "HTTP/1.1", "nginx/1.18.0", "TLSv1.2" and IP addresses are not versions
 * someone moved to.
 */
const VERSION = /(?<![\w./])v?\d+\.\d+(?:\.\d+)?(?![\w.])/;
const UPGRADE = ['after', 'upgrade'];

export function reduce(input: string): Reduced {
  const { text: head, cut } = clip(input);
  const text = normalise(head);
  const pasted = looksPasted(head);
  const status = Number(/http\/[\d.]+\s+(\d{3})\b/.exec(text)?.[1] ?? /\b(40[13]|407)\b/.exec(text)?.[1] ?? NaN);
  const schemes = [...new Set([...text.matchAll(/(?:www|proxy)-authenticate:\s*([a-z][\w-]*)/g)].map((m) => m[1]!))];
  // Any `error="…"`, `"error": "…"` or `code: '…'` value is a machine code, whichever server printed it.
  const fielded = [...text.matchAll(/\b(?:error|code|errortype)["']?\s*[:=]\s*["']?([a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]+exception)\b/g)].map((m) => m[1]!);
  const codes = [...new Set([...fielded, ...CODES.filter((c) => text.includes(c))])];
  const lines = scanLines(text);
  const headers = HEADERS.filter((h) => lines.headers.has(h));
  // Typed status numbers ("403 after login") are clues; in a paste, numbers are ports, sizes and line numbers.
  const words = pasted ? wordsOf(lines.clues, false) : wordsOf(text, true);
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
    if (w.length > 1 && w.length <= 32 && !(pasted && isHostname(w))) add(w);
    for (const x of SHORTHAND.get(w) ?? []) add(x); // a Map: "constructor" in a paste is a word, not Object's
  }
  const implied = VERSION.test(pasted ? lines.clues : text) ? UPGRADE.filter((w) => !seen.has(w)) : [];
  // A paste has many incidental words (paths, hosts); the engine keeps those it knows, so take a generous head.
  return {
    pasted,
    status: Number.isNaN(status) ? undefined : status,
    schemes,
    codes,
    headers,
    terms: pasted ? terms.slice(0, 48) : terms.slice(0, TYPED_TERMS),
    implied,
    ...(cut ? { cut } : {}),
  };
}
