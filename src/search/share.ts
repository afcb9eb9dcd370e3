/**
 * What of a query may leave the page (the address bar, a history entry, the
 * header form's GET): only words built from an allowlist, never the raw text.
 * See DESIGN.md, "What may leave the page". Redacting secrets out of raw text
 * is not a safe design (there are too many shapes of secret); here a word goes
 * out only when it is a status code, an auth scheme name, an RFC 6750 / OAuth
 * error code, a header name, or a word of the content's own vocabulary.
 * Pure: the page and the property test (tests/unit/search-share.test.ts) run it.
 */
import { reduce, TYPED_TERMS } from './reduce';

/** The longest query the URL carries. */
export const MAX_SHARED_CHARS = 200;

/** Auth scheme names (IANA HTTP Authentication Scheme Registry and the common vendor ones). */
export const SCHEMES: ReadonlySet<string> = new Set(
  ('basic bearer digest negotiate ntlm hoba mutual vapid scram-sha-1 scram-sha-256 dpop gnap privatetoken concealed ' +
    'aws4-hmac-sha256 ssws token apikey oauth kerberos').split(' '),
);

/** RFC 6750 and RFC 6749 error codes, and the OpenID Connect ones a 401 carries. */
export const OAUTH_CODES: ReadonlySet<string> = new Set(
  ('invalid_token insufficient_scope invalid_request invalid_grant invalid_client unauthorized_client access_denied ' +
    'unsupported_grant_type unsupported_response_type invalid_scope server_error temporarily_unavailable ' +
    'login_required consent_required interaction_required account_selection_required invalid_dpop_proof use_dpop_nonce').split(' '),
);

/** Header names that tell a 401 apart; header values never leave the page. */
export const HEADER_NAMES: ReadonlySet<string> = new Set(
  ('www-authenticate authorization proxy-authenticate proxy-authorization set-cookie cookie location cache-control vary ' +
    'access-control-allow-origin access-control-allow-headers access-control-allow-credentials access-control-request-headers ' +
    'cf-ray cf-mitigated cf-cache-status x-cache x-cache-status via x-amzn-errortype x-wp-nonce x-api-key x-auth-token ' +
    'x-forwarded-proto x-forwarded-for x-forwarded-host x-requested-with origin').split(' '),
);

/** Credential headers a client sends: a curl paste names them whatever went wrong, so they say the least. */
const SENT_CREDENTIALS: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key', 'x-auth-token']);

const STATUS = /^[1-5]\d\d$/;

/**
 * Whether a reduced term may leave the page. A compound term ("two-factor", "verify.js") goes out only when
 * every part of it is allowed on its own, so a token made of known words and unknown ones does not.
 */
export function allowed(term: string, vocabulary: ReadonlySet<string>): boolean {
  if (STATUS.test(term) || SCHEMES.has(term) || OAUTH_CODES.has(term) || HEADER_NAMES.has(term) || vocabulary.has(term)) return true;
  const parts = term.split(/[.-]/);
  return parts.length > 1 && parts.every((p) => p.length > 1 && (vocabulary.has(p) || SCHEMES.has(p) || OAUTH_CODES.has(p)));
}

/**
 * The query the page may write into `/search/?q=`: the reduced terms that pass the allowlist, at most MAX_SHARED_CHARS
 * long. Opening that URL searches for the same clues, not the same text, and searches them as typed words: only the
 * first TYPED_TERMS count. So a paste's words go out in the order that keeps its clues: codes, schemes and status,
 * then the words of the message and the response's header names, and the credential headers the client sent last
 * (a curl paste names Authorization, Cookie and the like whatever went wrong; with them in text order, "expired"
 * fell past the cut and the shared search found another page).
 */
export function shareableQuery(input: string, vocabulary: ReadonlySet<string>): string {
  const r = reduce(input);
  const terms = r.pasted ? [...r.terms.filter((t) => !SENT_CREDENTIALS.has(t)), ...r.terms.filter((t) => SENT_CREDENTIALS.has(t))] : r.terms;
  const words: string[] = [];
  let length = 0;
  for (const t of terms) {
    if (words.length === TYPED_TERMS) break;
    if (!allowed(t, vocabulary) || length + t.length + (words.length ? 1 : 0) > MAX_SHARED_CHARS) continue;
    length += t.length + (words.length ? 1 : 0);
    words.push(t);
  }
  return words.join(' ');
}
