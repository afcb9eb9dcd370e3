/**
 * Set-Cookie checked against the URL that set it, the way a browser decides
 * (RFC 6265 and its 6265bis update). A cookie the browser refuses or never sends
 * back turns into a 401 on the next request, with nothing in the server log.
 */
import { parseSetCookie, type Cookie } from 'set-cookie-parser';
import type { Exchange, Rule } from './context';
import { makeFinding, type Finding } from './finding';
import { headersNamed } from './headers';
import { shown } from './text';

/** Browsers ignore a cookie whose name plus value is larger than this (RFC 6265bis section 5.7). */
export const MAX_COOKIE_BYTES = 4096;

function isIpHost(host: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.includes(':') || host.startsWith('[');
}

/** RFC 6265 section 5.1.3. */
export function domainMatches(host: string, domain: string): boolean {
  const h = host.toLowerCase();
  const d = domain.toLowerCase();
  if (h === d) return true;
  return h.endsWith(`.${d}`) && !isIpHost(h);
}

/** RFC 6265 section 5.1.4. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith('/') || requestPath[cookiePath.length] === '/';
}

/** RFC 6265 section 5.1.4: the directory of the request path. */
export function defaultPath(requestPath: string): string {
  if (!requestPath.startsWith('/')) return '/';
  const last = requestPath.lastIndexOf('/');
  return last <= 0 ? '/' : requestPath.slice(0, last);
}

function parseOne(value: string): Cookie | undefined {
  return parseSetCookie(value, { decodeValues: false, silent: true, split: false })[0];
}

function isExpired(cookie: Cookie, now: Date): boolean {
  // Max-Age wins over Expires (RFC 6265 section 5.3 step 3).
  if (cookie.maxAge !== undefined) return cookie.maxAge <= 0;
  return cookie.expires !== undefined && cookie.expires.getTime() <= now.getTime();
}

function cookieFindings(cookie: Cookie, e: Exchange, quote: string, now: Date): Finding[] {
  const findings: Finding[] = [];
  const name = shown(cookie.name, 60);
  const url = e.url;
  const host = url?.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const expired = isExpired(cookie, now);
  const domain = cookie.domain?.trim().replace(/^\./, '');
  const path = cookie.path?.trim();
  const pathValid = path !== undefined && path.startsWith('/');

  if (host !== undefined && domain !== undefined && domain !== '' && !domainMatches(host, domain)) {
    findings.push(
      makeFinding(
        'cookie-domain-mismatch',
        `The cookie "${name}" is for ${shown(domain, 80)}, but ${shown(host, 80)} set it`,
        'Browsers drop a Set-Cookie whose Domain does not cover the host that sent it (RFC 6265 section 5.3), ' +
          'so this cookie is never stored and the next request arrives without it. Set it from a host inside that ' +
          'domain, or leave out Domain so it belongs to this host.',
        quote,
      ),
    );
  }
  if (url !== undefined && pathValid && !pathMatches(url.pathname, path)) {
    findings.push(
      makeFinding(
        'cookie-path-mismatch',
        `The cookie "${name}" has Path=${shown(path, 60)}, which does not cover ${shown(url.pathname, 80)}`,
        'The browser stores it but only sends it to URLs under that path, so requests to this URL (and to other ' +
          'parts of the site) go without it. A session cookie normally needs Path=/.',
        quote,
      ),
    );
  }
  if (url !== undefined && !pathValid && !expired) {
    const dp = defaultPath(url.pathname);
    if (dp !== '/') {
      findings.push(
        makeFinding(
          'cookie-default-path-narrow',
          `The cookie "${name}" has no Path, so it only goes to ${shown(dp, 80)}/...`,
          `Without Path the browser uses the directory of the URL that set it (RFC 6265 section 5.1.4), here ${shown(dp, 80)}. ` +
            'Pages outside it never receive the cookie. Add Path=/ to a session cookie.',
          quote,
        ),
      );
    }
  }
  const localhost = host === 'localhost' || host === '127.0.0.1' || host?.endsWith('.localhost') === true;
  if (url?.protocol === 'http:' && !e.schemeAssumed && cookie.secure === true && !localhost) {
    findings.push(
      makeFinding(
        'cookie-secure-over-http',
        `The Secure cookie "${name}" was set over plain http`,
        'Browsers ignore Secure cookies set by an http:// page and never send them to one. Serve the site (and this ' +
          'response) over https, or check that a proxy in front is not talking plain http to the browser.',
        quote,
      ),
    );
  }
  if (cookie.sameSite?.trim().toLowerCase() === 'none' && cookie.secure !== true) {
    findings.push(
      makeFinding(
        'cookie-samesite-none-without-secure',
        `The cookie "${name}" has SameSite=None but not Secure`,
        'Browsers reject SameSite=None cookies that are not also Secure, so this cookie is never stored. ' +
          'Add Secure (and serve over https).',
        quote,
      ),
    );
  }
  if (expired) {
    findings.push(
      makeFinding(
        'cookie-already-expired',
        `The cookie "${name}" is deleted as soon as it arrives`,
        (cookie.maxAge !== undefined ? `Max-Age=${cookie.maxAge}` : `Expires ${cookie.expires?.toUTCString() ?? ''}`) +
          ' is already in the past, which is how servers delete a cookie. Right for a sign-out; anywhere else ' +
          'the browser throws the session away at once. If the date is only slightly past, check the server clock.',
        quote,
      ),
    );
  }
  const lowerName = cookie.name.toLowerCase();
  const prefixProblem = lowerName.startsWith('__host-')
    ? cookie.secure !== true || (cookie.domain !== undefined && cookie.domain !== '') || path !== '/'
      ? 'A __Host- cookie must be Secure, have Path=/ and no Domain attribute.'
      : undefined
    : lowerName.startsWith('__secure-') && cookie.secure !== true
      ? 'A __Secure- cookie must have the Secure attribute.'
      : undefined;
  if (prefixProblem !== undefined) {
    findings.push(
      makeFinding(
        'cookie-prefix-violation',
        `The browser will reject the cookie "${name}"`,
        `${prefixProblem} Browsers silently refuse cookies that break the rules of their name prefix.`,
        quote,
      ),
    );
  }
  const size = cookie.name.length + cookie.value.length;
  if (size > MAX_COOKIE_BYTES) {
    findings.push(
      makeFinding(
        'cookie-too-large',
        `The cookie "${name}" is too large (${size} bytes)`,
        'Browsers ignore cookies above 4096 bytes (name plus value). Store the session on the server and keep only an id in the cookie.',
        quote,
      ),
    );
  }
  return findings;
}

export const cookieRule: Rule = (ctx, notices) => {
  const findings: Finding[] = [];
  let unchecked = false;
  for (const e of ctx.exchanges) {
    for (const header of headersNamed(e.response.headers, 'set-cookie')) {
      const cookie = parseOne(header[1]);
      if (!cookie) continue;
      if (!e.url) unchecked = true;
      findings.push(...cookieFindings(cookie, e, header[2], ctx.now));
    }
  }
  if (unchecked) {
    notices.push(
      'Set-Cookie headers were found but not the URL that set them, so Domain, Path and Secure could not be checked. ' +
        'Include the request URL (curl -v shows it).',
    );
  }
  return findings;
};
