/**
 * Pairs each response with the request it answered (URL, method, headers), following
 * Location headers when the paste does not show the follow-up requests. The rule
 * modules all read from this, so they agree on which URL a response belongs to.
 */
import { firstHeader, type Header, type SourceLine } from './headers';
import type { Finding } from './finding';
import type { ParsedInput, ParsedResponse } from './input-types';

export interface Exchange {
  readonly index: number;
  readonly response: ParsedResponse;
  readonly url?: URL;
  /** The URL's scheme was guessed, so scheme-based rules must not fire on it. */
  readonly schemeAssumed: boolean;
  readonly method?: string;
  readonly requestHeaders: readonly Header[];
  /** The paste shows this request (a request line or its headers), so absences mean something. */
  readonly requestKnown: boolean;
  /** Headers were seen (not a console line), so a missing header really is missing. */
  readonly headersKnown: boolean;
  /** The status line, or the first header, to quote when a finding is about the response as a whole. */
  readonly anchor: SourceLine;
}

export interface AnalysisContext {
  readonly input: ParsedInput;
  readonly now: Date;
  readonly exchanges: readonly Exchange[];
  /** The response the person is most likely asking about: the last error, else the last response. */
  readonly focus?: Exchange;
}

function parseUrl(value: string | undefined, base?: URL): URL | undefined {
  if (value === undefined) return undefined;
  try {
    return base ? new URL(value, base) : new URL(value);
  } catch {
    return undefined;
  }
}

export function isRedirect(status: number | undefined): boolean {
  return status !== undefined && status >= 300 && status < 400 && status !== 304;
}

/** 303 always, and 301/302 for POST in practice, switch the follow-up request to GET. */
export function methodAfterRedirect(status: number, method: string | undefined): string | undefined {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

export function buildContext(input: ParsedInput, now: Date): AnalysisContext {
  const exchanges: Exchange[] = [];
  let prev: Exchange | undefined;
  input.responses.forEach((response, index) => {
    let url: URL | undefined;
    let schemeAssumed = false;
    let method: string | undefined;
    if (response.requestUrl !== undefined) {
      url = parseUrl(response.requestUrl);
      schemeAssumed = response.requestUrlSchemeAssumed ?? false;
    } else if (index === 0) {
      url = parseUrl(input.requestUrl);
      schemeAssumed = input.requestUrlSchemeAssumed;
    } else if (prev && isRedirect(prev.response.status)) {
      const location = firstHeader(prev.response.headers, 'location')?.[1];
      url = parseUrl(location, prev.url);
      schemeAssumed = prev.schemeAssumed && location !== undefined && !/^[a-z][a-z0-9+.-]*:/i.test(location);
    }
    if (response.requestMethod !== undefined) method = response.requestMethod;
    else if (index === 0) method = input.method;
    else if (prev?.response.status !== undefined && isRedirect(prev.response.status)) {
      method = methodAfterRedirect(prev.response.status, prev.method);
    }
    const requestHeaders = response.requestHeaders ?? (index === 0 ? input.requestHeaders : []);
    const requestKnown = requestHeaders.length > 0 || (index === 0 && input.requestShown);
    const headersKnown = response.source !== 'status-only' && response.headers.length > 0;
    const firstLine = response.headers[0];
    const anchor =
      response.statusLine ?? (firstLine ? { text: firstLine[2], lineNo: firstLine[3] } : { text: '', lineNo: 0 });
    const exchange: Exchange = {
      index,
      response,
      schemeAssumed,
      requestHeaders,
      requestKnown,
      headersKnown,
      anchor,
      ...(url && { url }),
      ...(method !== undefined && { method }),
    };
    exchanges.push(exchange);
    prev = exchange;
  });
  const errors = exchanges.filter((e) => (e.response.status ?? 0) >= 400);
  const focus = errors[errors.length - 1] ?? exchanges[exchanges.length - 1];
  return { input, now, exchanges, ...(focus && { focus }) };
}

/** A rule reads the context and returns findings; notices are for evidence it could not check. */
export type Rule = (ctx: AnalysisContext, notices: string[]) => Finding[];

/** The request header line to quote for an exchange, falling back to the request line. */
export function requestAnchor(ctx: AnalysisContext, exchange: Exchange): SourceLine {
  if (exchange.response.requestLine) return exchange.response.requestLine;
  if (exchange.index === 0 && ctx.input.requestLine) return ctx.input.requestLine;
  const first = exchange.requestHeaders[0];
  return first ? { text: first[2], lineNo: first[3] } : exchange.anchor;
}
