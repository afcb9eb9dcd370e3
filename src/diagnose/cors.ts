/**
 * CORS problems that look like auth problems: browsers send preflights without
 * credentials, need Authorization listed explicitly, and hide the real status of
 * an error response that lacks CORS headers.
 */
import type { Exchange, Rule } from './context';
import { makeFinding, type Finding } from './finding';
import { firstHeader, hasHeader, headersNamed, listValues } from './headers';
import type { ConsoleError } from './input-types';

const ALLOW_HEADERS_DETAIL =
  'The browser sends the Authorization header only if the preflight response lists it in ' +
  'Access-Control-Allow-Headers. The wildcard "*" does not cover Authorization; name it explicitly.';
const WILDCARD_DETAIL =
  'With credentials (cookies or Authorization) the browser refuses "Access-Control-Allow-Origin: *". ' +
  'Echo the calling origin from an allow-list instead, and add "Vary: Origin".';
const PREFLIGHT_DETAIL =
  'Browsers send the OPTIONS preflight without credentials, so an auth check that runs before the CORS handler ' +
  'answers it with 401 and the real request is never sent. Let OPTIONS through without authentication and answer ' +
  'it with 204 and the Access-Control-Allow-* headers.';

function isPreflight(e: Exchange): boolean {
  return (
    e.method?.toUpperCase() === 'OPTIONS' ||
    (e.requestKnown && hasHeader(e.requestHeaders, 'access-control-request-method'))
  );
}

function wantsAuthorization(e: Exchange): boolean {
  if (!e.requestKnown) return false;
  return (
    hasHeader(e.requestHeaders, 'authorization') ||
    listValues(e.requestHeaders, 'access-control-request-headers').includes('authorization')
  );
}

function exchangeFindings(e: Exchange): Finding[] {
  const findings: Finding[] = [];
  const headers = e.response.headers;
  const status = e.response.status;
  const acao = firstHeader(headers, 'access-control-allow-origin');
  const acac = firstHeader(headers, 'access-control-allow-credentials');
  const preflight = isPreflight(e);

  if (acao && acao[1].trim() === '*' && acac?.[1].trim().toLowerCase() === 'true') {
    findings.push(
      makeFinding(
        'cors-credentials-with-wildcard-origin',
        'CORS allows any origin together with credentials',
        WILDCARD_DETAIL,
        acao[2],
      ),
    );
  }

  const acah = headersNamed(headers, 'access-control-allow-headers');
  const allowed = listValues(headers, 'access-control-allow-headers');
  const asked = wantsAuthorization(e);
  // A pasted preflight without its request: assume the usual reason for a preflight in a 401 hunt.
  const askUnknown = preflight && !e.requestKnown;
  const okPreflight = preflight && status !== undefined && status < 300;
  if ((asked || askUnknown) && !allowed.includes('authorization') && (acah.length > 0 || (asked && okPreflight))) {
    findings.push(
      makeFinding(
        'cors-allow-headers-missing-authorization',
        allowed.includes('*')
          ? 'Access-Control-Allow-Headers: * does not allow Authorization'
          : 'Access-Control-Allow-Headers does not include Authorization',
        ALLOW_HEADERS_DETAIL,
        acah[0]?.[2] ?? e.anchor.text,
      ),
    );
  }

  if (preflight && status !== undefined && status >= 300) {
    findings.push(
      makeFinding(
        'cors-preflight-failed',
        `The CORS preflight (OPTIONS) got ${status} instead of 2xx`,
        PREFLIGHT_DETAIL,
        e.anchor.text,
      ),
    );
  }

  if (
    !preflight &&
    status !== undefined &&
    status >= 400 &&
    e.requestKnown &&
    hasHeader(e.requestHeaders, 'origin') &&
    !acao
  ) {
    findings.push(
      makeFinding(
        'cors-401-missing-allow-origin',
        `The ${status} response has no Access-Control-Allow-Origin`,
        'The request came from a page on another origin. Without CORS headers on the error response the browser ' +
          'hides its status and reports a CORS error instead, so the app never sees the 401. Add the CORS headers to ' +
          'error responses too (run the CORS middleware before the auth middleware).',
        e.anchor.text,
      ),
    );
  }
  return findings;
}

function consoleFinding(c: ConsoleError): Finding | undefined {
  const lower = c.text.toLowerCase();
  if (c.cors) {
    if (lower.includes('authorization') && lower.includes('allow-headers')) {
      return makeFinding(
        'cors-allow-headers-missing-authorization',
        'The preflight response does not allow the Authorization header',
        ALLOW_HEADERS_DETAIL,
        c.text,
      );
    }
    // Chrome: "...must not be the wildcard '*' when the request's credentials mode is 'include'";
    // Firefox: "Reason: Credential is not supported if the CORS header 'Access-Control-Allow-Origin' is '*'";
    // Safari: "Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true."
    if (
      (lower.includes("wildcard '*'") && lower.includes('credentials')) ||
      lower.includes("credential is not supported if the cors header 'access-control-allow-origin' is '*'") ||
      lower.includes('cannot use wildcard in access-control-allow-origin')
    ) {
      return makeFinding(
        'cors-credentials-with-wildcard-origin',
        'CORS allows any origin together with credentials',
        WILDCARD_DETAIL,
        c.text,
      );
    }
    if (c.preflight) {
      return makeFinding('cors-preflight-failed', 'The CORS preflight failed', PREFLIGHT_DETAIL, c.text);
    }
    return makeFinding(
      'cors-blocked',
      'The browser blocked the response (CORS)',
      'Behind a CORS error there is often a 401 whose response lacks Access-Control-Allow-Origin, so the browser ' +
        'hides it. Look up the real status in the Network tab, and make sure error responses carry the CORS headers too.',
      c.text,
    );
  }
  if (c.method === 'OPTIONS' && c.status !== undefined && c.status >= 300) {
    return makeFinding(
      'cors-preflight-failed',
      `The CORS preflight (OPTIONS) got ${c.status} instead of 2xx`,
      PREFLIGHT_DETAIL,
      c.text,
    );
  }
  return undefined;
}

export const corsRule: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const e of ctx.exchanges) {
    if (e.headersKnown || (isPreflight(e) && e.response.source !== 'status-only'))
      findings.push(...exchangeFindings(e));
  }
  for (const c of ctx.input.consoleErrors) {
    const f = consoleFinding(c);
    if (f) findings.push(f);
  }
  return findings;
};
