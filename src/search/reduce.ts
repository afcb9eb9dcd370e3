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

const CODES = [
  'invalid_token', 'insufficient_scope', 'invalid_request', 'invalid_grant', 'invalid_client', 'unauthorized_client',
  'access_denied', 'rest_not_logged_in', 'rest_forbidden', 'rest_cookie_invalid_nonce', 'login_required', 'consent_required',
];
const HEADERS = [
  'www-authenticate', 'authorization', 'proxy-authenticate', 'proxy-authorization', 'set-cookie', 'cookie', 'location',
  'cache-control', 'vary', 'access-control-allow-origin', 'access-control-allow-headers', 'access-control-allow-credentials',
  'cf-ray', 'cf-mitigated', 'x-cache', 'via', 'x-amzn-errortype', 'x-amzn-requestid', 'x-wp-nonce', 'x-api-key',
];
// Words that appear in nearly every 401 report or paste and so tell the fixes apart not at all.
const STOP = new Set(
  ('a an and are as at be been but by can could did do does doing for from get gets getting got has have having how i if in into is it its ' +
    'just me my no not of on or our so some still that the their them then there this to too tried trying us was we were what when where ' +
    'which while who why will with without would you your error errors http https status code unauthorized unauthorised 401 help please ' +
    'issue problem fix fixed keep keeps always now get request response server html head body date content type length ' +
    'connection keep-alive close text charset utf-8 application json ok').split(' '),
);

export function normalise(text: string): string {
  return text
    .slice(0, MAX_QUERY_CHARS)
    .toLowerCase()
    .replace(/authoris/g, 'authoriz')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

export function looksPasted(text: string): boolean {
  return text.includes('\n') || text.length > 120 || /^(< |> |\* )|HTTP\/[\d.]+ \d{3}|^\s*[{[]/m.test(text);
}

export function reduce(input: string): Reduced {
  const text = normalise(input);
  const pasted = looksPasted(input);
  const status = Number(/http\/[\d.]+\s+(\d{3})/.exec(text)?.[1] ?? /\b(40[13]|407)\b/.exec(text)?.[1] ?? NaN);
  const schemes = [...new Set([...text.matchAll(/(?:www|proxy)-authenticate:\s*([a-z][\w-]*)/g)].map((m) => m[1]!))];
  const codes = CODES.filter((c) => text.includes(c));
  const headers = HEADERS.filter((h) => new RegExp(`(^|\\n)[<>]?\\s*${h}\\s*:`).test(text));
  const words = text.match(/[a-z][a-z0-9_.-]*[a-z0-9]|[a-z]/g) ?? [];
  const seen = new Set<string>();
  const terms: string[] = [];
  const add = (w: string) => {
    if (!seen.has(w) && !STOP.has(w)) {
      seen.add(w);
      terms.push(w);
    }
  };
  for (const c of codes) add(c);
  for (const s of schemes) add(s);
  for (const w of words) if (w.length > 1 && w.length <= 32 && !/^[\d.]+$/.test(w)) add(w);
  // A paste has many incidental words (dates, hosts); keep the distinctive head of the list.
  return { pasted, status: Number.isNaN(status) ? undefined : status, schemes, codes, headers, terms: pasted ? terms.slice(0, 24) : terms.slice(0, 12) };
}
