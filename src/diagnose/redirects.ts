/**
 * Redirects that lose credentials on the way: clients drop Authorization when a
 * redirect changes origin, and Secure or host-only cookies do not follow a change
 * of scheme or host.
 */
import { isRedirect, type Rule } from './context';
import { makeFinding, type Finding } from './finding';
import { firstHeader, hasHeader } from './headers';
import { shown } from './text';

function resolve(location: string, base: URL | undefined): URL | undefined {
  try {
    return base ? new URL(location, base) : new URL(location);
  } catch {
    return undefined;
  }
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export const redirectRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const first = ctx.exchanges[0]?.url;
  if (first) seen.add(first.href);
  let loopReported = false;

  ctx.exchanges.forEach((e, i) => {
    const status = e.response.status;
    if (!isRedirect(status) || status === undefined) return;
    const location = firstHeader(e.response.headers, 'location');
    if (!location) return;
    const quote = location[2];
    const from = e.url;
    const to = resolve(location[1].trim(), from);
    if (!to) return;

    if (from) {
      const fromText = shown(`${from.protocol}//${from.host}`, 80);
      const toText = shown(`${to.protocol}//${to.host}`, 80);
      if (from.protocol === 'https:' && to.protocol === 'http:' && !e.schemeAssumed) {
        findings.push(
          makeFinding(
            'redirect-scheme-downgrade',
            'A redirect goes from https back to http',
            `${status} from ${fromText} to ${toText}. Browsers do not send Secure cookies to http, and clients drop ` +
              'Authorization when the scheme changes, so the next request arrives signed out (and unencrypted). ' +
              'Behind a proxy that terminates TLS, the app usually builds http:// URLs because it ignores X-Forwarded-Proto.',
            quote,
          ),
        );
      } else if (from.hostname !== to.hostname) {
        findings.push(
          makeFinding(
            'redirect-cross-host',
            `A redirect moves from ${shown(from.host, 80)} to ${shown(to.host, 80)}`,
            'Clients drop the Authorization header when a redirect changes host (fetch and curl do this on purpose), ' +
              'and a cookie set for one host is not sent to another. If this is the hop to your sign-in provider that is ' +
              'expected; otherwise call the final URL directly, and keep one canonical host (www or not) throughout.',
            quote,
          ),
        );
      } else if (from.origin !== to.origin && !e.schemeAssumed) {
        findings.push(
          makeFinding(
            'redirect-origin-change',
            `A redirect changes the origin from ${fromText} to ${toText}`,
            'Fine by itself, but clients do not forward the Authorization header to a different origin (scheme or port), ' +
              'so a token sent to the first URL is not sent to the second. Call the final URL directly.',
            quote,
          ),
        );
      }
    }

    const method = e.method?.toUpperCase();
    if (
      method !== undefined &&
      BODY_METHODS.has(method) &&
      (status === 303 || ((status === 301 || status === 302) && method === 'POST'))
    ) {
      findings.push(
        makeFinding(
          'redirect-changes-method',
          `The ${status} redirect turns the ${shown(method, 10)} into a GET`,
          'Clients follow 301, 302 and 303 after a POST with a GET and drop the body, so the request that reaches ' +
            'the new URL is not the one that was sent. Use 307 or 308 to keep the method and body.',
          quote,
        ),
      );
    }

    if (seen.has(to.href) && !loopReported) {
      loopReported = true;
      findings.push(
        makeFinding(
          'redirect-loop',
          'The redirects go round in a loop',
          `${shown(to.href, 100)} comes up twice in the chain. Typical causes: http to https and back when the app ` +
            'behind a TLS proxy ignores X-Forwarded-Proto, or a login page that sends the browser back because the ' +
            'session cookie never sticks.',
          quote,
        ),
      );
    }
    seen.add(to.href);

    const next = ctx.exchanges[i + 1];
    if (
      next &&
      e.requestKnown &&
      hasHeader(e.requestHeaders, 'authorization') &&
      next.requestKnown &&
      next.requestHeaders.length > 0 &&
      !hasHeader(next.requestHeaders, 'authorization')
    ) {
      findings.push(
        makeFinding(
          'redirect-dropped-authorization',
          'The request after the redirect no longer has the Authorization header',
          'The first request sent Authorization, the follow-up to the Location did not: curl (without --location-trusted) ' +
            'and browsers strip it when a redirect changes host, scheme or port. Call the final URL directly.',
          quote,
        ),
      );
    }
  });
  return findings;
};
