/**
 * HAR (HTTP Archive) as exported by browser dev tools: either a whole log or a
 * single entry. JSON spreads a header over several lines, so quotes are
 * synthesised as "name: value" with line number 0.
 */
import type { Header, SourceLine } from './headers';
import type { ParsedInput, ParsedResponse } from './input-types';
import { MAX_HEADERS_PER_RESPONSE, MAX_LINE_CHARS, sanitizeToLines } from './input-sanitize';
import { shown } from './text';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** JSON can smuggle control characters and newlines into a value; a header line has neither. */
function clean(value: string): string {
  return value.replace(/[\u0000-\u001F\u007F-\u009F]+/g, ' ').slice(0, MAX_LINE_CHARS);
}

function harHeaders(value: unknown): Header[] {
  if (!Array.isArray(value)) return [];
  const out: Header[] = [];
  for (const item of value.slice(0, MAX_HEADERS_PER_RESPONSE)) {
    if (!isObject(item)) continue;
    const name = str(item['name']);
    const v = str(item['value']);
    if (name === undefined || v === undefined) continue;
    const n = clean(name).trim();
    const val = clean(v).trim();
    if (n === '') continue;
    out.push([n, val, `${n}: ${val}`, 0]);
  }
  return out;
}

function decodeBase64Text(b64: string): string | undefined {
  try {
    const binary = atob(b64.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8').decode(bytes);
  } catch {
    return undefined;
  }
}

function bodyLines(content: unknown, notices: string[]): SourceLine[] {
  if (!isObject(content)) return [];
  let text = str(content['text']);
  if (text === undefined) return [];
  if (content['encoding'] === 'base64') text = decodeBase64Text(text);
  if (text === undefined) return [];
  const { value: lines, notices: more } = sanitizeToLines(text);
  notices.push(...more.map((n) => `In the HAR response body: ${n}`));
  return lines.filter((l) => l.trim() !== '').map((l) => ({ text: l, lineNo: 0 }));
}

interface HarEntry {
  readonly method?: string;
  readonly url?: string;
  readonly requestHeaders: Header[];
  readonly response: ParsedResponse;
}

function readEntry(entry: Json, notices: string[]): HarEntry | undefined {
  const request = entry['request'];
  const response = entry['response'];
  if (!isObject(request) || !isObject(response)) return undefined;
  const method = str(request['method']);
  const url = str(request['url']);
  const requestHeaders = harHeaders(request['headers']);
  const status = typeof response['status'] === 'number' ? response['status'] : undefined;
  const statusText = str(response['statusText']);
  const rawVersion = str(response['httpVersion'])?.toUpperCase() ?? '';
  // Dev tools write "http/2.0", "h2" or "h3"; show it the way curl does.
  const alpn = /^H([23])$/.exec(rawVersion);
  const version = alpn
    ? `HTTP/${alpn[1]}`
    : /^HTTP\/[\d.]+$/.test(rawVersion)
      ? rawVersion.replace(/^HTTP\/([23])\.0$/, 'HTTP/$1')
      : 'HTTP/1.1';
  const statusLine =
    status === undefined ? undefined : { text: clean(`${version} ${status} ${statusText ?? ''}`).trim(), lineNo: 0 };
  const parsed: ParsedResponse = {
    headers: harHeaders(response['headers']),
    body: bodyLines(response['content'], notices),
    source: 'har',
    requestHeaders,
    ...(status !== undefined && status > 0 && { status }),
    ...(statusText !== undefined && statusText !== '' && { statusText: clean(statusText) }),
    ...(statusLine && { statusLine }),
    ...(method !== undefined && { requestMethod: clean(method) }),
    ...(url !== undefined && { requestUrl: clean(url) }),
  };
  return {
    requestHeaders,
    response: parsed,
    ...(method !== undefined && { method: clean(method) }),
    ...(url !== undefined && { url: clean(url) }),
  };
}

/** The exchange worth analysing: the first 401, else 407, else 403, else any error, else the first. */
function pickFocus(entries: readonly HarEntry[]): HarEntry | undefined {
  const byStatus = (test: (s: number) => boolean) =>
    entries.find((e) => e.response.status !== undefined && test(e.response.status));
  return (
    byStatus((s) => s === 401) ??
    byStatus((s) => s === 407) ??
    byStatus((s) => s === 403) ??
    byStatus((s) => s >= 400) ??
    entries[0]
  );
}

/** Returns undefined when the text is not HAR, so the line parser can try instead. */
export function parseHar(text: string): ParsedInput | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return undefined;
  }
  if (!isObject(json)) return undefined;
  const log = json['log'];
  const rawEntries: unknown[] = isObject(log) && Array.isArray(log['entries']) ? log['entries'] : [json];
  const notices: string[] = [];
  const entries = rawEntries.flatMap((e) => {
    const read = isObject(e) ? readEntry(e, notices) : undefined;
    return read ? [read] : [];
  });
  const focus = pickFocus(entries);
  if (!focus) return undefined;
  if (entries.length > 1) {
    const why =
      (focus.response.status ?? 0) >= 400 ? `the first one answered ${focus.response.status}` : 'the first one';
    notices.push(
      `This HAR file has ${entries.length} requests; only ${shown(`${focus.method ?? ''} ${focus.url ?? ''}`)} ` +
        `was analysed (${why}).`,
    );
  }
  // A preflight for the same URL explains a browser-only failure, so keep it alongside.
  const preflights = entries.filter((e) => e !== focus && e.method === 'OPTIONS' && e.url === focus.url);
  return {
    format: 'har',
    requestUrlSchemeAssumed: false,
    requestHeaders: focus.requestHeaders,
    requestShown: true,
    responses: [...preflights.map((e) => e.response), focus.response],
    consoleErrors: [],
    otherLines: [],
    notices,
    ...(focus.url !== undefined && { requestUrl: focus.url }),
    ...(focus.method !== undefined && { method: focus.method }),
    ...(focus.url !== undefined && { requestLine: { text: `${focus.method ?? 'GET'} ${focus.url}`, lineNo: 0 } }),
  };
}
