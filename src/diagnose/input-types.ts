/** What the input parser hands to the analyzers. */
import type { ConsoleError } from './input-console';
import type { Header, SourceLine } from './headers';

export type { ConsoleError } from './input-console';

/** How the paste was recognised; shown to the person so a misread is obvious. */
export type InputFormat = 'empty' | 'har' | 'curl-verbose' | 'http' | 'console' | 'text';

export interface ParsedResponse {
  readonly status?: number;
  readonly statusText?: string;
  readonly statusLine?: SourceLine;
  readonly headers: Header[];
  readonly body: SourceLine[];
  /** 'status-only' responses come from a console line or dev tools' "Status Code": the headers are unknown, not absent. */
  readonly source: 'http' | 'har' | 'status-only';
  /** The request this response answered, when the paste shows it (curl -v -L, HAR). */
  readonly requestMethod?: string;
  /** The request line (e.g. "> GET /x HTTP/1.1") of that request, to quote. */
  readonly requestLine?: SourceLine;
  readonly requestUrl?: string;
  readonly requestHeaders?: Header[];
  /** The request URL's scheme was a guess (no TLS hint, no scheme in the paste). */
  readonly requestUrlSchemeAssumed?: boolean;
}

export interface ParsedInput {
  readonly format: InputFormat;
  readonly requestUrl?: string;
  readonly method?: string;
  readonly requestUrlSchemeAssumed: boolean;
  /** The request line (or curl command line) to quote; absent when the paste shows no request. */
  readonly requestLine?: SourceLine;
  readonly requestHeaders: Header[];
  /**
   * The paste shows the request itself (a request line, a curl command, a HAR entry),
   * so a header missing from requestHeaders was really not sent.
   */
  readonly requestShown: boolean;
  readonly responses: ParsedResponse[];
  readonly consoleErrors: ConsoleError[];
  /** Lines that are neither start lines, headers nor bodies: logs, stack traces, notes. */
  readonly otherLines: SourceLine[];
  readonly notices: string[];
}
