/**
 * Turns what the line builders collected into the ParsedInput the analyzers read:
 * responses capped and paired with their requests, the request URL picked from the
 * best evidence, the format named, and the notices a person should see.
 */
import type { Header, SourceLine } from './headers';
import type { CurlCommand } from './input-curl-command';
import type { HttpBuilder, RequestDraft, ResponseDraft } from './input-http';
import { MAX_HEADERS_PER_RESPONSE, MAX_LINE_CHARS, MAX_RESPONSES, formatSize } from './input-sanitize';
import type { ConsoleError, InputFormat, ParsedInput, ParsedResponse } from './input-types';

interface BuiltUrl {
  readonly url: string;
  readonly assumed: boolean;
}

function schemeFor(req: RequestDraft, host: string, cmd: CurlCommand | undefined): string | undefined {
  const explicit = req.headers.find((h) => h[0] === ':scheme')?.[1];
  let scheme: string | undefined = explicit === 'http' || explicit === 'https' ? explicit : req.scheme;
  if (scheme === undefined && cmd?.url !== undefined) {
    const fromCmd = new URL(cmd.url);
    if (fromCmd.host === host) scheme = fromCmd.protocol.slice(0, -1);
  }
  // curl only speaks HTTP/2 and HTTP/3 over TLS to ordinary servers.
  if (scheme === undefined && req.version !== undefined && /^[23]/.test(req.version)) scheme = 'https';
  return scheme;
}

export function buildUrl(req: RequestDraft, cmd: CurlCommand | undefined): BuiltUrl | undefined {
  if (req.url !== undefined) return { url: req.url, assumed: false };
  const target = req.target;
  if (target === undefined) return undefined;
  try {
    if (/^https?:\/\//i.test(target)) return { url: new URL(target).href, assumed: false };
    const host = req.headers.find((h) => /^(?:host|:authority)$/i.test(h[0]))?.[1];
    if (host === undefined || !target.startsWith('/')) return undefined;
    const scheme = schemeFor(req, host, cmd);
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

/** Dev tools' "Status Code" fills the response that has no status line, or stands alone. */
function applyGeneralStatus(b: HttpBuilder): void {
  const { status, statusText = '' } = b.general;
  if (status === undefined) return;
  const statusLine = { text: `Status Code: ${status} ${statusText}`.trim(), lineNo: 0 };
  const target = b.responses.find((r) => r.status === undefined);
  if (target) {
    target.status = status;
    target.statusText = statusText;
    target.statusLine = statusLine;
  } else if (b.responses.length === 0) {
    b.responses.push({ status, statusText, statusLine, headers: [], body: [], source: 'status-only' });
  }
}

function finalResponses(b: HttpBuilder, notices: string[]): ParsedResponse[] {
  const final = b.responses.filter((r) => r.status === undefined || r.status >= 200);
  if (final.length > MAX_RESPONSES) {
    notices.push(`The paste holds ${final.length} responses; only the first ${MAX_RESPONSES} were checked.`);
    final.length = MAX_RESPONSES;
  }
  let trimmed = false;
  for (const r of final) {
    if (r.headers.length <= MAX_HEADERS_PER_RESPONSE) continue;
    r.headers.length = MAX_HEADERS_PER_RESPONSE;
    trimmed = true;
  }
  if (trimmed) notices.push(`Only the first ${MAX_HEADERS_PER_RESPONSE} headers of a response were checked.`);
  if (b.foldsCut > 0) {
    notices.push(
      `${b.foldsCut} folded header ${b.foldsCut === 1 ? 'value was' : 'values were'} longer than ` +
        `${formatSize(MAX_LINE_CHARS)}; only the first ${formatSize(MAX_LINE_CHARS)} of each were read.`,
    );
  }
  return final.map((r) => toResponse(r, b.cmd));
}

/** Console lines are the only evidence when nothing else was pasted; otherwise the headers win. */
function consoleResponses(errors: readonly ConsoleError[]): ParsedResponse[] {
  return errors.flatMap((c) =>
    c.status === undefined
      ? []
      : [
          {
            status: c.status,
            ...(c.statusText !== undefined && { statusText: c.statusText }),
            statusLine: { text: c.text, lineNo: c.lineNo },
            headers: [],
            body: [],
            source: 'status-only' as const,
            ...(c.method !== undefined && { requestMethod: c.method }),
            ...(c.url !== undefined && { requestUrl: c.url }),
          },
        ],
  );
}

interface RequestSide {
  readonly url?: string;
  readonly assumed: boolean;
  readonly method?: string;
  readonly headers: Header[];
  readonly line?: SourceLine;
}

/** The request the paste is about: dev tools' General, then the curl command, request lines, console, a bare URL. */
function requestSide(b: HttpBuilder): RequestSide {
  const first = b.requests[0];
  const built = first ? buildUrl(first, b.cmd) : undefined;
  const consoleWithUrl = b.consoleErrors.find((c) => c.url !== undefined);
  const url = b.general.url ?? b.cmd?.url ?? built?.url ?? consoleWithUrl?.url ?? b.bareUrl?.text;
  const assumed = b.general.url === undefined && b.cmd?.url === undefined && built !== undefined && built.assumed;
  let headers: Header[] = first?.headers ?? [];
  if (headers.length === 0 && b.cmd) {
    const lines = b.cmdLines;
    headers = b.cmd.headers.map(([name, value, arg]) => {
      const source = lines.find((l) => l.text.includes(arg)) ?? lines[0];
      return [name, value, source?.text ?? `${name}: ${value}`, source?.lineNo ?? 0] as const;
    });
  }
  const line =
    first?.line ??
    b.cmdLines[0] ??
    b.general.line ??
    (consoleWithUrl && { text: consoleWithUrl.text, lineNo: consoleWithUrl.lineNo });
  const method = b.general.method ?? first?.method ?? b.cmd?.method ?? consoleWithUrl?.method;
  return {
    assumed,
    headers,
    ...(url !== undefined && { url }),
    ...(method !== undefined && { method }),
    ...(line && { line }),
  };
}

function formatOf(b: HttpBuilder): InputFormat {
  if (b.curlVerbose) return 'curl-verbose';
  if (b.responses.length > 0 || b.requests.length > 0) return 'http';
  return b.consoleErrors.length > 0 ? 'console' : 'text';
}

export function finishInput(b: HttpBuilder, notices: string[]): ParsedInput {
  applyGeneralStatus(b);
  const responses = finalResponses(b, notices);
  if (responses.length === 0) responses.push(...consoleResponses(b.consoleErrors));
  const request = requestSide(b);
  const format = formatOf(b);
  if (format === 'console') {
    notices.push(
      'Only browser console lines were found. Console lines do not show headers: for a full check, ' +
        'copy the response headers from the Network tab, or run the request with curl -v.',
    );
  } else if (responses.length === 0) {
    notices.push(
      'No HTTP response was recognised, so only known error messages were checked. ' +
        'Paste the output of curl -v, the response headers, or a HAR file.',
    );
  }
  if (request.assumed) notices.push('The paste does not show whether the request used http or https; https was assumed.');
  const first = b.requests[0];
  return {
    format,
    requestUrlSchemeAssumed: request.assumed,
    requestHeaders: request.headers,
    requestShown: first?.method !== undefined || b.cmd !== undefined || (first?.headers.length ?? 0) > 0,
    responses,
    consoleErrors: b.consoleErrors,
    otherLines: b.otherLines,
    notices,
    ...(request.url !== undefined && { requestUrl: request.url }),
    ...(request.method !== undefined && { method: request.method }),
    ...(request.line && { requestLine: request.line }),
  };
}
