/**
 * Turns whatever was pasted (curl -v, curl -i, raw header blocks, dev tools sections,
 * a HAR file, console lines, server logs) into one request and its responses.
 * Single pass over capped lines; every regex here is anchored or made of classes
 * that cannot overlap, so the cost stays linear in the paste.
 */
import type { Header, SourceLine } from './headers';
import type { ConsoleError, InputFormat, ParsedInput, ParsedResponse } from './input-types';
import { parseConsoleLine } from './input-console';
import { continuesOnNextLine, isCurlCommand, parseCurlCommand, type CurlCommand } from './input-curl-command';
import { parseHar } from './input-har';
import { MAX_HEADERS_PER_RESPONSE, MAX_RESPONSES, sanitizeText, splitCappedLines } from './input-sanitize';

export type { ParsedInput, ParsedResponse, InputFormat, ConsoleError } from './input-types';
export { MAX_HEADERS_PER_RESPONSE, MAX_INPUT_CHARS, MAX_LINE_CHARS, MAX_RESPONSES } from './input-sanitize';

const STATUS_LINE = /^HTTP\/(\d(?:\.\d)?)\s+(\d{3})(?:\s+(.*))?$/;
const REQUEST_LINE = /^([A-Z]{3,10})\s+(\S+)\s+HTTP\/(\d(?:\.\d)?)$/;
const HEADER_LINE = /^(:?[!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \t]*(.*)$/;
const DEVTOOLS_GENERAL = /^(Request URL|Request Method|Status Code)\s*:\s*(.*)$/i;
const SECTION_HEADING = /^(request|response) headers\b/i;
const BARE_URL = /^https?:\/\/\S+$/;
const MAX_CURL_CONTINUATIONS = 200;

// Names that only appear on requests; a header block without a start line is split by them.
const REQUEST_ONLY = new Set([
  'authorization',
  'cookie',
  'host',
  'origin',
  'referer',
  'user-agent',
  'accept',
  'accept-encoding',
  'accept-language',
  'access-control-request-method',
  'access-control-request-headers',
  'if-none-match',
  'if-modified-since',
  'proxy-authorization',
  'x-requested-with',
  'upgrade-insecure-requests',
  'dnt',
  'x-api-key',
  'api-key',
  'x-auth-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-wp-nonce',
  'priority',
  'te',
  ':authority',
  ':method',
  ':path',
  ':scheme',
]);
// Outside a header block, "Word: text" is often prose or a log; only well-known names start a block.
const KNOWN_HEADERS = new Set([
  ...REQUEST_ONLY,
  'www-authenticate',
  'proxy-authenticate',
  'set-cookie',
  'location',
  'cache-control',
  'vary',
  'age',
  'expires',
  'pragma',
  'etag',
  'last-modified',
  'date',
  'server',
  'via',
  'connection',
  'keep-alive',
  'transfer-encoding',
  'strict-transport-security',
  'alt-svc',
  'retry-after',
  'allow',
  'nel',
  'report-to',
  'permissions-policy',
  'referrer-policy',
  'timing-allow-origin',
  'server-timing',
  'forwarded',
  'link',
  ':status',
]);
const KNOWN_PREFIXES = ['x-', 'cf-', 'access-control-', 'sec-', 'content-'];

function isKnownHeader(name: string): boolean {
  const lower = name.toLowerCase();
  return KNOWN_HEADERS.has(lower) || KNOWN_PREFIXES.some((p) => lower.startsWith(p));
}

function parseHeaderLine(text: string): [string, string] | undefined {
  const m = HEADER_LINE.exec(text);
  if (!m?.[1] || m[2] === undefined) return undefined;
  // "https://host" and "12:30:05 ..." are not headers.
  if (m[2].startsWith('//') || /^\d+$/.test(m[1])) return undefined;
  return [m[1], m[2].trim()];
}

type Scheme = 'http' | 'https';

interface RequestDraft {
  method?: string;
  target?: string;
  version?: string;
  line?: SourceLine;
  headers: Header[];
  scheme?: Scheme;
  url?: string;
}

interface ResponseDraft {
  status?: number;
  statusText?: string;
  statusLine?: SourceLine;
  headers: Header[];
  body: SourceLine[];
  request?: RequestDraft;
  source: 'http' | 'status-only';
}

type Mode = 'none' | 'req' | 'resp' | 'body' | 'orphan';

interface BuiltUrl {
  readonly url: string;
  readonly assumed: boolean;
}

function buildUrl(req: RequestDraft, cmd: CurlCommand | undefined): BuiltUrl | undefined {
  if (req.url !== undefined) return { url: req.url, assumed: false };
  const target = req.target;
  if (target === undefined) return undefined;
  try {
    if (/^https?:\/\//i.test(target)) return { url: new URL(target).href, assumed: false };
    const host = req.headers.find((h) => /^(host|:authority)$/i.test(h[0]))?.[1];
    if (host === undefined || !target.startsWith('/')) return undefined;
    const explicit = req.headers.find((h) => h[0] === ':scheme')?.[1];
    let scheme: string | undefined = explicit === 'http' || explicit === 'https' ? explicit : req.scheme;
    if (scheme === undefined && cmd?.url !== undefined) {
      const fromCmd = new URL(cmd.url);
      if (fromCmd.host === host) scheme = fromCmd.protocol.slice(0, -1);
    }
    // curl only speaks HTTP/2 and HTTP/3 over TLS to ordinary servers.
    if (scheme === undefined && req.version !== undefined && /^[23]/.test(req.version)) scheme = 'https';
    return { url: new URL(`${scheme ?? 'https'}://${host}${target}`).href, assumed: scheme === undefined };
  } catch {
    return undefined;
  }
}

function toResponse(draft: ResponseDraft, cmd: CurlCommand | undefined): ParsedResponse {
  const req = draft.request;
  const built = req ? buildUrl(req, cmd) : undefined;
  return {
    headers: draft.headers,
    body: draft.body,
    source: draft.source,
    ...(draft.status !== undefined && { status: draft.status }),
    ...(draft.statusText !== undefined && draft.statusText !== '' && { statusText: draft.statusText }),
    ...(draft.statusLine && { statusLine: draft.statusLine }),
    ...(req?.method !== undefined && { requestMethod: req.method }),
    ...(req?.method !== undefined && req.line && { requestLine: req.line }),
    ...(req && { requestHeaders: req.headers }),
    ...(built && { requestUrl: built.url, requestUrlSchemeAssumed: built.assumed }),
  };
}

export function parseInput(raw: string): ParsedInput {
  const sanitized = sanitizeText(raw);
  const notices = [...sanitized.notices];
  if (sanitized.value.trim() === '') {
    return {
      format: 'empty',
      requestUrlSchemeAssumed: false,
      requestHeaders: [],
      requestShown: false,
      responses: [],
      consoleErrors: [],
      otherLines: [],
      notices,
    };
  }
  // Before line capping: a HAR entry copied as one JSON line is easily longer than a line may be.
  const har = parseHar(sanitized.value);
  if (har) return { ...har, notices: [...notices, ...har.notices] };
  const split = splitCappedLines(sanitized.value);
  const lines = split.value;
  notices.push(...split.notices);

  const requests: RequestDraft[] = [];
  const responses: ResponseDraft[] = [];
  const consoleErrors: ConsoleError[] = [];
  const otherLines: SourceLine[] = [];
  let mode: Mode = 'none';
  let curlVerbose = false;
  let request: RequestDraft | undefined;
  let response: ResponseDraft | undefined;
  let pending: RequestDraft | undefined;
  let orphanRequest: RequestDraft | undefined;
  let orphanResponse: ResponseDraft | undefined;
  let lastHeaders: Header[] | undefined;
  let connScheme: Scheme | undefined;
  let nextUrl: string | undefined;
  let cmd: CurlCommand | undefined;
  let cmdLines: SourceLine[] = [];
  let general: { url?: string; method?: string; status?: number; statusText?: string; line?: SourceLine } = {};
  let bareUrl: SourceLine | undefined;

  const startRequest = (line: SourceLine, m: RegExpExecArray | null): RequestDraft => {
    const draft: RequestDraft = { headers: [], line };
    if (m?.[1] && m[2] && m[3]) {
      draft.method = m[1];
      draft.target = m[2];
      draft.version = m[3];
    }
    if (connScheme !== undefined) draft.scheme = connScheme;
    if (nextUrl !== undefined) draft.url = nextUrl;
    nextUrl = undefined;
    requests.push(draft);
    pending = draft;
    request = draft;
    lastHeaders = draft.headers;
    return draft;
  };

  const startResponse = (statusLine: SourceLine | undefined, status?: number, statusText?: string): ResponseDraft => {
    const draft: ResponseDraft = { headers: [], body: [], source: 'http' };
    if (status !== undefined) draft.status = status;
    if (statusText !== undefined) draft.statusText = statusText;
    if (statusLine) draft.statusLine = statusLine;
    if (pending) draft.request = pending;
    // An interim 1xx does not answer the request; the final response that follows does.
    if (status === undefined || status >= 200) pending = undefined;
    responses.push(draft);
    response = draft;
    lastHeaders = draft.headers;
    return draft;
  };

  const addOrphanHeader = (name: string, value: string, line: SourceLine) => {
    const header: Header = [name, value, line.text, line.lineNo];
    if (name.toLowerCase() === ':status') {
      orphanResponse ??= startResponse(undefined);
      if (/^\d{3}$/.test(value)) {
        orphanResponse.status = Number(value);
        orphanResponse.statusLine = line;
      }
      return;
    }
    if (REQUEST_ONLY.has(name.toLowerCase())) {
      orphanRequest ??= startRequest(line, null);
      if (orphanResponse && !orphanResponse.request) orphanResponse.request = orphanRequest;
      orphanRequest.headers.push(header);
      lastHeaders = orphanRequest.headers;
    } else {
      orphanResponse ??= startResponse(undefined);
      orphanResponse.headers.push(header);
      lastHeaders = orphanResponse.headers;
    }
  };

  const endBlock = () => {
    orphanRequest = undefined;
    orphanResponse = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trimEnd();
    const line: SourceLine = { text, lineNo: i + 1 };

    // curl -v: "> " is what was sent, "< " what came back, "* " curl's own notes.
    if (text.startsWith('>') && (text.length === 1 || text[1] === ' ')) {
      curlVerbose = true;
      const content = text.slice(2).trim();
      const reqLine = REQUEST_LINE.exec(content);
      if (reqLine) {
        startRequest(line, reqLine);
        mode = 'req';
      } else if (content === '') {
        mode = 'none';
      } else {
        const header = parseHeaderLine(content);
        if (header) {
          request ??= startRequest(line, null);
          request.headers.push([header[0], header[1], text, line.lineNo]);
        }
      }
      continue;
    }
    if (text.startsWith('<') && (text.length === 1 || text[1] === ' ')) {
      curlVerbose = true;
      const content = text.slice(2).trim();
      const status = STATUS_LINE.exec(content);
      if (status?.[2]) {
        startResponse(line, Number(status[2]), status[3]?.trim());
        mode = 'resp';
      } else if (content === '') {
        mode = 'body';
      } else {
        const header = parseHeaderLine(content);
        if (header) {
          response ??= startResponse(undefined);
          response.headers.push([header[0], header[1], text, line.lineNo]);
        }
      }
      continue;
    }
    if (text.startsWith('* ') || text === '*') {
      const connected = /^\*\s+(?:Connected to \S+ \([^)]*\) port|Trying \S+?:)\s*(\d+)/.exec(text);
      if (connected?.[1]) connScheme = connected[1] === '443' ? 'https' : connected[1] === '80' ? 'http' : undefined;
      if (/^\*\s+(?:SSL|TLS|ALPN|Server certificate|using HTTP\/[23])/i.test(text)) connScheme = 'https';
      const issue = /Issue another request to this URL: '([^']+)'/.exec(text);
      if (issue?.[1]) nextUrl = issue[1];
      continue;
    }
    if (/^[{}] \[/.test(text)) continue;

    const trimmed = text.trim();
    if (trimmed === '') {
      if (mode === 'resp' || (mode === 'orphan' && orphanResponse)) mode = 'body';
      else if (mode !== 'body') mode = 'none';
      endBlock();
      continue;
    }

    if (isCurlCommand(text)) {
      const group: SourceLine[] = [line];
      let last = text;
      // Test only the newest physical line: re-scanning the joined command would be quadratic.
      while (continuesOnNextLine(last) && group.length < MAX_CURL_CONTINUATIONS && i + 1 < lines.length) {
        i++;
        last = (lines[i] ?? '').trimEnd();
        group.push({ text: last, lineNo: i + 1 });
      }
      if (!cmd) {
        cmd = parseCurlCommand(group.map((l) => l.text.replace(/\\$/, '')).join(' '));
        cmdLines = group;
      }
      mode = 'none';
      continue;
    }

    const consoleError = parseConsoleLine(trimmed, line.lineNo);
    if (consoleError) {
      consoleErrors.push(consoleError);
      continue;
    }

    const gen = DEVTOOLS_GENERAL.exec(trimmed);
    if (gen?.[1] && gen[2] !== undefined) {
      const key = gen[1].toLowerCase();
      if (key === 'request url') general = { ...general, url: gen[2].trim(), line };
      else if (key === 'request method') general = { ...general, method: gen[2].trim().toUpperCase() };
      else {
        const code = /^(\d{3})\s*(.*)$/.exec(gen[2].trim());
        if (code?.[1]) general = { ...general, status: Number(code[1]), statusText: code[2] ?? '' };
      }
      continue;
    }

    const status = STATUS_LINE.exec(trimmed);
    if (status?.[2]) {
      endBlock();
      startResponse(line, Number(status[2]), status[3]?.trim());
      mode = 'resp';
      continue;
    }
    const reqLine = REQUEST_LINE.exec(trimmed);
    if (reqLine) {
      endBlock();
      startRequest(line, reqLine);
      mode = 'req';
      continue;
    }
    const heading = trimmed.length < 40 ? SECTION_HEADING.exec(trimmed) : null;
    if (heading?.[1]) {
      endBlock();
      if (heading[1].toLowerCase() === 'request') startRequest(line, null);
      else startResponse(undefined);
      mode = heading[1].toLowerCase() === 'request' ? 'req' : 'resp';
      continue;
    }

    if (mode === 'req' || mode === 'resp' || mode === 'orphan') {
      const header = parseHeaderLine(trimmed);
      const last = lastHeaders?.[lastHeaders.length - 1];
      if (!header && /^[ \t]/.test(text) && last && lastHeaders) {
        // obs-fold: a continuation of the previous header's value (RFC 9112 5.2).
        lastHeaders[lastHeaders.length - 1] = [last[0], `${last[1]} ${trimmed}`, last[2], last[3]];
        continue;
      }
      if (header) {
        if (mode === 'orphan') addOrphanHeader(header[0], header[1], line);
        else if (mode === 'req' && request) request.headers.push([header[0], header[1], text, line.lineNo]);
        else if (header[0].toLowerCase() === ':status' && response && /^\d{3}$/.test(header[1])) {
          response.status = Number(header[1]);
          response.statusLine = line;
        } else if (response) response.headers.push([header[0], header[1], text, line.lineNo]);
        continue;
      }
      mode = mode === 'resp' || (mode === 'orphan' && orphanResponse) ? 'body' : 'none';
      endBlock();
    }
    if (mode === 'body' && response) {
      response.body.push(line);
      continue;
    }
    const header = parseHeaderLine(trimmed);
    if (header && isKnownHeader(header[0])) {
      mode = 'orphan';
      addOrphanHeader(header[0], header[1], line);
      continue;
    }
    if (BARE_URL.test(trimmed)) bareUrl ??= { text: trimmed, lineNo: line.lineNo };
    otherLines.push(line);
  }

  if (general.status !== undefined) {
    const target = responses.find((r) => r.status === undefined);
    const statusLine = { text: `Status Code: ${general.status} ${general.statusText ?? ''}`.trim(), lineNo: 0 };
    if (target) {
      target.status = general.status;
      target.statusText = general.statusText ?? '';
      target.statusLine = statusLine;
    } else if (responses.length === 0) {
      responses.push({
        status: general.status,
        statusText: general.statusText ?? '',
        statusLine,
        headers: [],
        body: [],
        source: 'status-only',
      });
    }
  }

  const finalResponses = responses.filter((r) => r.status === undefined || r.status >= 200);
  if (finalResponses.length > MAX_RESPONSES) {
    notices.push(`The paste holds ${finalResponses.length} responses; only the first ${MAX_RESPONSES} were checked.`);
    finalResponses.length = MAX_RESPONSES;
  }
  let trimmedHeaders = false;
  for (const r of finalResponses) {
    if (r.headers.length > MAX_HEADERS_PER_RESPONSE) {
      r.headers.length = MAX_HEADERS_PER_RESPONSE;
      trimmedHeaders = true;
    }
  }
  if (trimmedHeaders) notices.push(`Only the first ${MAX_HEADERS_PER_RESPONSE} headers of a response were checked.`);
  const parsedResponses = finalResponses.map((r) => toResponse(r, cmd));
  // Console lines are the only evidence when nothing else was pasted; otherwise the headers win.
  if (parsedResponses.length === 0) {
    for (const c of consoleErrors) {
      if (c.status === undefined) continue;
      parsedResponses.push({
        status: c.status,
        ...(c.statusText !== undefined && { statusText: c.statusText }),
        statusLine: { text: c.text, lineNo: c.lineNo },
        headers: [],
        body: [],
        source: 'status-only',
        ...(c.method !== undefined && { requestMethod: c.method }),
        ...(c.url !== undefined && { requestUrl: c.url }),
      });
    }
  }

  const first = requests[0];
  const firstBuilt = first ? buildUrl(first, cmd) : undefined;
  const consoleWithUrl = consoleErrors.find((c) => c.url !== undefined);
  let requestUrl: string | undefined;
  let schemeAssumed = false;
  if (general.url !== undefined) requestUrl = general.url;
  else if (cmd?.url !== undefined) requestUrl = cmd.url;
  else if (firstBuilt) {
    requestUrl = firstBuilt.url;
    schemeAssumed = firstBuilt.assumed;
  } else if (consoleWithUrl?.url !== undefined) requestUrl = consoleWithUrl.url;
  else if (bareUrl) requestUrl = bareUrl.text;

  const method = general.method ?? first?.method ?? cmd?.method ?? consoleWithUrl?.method;

  let requestHeaders: Header[] = first?.headers ?? [];
  if (requestHeaders.length === 0 && cmd) {
    requestHeaders = cmd.headers.map(([name, value, arg]) => {
      const source = cmdLines.find((l) => l.text.includes(arg)) ?? cmdLines[0];
      return [name, value, source?.text ?? `${name}: ${value}`, source?.lineNo ?? 0] as const;
    });
  }
  const requestLine =
    first?.line ??
    cmdLines[0] ??
    general.line ??
    (consoleWithUrl && { text: consoleWithUrl.text, lineNo: consoleWithUrl.lineNo });

  const format: InputFormat = curlVerbose
    ? 'curl-verbose'
    : responses.length > 0 || requests.length > 0
      ? 'http'
      : consoleErrors.length > 0
        ? 'console'
        : 'text';

  if (format === 'console') {
    notices.push(
      'Only browser console lines were found. Console lines do not show headers: for a full check, ' +
        'copy the response headers from the Network tab, or run the request with curl -v.',
    );
  } else if (parsedResponses.length === 0) {
    notices.push(
      'No HTTP response was recognised, so only known error messages were checked. ' +
        'Paste the output of curl -v, the response headers, or a HAR file.',
    );
  }
  if (schemeAssumed) {
    notices.push('The paste does not show whether the request used http or https; https was assumed.');
  }

  return {
    format,
    requestUrlSchemeAssumed: schemeAssumed,
    requestHeaders,
    requestShown: first?.method !== undefined || cmd !== undefined || (first?.headers.length ?? 0) > 0,
    responses: parsedResponses,
    consoleErrors,
    otherLines,
    notices,
    ...(requestUrl !== undefined && { requestUrl }),
    ...(method !== undefined && { method }),
    ...(requestLine && { requestLine }),
  };
}
