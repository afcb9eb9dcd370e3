/**
 * What the search page may write into its URL (and the header form into its GET): the allowlisted
 * reduction of a query, never the raw text. The property test plants secrets in every form the
 * hostile-input review found leaking (issue 12) inside curl, HAR, JSON, console and header text.
 *
 * An allowlist lets through any word of the content's vocabulary, so a "secret" made only of such
 * words ("token expired") would pass; that is by design, not a leak of anything a person chose.
 * Secrets here are therefore drawn from high-entropy alphabets (base64url, hex, alphanumeric, and
 * printable passwords with spaces and symbols), plus a few fixed realistic ones checked to contain
 * no vocabulary word of six letters or more.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/model/load-files';
import { plainText } from '../../src/markdown/inline';
import { contentDocuments } from '../../src/search/documents';
import { createSearch } from '../../src/search/engine';
import { MAX_QUERY_CHARS, TYPED_TERMS } from '../../src/search/reduce';
import { allowed, MAX_SHARED_CHARS, shareableQuery } from '../../src/search/share';

const { content } = loadContentDir('content');
const docs = contentDocuments(content, plainText);
const { vocabulary } = createSearch(docs);

/** The query string exactly as the page writes it: `url.searchParams.set('q', …)`. */
const urlFor = (paste: string) => {
  const url = new URL('https://fix401.test/search/');
  const q = shareableQuery(paste, vocabulary);
  if (q) url.searchParams.set('q', q);
  return url.href;
};

/** No run of 6+ characters of the secret (case-insensitive) may appear in the decoded URL. */
function leaks(secret: string, url: string): string | undefined {
  const hay = decodeURIComponent(url.replace(/\+/g, ' ')).toLowerCase();
  const s = secret.toLowerCase();
  for (let i = 0; i + 6 <= s.length; i++) if (hay.includes(s.slice(i, i + 6))) return s.slice(i, i + 6);
  return undefined;
}

const chars = (s: string) => [...s];
const ALNUM = chars('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const B64URL = [...ALNUM, '-', '_'];
const HEX = chars('0123456789abcdef');
const PRINTABLE = [...ALNUM, ...chars(' !#$%()*+,-./:;<=>?@[]^_{|}~')];
const str = (alphabet: string[], minLength: number, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet), minLength, maxLength });

/**
 * Random secrets: the high-entropy body of a token, key or password. A draw that by itself holds an allowlisted
 * word (about one in 200,000: "String#aaaaaaaa" holds "string") is left out, as the fixed ones are checked to be:
 * the allowlist lets such a word out by design, and the property is about everything else in the secret.
 */
const secretArb = fc
  .oneof(str(B64URL, 16, 64), str(HEX, 16, 64), str(ALNUM, 12, 48), str(PRINTABLE, 8, 32).filter((s) => s.trim().length >= 8))
  .filter((s) => shareableQuery(s, vocabulary) === '');

/** Fixed realistic secrets (the ones issue 12 and 15 name), none containing a 6+ letter content word. */
const FIXED = ['hunter 2', 'abcd EFGH ijkl MNOP qrst UVWX', 'Tr0ub4dor&3', 'P@ssw0rd!2026', 'q7Zr-Kp2x-Vw9M', 'AKIAJ7Q3ZP2RW4XK9DLM'];

/** Every secret form from issue 12: [label, paste containing the secret, the secret's own text]. */
type Form = (s: string) => { text: string; secrets: string[] };
const FORMS: Record<string, Form> = {
  'curl -H Cookie mid-line': (s) => ({ text: `curl -s -H 'Cookie: sid=${s}; theme=dark' https://api.shop.test/me`, secrets: [s] }),
  'curl -b': (s) => ({ text: `curl -b 'session=${s}' https://app.shop.test/account`, secrets: [s] }),
  'curl --user=': (s) => ({ text: `curl --user=alice:${s} https://files.shop.test/`, secrets: [s] }),
  "curl -u 'alice:…'": (s) => ({ text: `curl -u 'alice:${s}' https://files.shop.test/`, secrets: [s] }),
  'curl --user editor:"…"': (s) => ({ text: `curl --user editor:"${s}" https://blog.shop.test/wp-json/wp/v2/posts`, secrets: [s] }),
  'user:pass@host': (s) => ({ text: `GET https://alice:${s}@registry.shop.test/v2/ 401 (Unauthorized)`, secrets: [s] }),
  'quoted "Bearer …"': (s) => ({ text: `"Authorization": "Bearer ${s}"`, secrets: [s] }),
  'Authorization header line': (s) => ({ text: `> Authorization: Bearer ${s}`, secrets: [s] }),
  'JSON headers object': (s) => ({ text: JSON.stringify({ headers: { Authorization: `Bearer ${s}`, Cookie: `sid=${s}` } }), secrets: [s] }),
  'HAR header and cookie': (s) => ({
    text: JSON.stringify({ request: { headers: [{ name: 'authorization', value: `Basic ${s}` }], cookies: [{ name: 'sid', value: s }] } }, null, 2),
    secrets: [s],
  }),
  'fetch headers': (s) => ({ text: `fetch('/api/me', { headers: { 'X-Api-Key': '${s}' }, credentials: 'include' })`, secrets: [s] }),
  'AWS4-HMAC-SHA256': (s) => {
    const sig = [...s].map((c) => c.charCodeAt(0).toString(16)).join('').slice(0, 64);
    return {
      text: `Authorization: AWS4-HMAC-SHA256 Credential=AKIA${s}/20261129/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`,
      secrets: [s, sig],
    };
  },
  SSWS: (s) => ({ text: `Authorization: SSWS 00${s}`, secrets: [s] }),
  'X-Auth-Token': (s) => ({ text: `X-Auth-Token: ${s}`, secrets: [s] }),
  'private_token=': (s) => ({ text: `GET /api/v4/projects?private_token=${s} 401`, secrets: [s] }),
  'key=': (s) => ({ text: `https://maps.shop.test/api/geocode/json?address=x&key=${s}`, secrets: [s] }),
  'sig=': (s) => ({ text: `https://store.blob.test/c/f.pdf?sv=2024-01-01&se=2026-12-01&sig=${encodeURIComponent(s)}`, secrets: [s] }),
  '"accessToken"': (s) => ({ text: `{"accessToken":"${s}","expiresIn":3600}`, secrets: [s] }),
  'refresh_token in JSON': (s) => ({ text: `{"access_token":"${s}x","refresh_token":"${s}","token_type":"Bearer"}`, secrets: [s] }),
  'password in a query string': (s) => ({ text: `POST /login?username=alice&password=${encodeURIComponent(s)} HTTP/1.1`, secrets: [s] }),
  'GitHub ghp_': (s) => ({ text: `git clone https://ghp_${s}@github.com/acme/app.git`, secrets: [`ghp_${s}`] }),
  'GitHub github_pat_': (s) => ({ text: `Authorization: token github_pat_11A${s}`, secrets: [`github_pat_11A${s}`] }),
  'Slack xox*': (s) => ({ text: `SLACK_BOT_TOKEN=xoxb-2048-${s}`, secrets: [`xoxb-2048-${s}`] }),
  'Stripe sk_live_': (s) => ({ text: `curl https://api.stripe.test/v1/charges -u sk_live_${s}:`, secrets: [`sk_live_${s}`] }),
  'PEM key': (s) => ({ text: `-----BEGIN PRIVATE KEY-----\nMII${s}\n${s}Ag\n-----END PRIVATE KEY-----`, secrets: [s] }),
  'JWT anywhere': (s) => ({ text: `token=eyJhbGciOiJIUzI1NiJ9.eyJ${s}.${s}`, secrets: [s] }),
};

/** The text people paste around it. */
const CONTAINERS: Record<string, (inner: string) => string> = {
  'curl -v': (inner) =>
    `$ ${inner}\n*   Trying 203.0.113.7:443...\n> GET /v1/orders HTTP/1.1\n> Host: api.shop.test\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired"\n<\n* Connection #0 left intact`,
  HAR: (inner) => JSON.stringify({ log: { entries: [{ request: { method: 'GET', url: 'https://api.shop.test/me', note: inner }, response: { status: 401 } }] } }, null, 2),
  JSON: (inner) => `{"error":"invalid_grant","error_description":"Token has been expired or revoked.","debug":${JSON.stringify(inner)}}`,
  console: (inner) => `GET https://app.shop.test/api/me 401 (Unauthorized)\n${inner}\nUncaught (in promise) AxiosError: Request failed with status code 401`,
  headers: (inner) => `HTTP/2 401\ncontent-type: application/json\nvary: Origin\n${inner}\nwww-authenticate: Basic realm="staging"`,
  bare: (inner) => inner,
};

describe('shareableQuery: only allowlisted words leave the page', () => {
  it('keeps what identifies the problem: status, scheme, error codes, header names, content words', () => {
    const q = shareableQuery(CONTAINERS['curl -v']!(FORMS['Authorization header line']!('c2VjcmV0c2lnbmF0dXJlMTIzNDU2').text), vocabulary);
    expect(q.split(' ')).toEqual(expect.arrayContaining(['invalid_token', 'bearer', 'www-authenticate', 'expired']));
    expect(shareableQuery('HTTP/1.1 407 Proxy Authentication Required\nProxy-Authenticate: NTLM', vocabulary).split(' ')).toEqual(
      expect.arrayContaining(['407', 'ntlm']),
    );
    expect(shareableQuery('cors preflight', vocabulary)).toBe('cors preflight');
  });

  it('keeps the challenge\'s words when a curl paste names its credential headers first, within what a typed search reads', () => {
    const paste = [
      `$ curl -v -u 'alice:pw' -H 'Cookie: sid=abc' -H "X-Api-Key: k" https://api.shop.test/v1/me`,
      '> Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30',
      '< HTTP/1.1 401 Unauthorized',
      '< WWW-Authenticate: Bearer error="invalid_token", error_description="The access token expired"',
    ].join('\n');
    const words = shareableQuery(paste, vocabulary).split(' ');
    expect(words).toEqual(expect.arrayContaining(['invalid_token', 'bearer', 'www-authenticate', 'expired']));
    expect(words.length).toBeLessThanOrEqual(TYPED_TERMS);
  });

  it('never writes an implied word the person did not type', () => {
    expect(shareableQuery('token rejected since 2.33.0', vocabulary)).not.toMatch(/upgrade|after/);
  });

  it('drops words the content does not know, typed or pasted', () => {
    expect(shareableQuery('hunter2 wordpress', vocabulary)).toBe('wordpress');
    expect(allowed('eyjhbgcioijiuzi1nij9', vocabulary)).toBe(false);
    // A compound goes out only when every part is allowed.
    expect(allowed('token.zq9xk2', vocabulary)).toBe(false);
  });

  it(`is at most ${MAX_SHARED_CHARS} characters, however long the paste`, () => {
    const words = [...vocabulary].filter((w) => w.length > 6).slice(0, 400).join('\n');
    expect(words.length).toBeGreaterThan(MAX_SHARED_CHARS * 4);
    const q = shareableQuery(words, vocabulary);
    expect(q.length).toBeGreaterThan(0);
    expect(q.length).toBeLessThanOrEqual(MAX_SHARED_CHARS);
    expect(shareableQuery('x'.repeat(MAX_QUERY_CHARS * 50), vocabulary)).toBe('');
  });

  it('the fixed realistic secrets contain no content word of six letters or more', () => {
    for (const s of FIXED) for (const w of vocabulary) if (w.length >= 6) expect(s.toLowerCase(), w).not.toContain(w);
  });

  it('writes no 6+ character run of a secret into the URL, in any form and any container (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(FORMS)),
        fc.constantFrom(...Object.keys(CONTAINERS)),
        fc.oneof({ weight: 4, arbitrary: secretArb }, { weight: 1, arbitrary: fc.constantFrom(...FIXED) }),
        (form, container, secret) => {
          const { text, secrets } = FORMS[form]!(secret);
          const url = urlFor(CONTAINERS[container]!(text));
          for (const s of secrets) expect(leaks(s, url), `${form} in ${container}: ${url}`).toBeUndefined();
        },
      ),
      { numRuns: 600 },
    );
  });

  it('writes none of the fixed secrets in any form and container (exhaustive)', () => {
    for (const [form, make] of Object.entries(FORMS))
      for (const [container, wrap] of Object.entries(CONTAINERS))
        for (const secret of FIXED) {
          const { text, secrets } = make(secret);
          const url = urlFor(wrap(text));
          for (const s of secrets) expect(leaks(s, url), `${form} in ${container}: ${url}`).toBeUndefined();
        }
  });
});

describe('allowed: the allowlist, on a hand-made vocabulary', () => {
  const none: ReadonlySet<string> = new Set();

  it('lets out status codes, OAuth error codes and header names without any vocabulary', () => {
    for (const term of ['401', '407', 'invalid_token', 'use_dpop_nonce', 'www-authenticate', 'x-api-key'])
      expect(allowed(term, none), term).toBe(true);
    expect(allowed('nginx', none)).toBe(false);
    expect(allowed('nginx', new Set(['nginx']))).toBe(true);
  });

  it('lets out auth scheme names without any vocabulary, alone and in a compound, but no single letter', () => {
    for (const term of ['bearer', 'ntlm', 'scram-sha-256', 'aws4-hmac-sha256', 'bearer-invalid_token']) expect(allowed(term, none), term).toBe(true);
    // The scheme list once held single characters (a string split in the wrong place), so "a" passed as a scheme.
    for (const term of ['a', 'b', 'x']) expect(allowed(term, none), term).toBe(false);
  });

  it('keeps out numbers that are not a status code and words that are in no list', () => {
    for (const term of ['600', '40', '4011', 'hunter2', 'sk_live_abc']) expect(allowed(term, none), term).toBe(false);
  });

  it('lets a compound out when every part is allowed on its own', () => {
    expect(allowed('verify.js', new Set(['verify', 'js']))).toBe(true);
    expect(allowed('two-factor', new Set(['two', 'factor']))).toBe(true);
  });

  it('keeps a compound in when one part is not allowed', () => {
    expect(allowed('verify.js', new Set(['verify']))).toBe(false);
    expect(allowed('invalid_token.zq9xk2', none)).toBe(false);
  });

  it('keeps in a compound of single characters, though each is a content word (a spelled-out secret)', () => {
    expect(allowed('q-7-z-r', new Set(['q', '7', 'z', 'r']))).toBe(false);
  });
});

describe('shareableQuery: the length cap', () => {
  // Six words of 28 letters and their separators take 173 characters.
  const six = [...'abcdef'].map((c) => c.repeat(28));

  it(`keeps a query of exactly ${MAX_SHARED_CHARS} characters whole`, () => {
    const words = [...six, 'g'.repeat(26)];
    const query = words.join(' ');
    expect(query).toHaveLength(MAX_SHARED_CHARS);
    expect(shareableQuery(query, new Set(words))).toBe(query);
  });

  it('skips a word that would pass the cap, counting its separator, and keeps a later one that fits', () => {
    const words = [...six, 'g'.repeat(27), 'hhh'];
    const q = shareableQuery(words.join(' '), new Set(words));
    expect(q).toBe([...six, 'hhh'].join(' '));
    expect(q.length).toBeLessThanOrEqual(MAX_SHARED_CHARS);
  });
});
