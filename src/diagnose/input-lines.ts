/**
 * The line classifier: says what one line of a paste is (a curl -v line, a status
 * line, a header, a console error...) without knowing what came before it. The
 * builders (input-http.ts) decide what it means in context. Every regex here is
 * anchored and its quantified parts cannot trade characters, so a line costs
 * time linear in its (capped) length.
 */
import { parseConsoleLine, type ConsoleError } from './input-console';
import { isCurlCommand } from './input-curl-command';

// " +" then a class without spaces; the optional reason phrase starts at a non-space.
const STATUS_LINE = /^HTTP\/\d(?:\.\d)?[ \t]+(\d{3})(?:[ \t]+(\S.*))?$/;
const REQUEST_LINE = /^([A-Z]{3,10})[ \t]+(\S+)[ \t]+HTTP\/(\d(?:\.\d)?)$/;
// The value group starts at a non-blank, so "[ \t]*" and "(.*)" cannot trade characters.
const HEADER_LINE = /^(:?[!#$%&'*+.^\w`|~-]+):[ \t]*(\S.*)?$/;
const DEVTOOLS_GENERAL = /^(Request URL|Request Method|Status Code) *:(.*)$/i;
const SECTION_HEADING = /^(request|response) headers\b/i;

export type GeneralKey = 'request url' | 'request method' | 'status code';

export type LineKind =
  /** curl -v: "> " is what was sent, "< " what came back. */
  | { readonly kind: 'sent' | 'received'; readonly content: string }
  /** curl -v: "* " curl's own notes. */
  | { readonly kind: 'note' }
  /** curl -v --trace-ascii data markers: "{ [5 bytes data]". */
  | { readonly kind: 'data' }
  | { readonly kind: 'blank' }
  | { readonly kind: 'curl-command' }
  | { readonly kind: 'console'; readonly error: ConsoleError }
  /** Dev tools' "General" section: Request URL, Request Method, Status Code. */
  | { readonly kind: 'general'; readonly key: GeneralKey; readonly value: string }
  | { readonly kind: 'status'; readonly status: number; readonly statusText?: string }
  | { readonly kind: 'request'; readonly method: string; readonly target: string; readonly version: string }
  | { readonly kind: 'section'; readonly which: 'request' | 'response' }
  | { readonly kind: 'header'; readonly name: string; readonly value: string; readonly indented: boolean }
  | { readonly kind: 'text'; readonly indented: boolean };

export interface StatusLine {
  readonly status: number;
  readonly statusText?: string;
}

export function parseStatusLine(text: string): StatusLine | undefined {
  const m = STATUS_LINE.exec(text);
  if (!m?.[1]) return undefined;
  const statusText = m[2]?.trim();
  return { status: Number(m[1]), ...(statusText !== undefined && { statusText }) };
}

export function parseRequestLine(text: string): { method: string; target: string; version: string } | undefined {
  const m = REQUEST_LINE.exec(text);
  if (!m?.[1] || !m[2] || !m[3]) return undefined;
  return { method: m[1], target: m[2], version: m[3] };
}

export function parseHeaderLine(text: string): [string, string] | undefined {
  const m = HEADER_LINE.exec(text);
  if (!m?.[1]) return undefined;
  const value = m[2] ?? '';
  // "https://host", "12:30:05 ..." and "2024-05-01T12:30:05Z ..." are not headers: no real header name starts with a digit.
  if (value.startsWith('//') || /^\d/.test(m[1])) return undefined;
  return [m[1], value.trim()];
}

function curlLine(text: string): LineKind | undefined {
  const c = text[0];
  if ((c === '>' || c === '<') && (text.length === 1 || text[1] === ' ')) {
    return { kind: c === '>' ? 'sent' : 'received', content: text.slice(2).trim() };
  }
  if (c === '*' && (text.length === 1 || text[1] === ' ')) return { kind: 'note' };
  if ((c === '{' || c === '}') && text.startsWith(' [', 1)) return { kind: 'data' };
  return undefined;
}

/** What one line (already trimmed at the end) is, on its own. */
export function classifyLine(text: string): LineKind {
  const curl = curlLine(text);
  if (curl) return curl;
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'blank' };
  if (isCurlCommand(text)) return { kind: 'curl-command' };
  const error = parseConsoleLine(trimmed, 0);
  if (error) return { kind: 'console', error };
  const general = DEVTOOLS_GENERAL.exec(trimmed);
  if (general?.[1] && general[2] !== undefined) {
    return { kind: 'general', key: general[1].toLowerCase() as GeneralKey, value: general[2].trim() };
  }
  const status = parseStatusLine(trimmed);
  if (status) return { kind: 'status', ...status };
  const request = parseRequestLine(trimmed);
  if (request) return { kind: 'request', ...request };
  const heading = trimmed.length < 40 ? SECTION_HEADING.exec(trimmed) : null;
  if (heading?.[1]) return { kind: 'section', which: heading[1].toLowerCase() === 'request' ? 'request' : 'response' };
  const indented = text[0] === ' ' || text[0] === '\t';
  const header = parseHeaderLine(trimmed);
  if (header) return { kind: 'header', name: header[0], value: header[1], indented };
  return { kind: 'text', indented };
}
