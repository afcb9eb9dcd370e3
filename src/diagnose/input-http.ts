/**
 * Builders for the line-based formats: raw HTTP header blocks (curl -i, dev tools'
 * "Response Headers"), dev tools' "General" section and loose header lines; curl's
 * own formats are in input-curl-verbose.ts and feed the same HttpBuilder. The classifier (input-lines.ts) says what a
 * line is; these decide what it means given the lines before it.
 */
import type { Header, SourceLine } from './headers';
import type { ConsoleError } from './input-types';
import type { CurlCommand } from './input-curl-command';
import type { GeneralKey, LineKind } from './input-lines';
import { MAX_LINE_CHARS } from './input-sanitize';

const BARE_URL = /^https?:\/\/\S+$/;
// Chrome's note between "Request Headers" and the headers it only planned to send ("⚠ Provisional headers are shown").
const PROVISIONAL = /^\W*provisional headers are shown\b/i;

// Names that only appear on requests; a header block without a start line is split by them.
const REQUEST_ONLY = new Set(
  (
    'authorization cookie host origin referer user-agent accept accept-encoding accept-language ' +
    'access-control-request-method access-control-request-headers if-none-match if-modified-since ' +
    'proxy-authorization x-requested-with upgrade-insecure-requests dnt x-api-key api-key x-auth-token ' +
    'x-csrf-token x-xsrf-token x-wp-nonce priority te :authority :method :path :scheme'
  ).split(' '),
);
// Outside a header block, "Word: text" is often prose or a log; only well-known names start a block.
const KNOWN_HEADERS = new Set([
  ...REQUEST_ONLY,
  ...(
    'www-authenticate proxy-authenticate set-cookie location cache-control vary age expires pragma etag ' +
    'last-modified date server via connection keep-alive transfer-encoding strict-transport-security alt-svc ' +
    'retry-after allow nel report-to permissions-policy referrer-policy timing-allow-origin server-timing ' +
    'forwarded link :status'
  ).split(' '),
]);
const KNOWN_PREFIXES = ['x-', 'cf-', 'access-control-', 'sec-', 'content-'];

function isKnownHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN_HEADERS.has(lower) || KNOWN_PREFIXES.some((p) => lower.startsWith(p));
}

export type Scheme = 'http' | 'https';

export interface RequestDraft {
  method?: string;
  target?: string;
  version?: string;
  line?: SourceLine;
  headers: Header[];
  scheme?: Scheme;
  url?: string;
}

export interface ResponseDraft {
  status?: number;
  statusText?: string;
  statusLine?: SourceLine;
  headers: Header[];
  body: SourceLine[];
  request?: RequestDraft;
  source: 'http' | 'status-only';
}

export interface GeneralSection {
  url?: string;
  method?: string;
  status?: number;
  statusText?: string;
  line?: SourceLine;
}

type Mode = 'none' | 'req' | 'resp' | 'body' | 'orphan';

/** Everything the line builders collect; input-finish.ts turns it into a ParsedInput. */
export class HttpBuilder {
  readonly requests: RequestDraft[] = [];
  readonly responses: ResponseDraft[] = [];
  readonly consoleErrors: ConsoleError[] = [];
  readonly otherLines: SourceLine[] = [];
  general: GeneralSection = {};
  curlVerbose = false;
  cmd: CurlCommand | undefined;
  cmdLines: SourceLine[] = [];
  bareUrl: SourceLine | undefined;
  /** Folded (obs-fold) header values that reached the line cap and were cut there. */
  foldsCut = 0;
  /** Which block the current line is in; header lines without a start line form an 'orphan' block. */
  mode: Mode = 'none';
  /** The newest request and response: curl -v and header lines add to these. */
  request: RequestDraft | undefined;
  response: ResponseDraft | undefined;
  /** The request the next final response answers. */
  private pending: RequestDraft | undefined;
  /** The response a dev tools "Response Headers" heading opened, until a "Request Headers" heading pairs it. */
  private sectionResponse: ResponseDraft | undefined;
  orphanRequest: RequestDraft | undefined;
  orphanResponse: ResponseDraft | undefined;
  /** The header list a folded (obs-fold) line continues. */
  lastHeaders: Header[] | undefined;
  /** What curl's notes say about the connection and the follow-up URL. */
  connScheme: Scheme | undefined;
  nextUrl: string | undefined;

  startRequest(line: SourceLine, start?: { method: string; target: string; version: string }): RequestDraft {
    const draft: RequestDraft = { headers: [], line, ...start };
    if (this.connScheme !== undefined) draft.scheme = this.connScheme;
    if (this.nextUrl !== undefined) draft.url = this.nextUrl;
    this.nextUrl = undefined;
    this.requests.push(draft);
    this.pending = draft;
    this.request = draft;
    this.lastHeaders = draft.headers;
    return draft;
  }

  startResponse(statusLine?: SourceLine, status?: number, statusText?: string): ResponseDraft {
    const draft: ResponseDraft = { headers: [], body: [], source: 'http' };
    if (status !== undefined) draft.status = status;
    if (statusText !== undefined) draft.statusText = statusText;
    if (statusLine) draft.statusLine = statusLine;
    if (this.pending) draft.request = this.pending;
    // An interim 1xx does not answer the request; the final response that follows does.
    if (status === undefined || status >= 200) this.pending = undefined;
    this.responses.push(draft);
    this.response = draft;
    this.lastHeaders = draft.headers;
    return draft;
  }

  endBlock(): void {
    this.orphanRequest = undefined;
    this.orphanResponse = undefined;
  }

  blank(): void {
    if (this.mode === 'resp' || (this.mode === 'orphan' && this.orphanResponse)) this.mode = 'body';
    else if (this.mode !== 'body') this.mode = 'none';
    this.endBlock();
  }

  console(error: ConsoleError): void {
    this.consoleErrors.push(error);
  }

  generalLine(key: GeneralKey, value: string, line: SourceLine): void {
    if (key === 'request url') this.general = { ...this.general, url: value, line };
    else if (key === 'request method') this.general = { ...this.general, method: value.toUpperCase() };
    else {
      const code = /^(\d{3})(.*)$/.exec(value);
      if (code?.[1]) this.general = { ...this.general, status: Number(code[1]), statusText: code[2]?.trim() ?? '' };
    }
  }

  statusLine(line: SourceLine, status: number, statusText?: string): void {
    this.endBlock();
    this.startResponse(line, status, statusText);
    this.mode = 'resp';
  }

  requestLine(line: SourceLine, start: { method: string; target: string; version: string }): void {
    this.endBlock();
    this.startRequest(line, start);
    this.mode = 'req';
  }

  section(line: SourceLine, which: 'request' | 'response'): void {
    this.endBlock();
    if (which === 'request') {
      const draft = this.startRequest(line);
      // Chrome lists "Response Headers" above "Request Headers": the request shown second is the one it answered.
      const answered = this.sectionResponse;
      if (answered && !answered.request) {
        answered.request = draft;
        this.pending = undefined;
      }
      this.sectionResponse = undefined;
    } else this.sectionResponse = this.startResponse();
    this.mode = which === 'request' ? 'req' : 'resp';
  }
}

/** A header, continuation, body or loose line: what it is depends on the block it is in. */
export function otherLine(b: HttpBuilder, line: SourceLine, kind: Extract<LineKind, { kind: 'header' | 'text' }>): void {
  if (b.mode === 'req' || b.mode === 'resp' || b.mode === 'orphan') {
    if (b.mode === 'req' && kind.kind === 'text' && PROVISIONAL.test(line.text)) {
      b.otherLines.push(line);
      return;
    }
    if (kind.kind === 'text' && kind.indented && fold(b, line.text.trim())) return;
    if (kind.kind === 'header') return blockHeader(b, kind.name, kind.value, line);
    b.mode = b.mode === 'resp' || (b.mode === 'orphan' && b.orphanResponse) ? 'body' : 'none';
    b.endBlock();
  }
  if (b.mode === 'body' && b.response) {
    b.response.body.push(line);
    return;
  }
  if (kind.kind === 'header' && isKnownHeader(kind.name)) {
    b.mode = 'orphan';
    addOrphanHeader(b, kind.name, kind.value, line);
    return;
  }
  const trimmed = line.text.trim();
  if (BARE_URL.test(trimmed)) b.bareUrl ??= { text: trimmed, lineNo: line.lineNo };
  b.otherLines.push(line);
}

/**
 * obs-fold: a continuation of the previous header's value (RFC 9112 section 5.2).
 * A folded value is capped like a line, so folding cannot get around the line cap.
 */
function fold(b: HttpBuilder, text: string): boolean {
  const headers = b.lastHeaders;
  const last = headers?.[headers.length - 1];
  if (!headers || !last) return false;
  if (last[1].length >= MAX_LINE_CHARS) return true;
  // A value that starts on the next line ("Date:" then "  Sun, …") gets no leading space: field values carry no outer whitespace.
  const joined = last[1] === '' ? text : `${last[1]} ${text}`;
  if (joined.length > MAX_LINE_CHARS) b.foldsCut++;
  headers[headers.length - 1] = [last[0], joined.slice(0, MAX_LINE_CHARS), last[2], last[3]];
  return true;
}

function blockHeader(b: HttpBuilder, name: string, value: string, line: SourceLine): void {
  const header: Header = [name, value, line.text, line.lineNo];
  if (b.mode === 'orphan') addOrphanHeader(b, name, value, line);
  else if (b.mode === 'req' && b.request) b.request.headers.push(header);
  else if (name.toLowerCase() === ':status' && b.response && /^\d{3}$/.test(value)) {
    b.response.status = Number(value);
    b.response.statusLine = line;
  } else if (b.response) b.response.headers.push(header);
}

function addOrphanHeader(b: HttpBuilder, name: string, value: string, line: SourceLine): void {
  const header: Header = [name, value, line.text, line.lineNo];
  const lower = name.toLowerCase();
  if (lower === ':status') {
    b.orphanResponse ??= b.startResponse();
    if (/^\d{3}$/.test(value)) {
      b.orphanResponse.status = Number(value);
      b.orphanResponse.statusLine = line;
    }
    return;
  }
  if (REQUEST_ONLY.has(lower)) {
    b.orphanRequest ??= b.startRequest(line);
    if (b.orphanResponse && !b.orphanResponse.request) b.orphanResponse.request = b.orphanRequest;
    b.orphanRequest.headers.push(header);
    b.lastHeaders = b.orphanRequest.headers;
  } else {
    b.orphanResponse ??= b.startResponse();
    b.orphanResponse.headers.push(header);
    b.lastHeaders = b.orphanResponse.headers;
  }
}
