/**
 * Caching that mixes up who is asking: a CDN storing a 401 (everyone gets it) or a
 * signed-in page (everyone gets someone's session). RFC 9111 rules, simplified to
 * what a shared cache would do.
 */
import type { Exchange, Rule } from './context';
import { makeFinding, type Finding } from './finding';
import { firstHeader, hasHeader, headersNamed, listValues, type Header } from './headers';
import { shown } from './text';

interface CachePolicy {
  readonly directives: ReadonlyMap<string, string>;
  readonly line?: Header;
}

function cachePolicy(headers: readonly Header[]): CachePolicy {
  const directives = new Map<string, string>();
  const lines = headersNamed(headers, 'cache-control');
  for (const [, value] of lines) {
    for (const part of value.split(',')) {
      const eq = part.indexOf('=');
      const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
      const v =
        eq < 0
          ? ''
          : part
              .slice(eq + 1)
              .trim()
              .replace(/^"|"$/g, '');
      if (key !== '' && !directives.has(key)) directives.set(key, v);
    }
  }
  const line = lines[0];
  return line ? { directives, line } : { directives };
}

function seconds(value: string | undefined): number {
  if (value === undefined || !/^\d+$/.test(value)) return 0;
  return Number(value);
}

/** The header that shows a cache answered, if any. */
function cacheHit(headers: readonly Header[]): Header | undefined {
  const explicit = headers.find((h) => {
    const name = h[0].toLowerCase();
    const v = h[1].trim().toLowerCase();
    if (name === 'cf-cache-status') return /^(?:hit|stale|updating|revalidated)$/.test(v);
    // One value per cache layer (Fastly with shielding: "HIT, MISS"); a hit at any layer means a cache answered.
    return (
      ['x-cache', 'x-cache-status', 'x-proxy-cache', 'x-cache-lookup'].includes(name) &&
      v.split(',').some((layer) => layer.includes('hit') && !layer.includes('miss'))
    );
  });
  // Age alone is weaker evidence (some origins send Age: 0 on everything), so a named cache status wins.
  return explicit ?? headers.find((h) => h[0].toLowerCase() === 'age' && /^\d+$/.test(h[1].trim()) && Number(h[1]) > 0);
}

/** Explicit freshness lets a shared cache store even a 401 (RFC 9111 section 3). */
function storableBySharedCache(policy: CachePolicy, headers: readonly Header[]): { storable: boolean; why?: Header } {
  const d = policy.directives;
  if (d.has('no-store') || d.has('private')) return { storable: false };
  const explicit = d.has('public') || seconds(d.get('s-maxage')) > 0 || seconds(d.get('max-age')) > 0;
  if (explicit) return policy.line ? { storable: true, why: policy.line } : { storable: true };
  if (d.has('max-age') || d.has('s-maxage')) return { storable: false };
  const expires = firstHeader(headers, 'expires');
  const date = firstHeader(headers, 'date');
  if (expires) {
    const exp = Date.parse(expires[1]);
    const ref = date ? Date.parse(date[1]) : Number.NaN;
    if (!Number.isNaN(exp) && !Number.isNaN(ref) && exp > ref) return { storable: true, why: expires };
  }
  return { storable: false };
}

function credentialed(e: Exchange): 'authorization' | 'cookie' | undefined {
  if (!e.requestKnown) return undefined;
  if (hasHeader(e.requestHeaders, 'authorization')) return 'authorization';
  if (hasHeader(e.requestHeaders, 'cookie')) return 'cookie';
  return undefined;
}

function exchangeFindings(e: Exchange): Finding[] {
  const headers = e.response.headers;
  const status = e.response.status;
  const policy = cachePolicy(headers);
  const { storable, why } = storableBySharedCache(policy, headers);
  const hit = cacheHit(headers);
  const findings: Finding[] = [];
  const ccText = policy.line ? shown(policy.line[1], 80) : undefined;

  if (status === 401 && storable) {
    findings.push(
      makeFinding(
        'cache-stores-401',
        'Caches are allowed to store this 401',
        `${why ? `"${shown(`${why[0]}: ${why[1]}`, 100)}"` : 'The caching headers'} let a CDN or proxy keep the 401 and ` +
          'serve it to later requests, even ones with valid credentials. Send "Cache-Control: no-store" on 401 responses.',
        why?.[2] ?? e.anchor.text,
      ),
    );
  }
  if (status === 401 && hit) {
    findings.push(
      makeFinding(
        'cache-hit-401',
        'This 401 was served from a cache',
        `"${shown(`${hit[0]}: ${hit[1]}`, 80)}" means a cache answered, not the application. Everyone requesting this URL ` +
          'may get the same 401 until it expires: purge it, and stop caching 401s and signed-in routes.',
        hit[2],
      ),
    );
  }

  const via = credentialed(e);
  const setsCookie = hasHeader(headers, 'set-cookie');
  if (status !== undefined && status < 300 && (via !== undefined || setsCookie)) {
    const d = policy.directives;
    // RFC 9111 section 3.5: a shared cache stores a response to an Authorization request only if told so explicitly.
    const stored =
      via === 'authorization' && !setsCookie
        ? storable && (d.has('public') || seconds(d.get('s-maxage')) > 0 || d.has('must-revalidate'))
        : storable;
    if (stored) {
      findings.push(
        makeFinding(
          'cache-stores-authenticated',
          'A signed-in response may be stored by shared caches',
          `${setsCookie ? 'The response sets a cookie' : `The request carried ${via === 'cookie' ? 'a Cookie' : 'Authorization'}`}, ` +
            `but ${ccText !== undefined ? `"Cache-Control: ${ccText}"` : 'its caching headers'} let a CDN keep it and hand it ` +
            '(cookies included) to other visitors. Use "Cache-Control: private" or "no-store" on signed-in responses.',
          policy.line?.[2] ?? why?.[2] ?? e.anchor.text,
        ),
      );
    }
  }

  const dependsOnCredentials = status === 401 || via !== undefined || setsCookie;
  if (dependsOnCredentials && (storable || hit)) {
    const vary = listValues(headers, 'vary');
    const keyed = vary.includes('*') || vary.includes('authorization') || vary.includes('cookie');
    if (!keyed) {
      const varyLine = headersNamed(headers, 'vary')[0];
      findings.push(
        makeFinding(
          'cache-vary-missing',
          'Caching is on, but the cache key ignores credentials',
          'The response depends on who is asking, yet Vary names neither Authorization nor Cookie, so a cache can give ' +
            "one person's response (or a 401) to everyone. Best: do not cache these responses at all; at least add " +
            '"Vary: Authorization, Cookie".',
          varyLine?.[2] ?? policy.line?.[2] ?? hit?.[2] ?? e.anchor.text,
        ),
      );
    }
  }
  return findings;
}

export const cacheRule: Rule = (ctx) => ctx.exchanges.filter((e) => e.headersKnown).flatMap(exchangeFindings);
