/**
 * curl's own formats: a curl -v transcript ("> " sent, "< " received, "* " notes)
 * and a pasted curl command with its "\\" continuation lines.
 */
import type { SourceLine } from './headers';
import { continuesOnNextLine, parseCurlCommand } from './input-curl-command';
import type { HttpBuilder } from './input-http';
import { parseHeaderLine, parseRequestLine, parseStatusLine } from './input-lines';

const MAX_CURL_CONTINUATIONS = 200;

/** curl -v "> " lines: the request as sent. */
export function curlSent(b: HttpBuilder, line: SourceLine, content: string): void {
  b.curlVerbose = true;
  const start = parseRequestLine(content);
  if (start) {
    b.startRequest(line, start);
    b.mode = 'req';
  } else if (content === '') b.mode = 'none';
  else {
    const header = parseHeaderLine(content);
    if (!header) return;
    b.request ??= b.startRequest(line);
    b.request.headers.push([header[0], header[1], line.text, line.lineNo]);
  }
}

/** curl -v "< " lines: the response as received. */
export function curlReceived(b: HttpBuilder, line: SourceLine, content: string): void {
  b.curlVerbose = true;
  const status = parseStatusLine(content);
  if (status) {
    b.startResponse(line, status.status, status.statusText);
    b.mode = 'resp';
  } else if (content === '') b.mode = 'body';
  else {
    const header = parseHeaderLine(content);
    if (!header) return;
    b.response ??= b.startResponse();
    b.response.headers.push([header[0], header[1], line.text, line.lineNo]);
  }
}

/** curl -v "* " notes: the scheme (port, TLS) and the URL of a follow-up request. */
export function curlNote(b: HttpBuilder, text: string): void {
  const connected = /^\* +(?:Connected to \S+ \([^)]*\) port|Trying \S+?:) ?(\d+)/.exec(text);
  if (connected?.[1]) b.connScheme = connected[1] === '443' ? 'https' : connected[1] === '80' ? 'http' : undefined;
  if (/^\* +(?:SSL|TLS|ALPN|Server certificate|using HTTP\/[23])/i.test(text)) b.connScheme = 'https';
  const issue = /Issue another request to this URL: '([^']+)'/.exec(text);
  if (issue?.[1]) b.nextUrl = issue[1];
}

/** A curl command and its "\" continuation lines; returns the index of its last line. */
export function curlCommandLines(b: HttpBuilder, lines: readonly string[], i: number): number {
  const group: SourceLine[] = [{ text: (lines[i] ?? '').trimEnd(), lineNo: i + 1 }];
  let last = group[0]?.text ?? '';
  // Test only the newest physical line: re-scanning the joined command would be quadratic.
  while (continuesOnNextLine(last) && group.length < MAX_CURL_CONTINUATIONS && i + 1 < lines.length) {
    i++;
    last = (lines[i] ?? '').trimEnd();
    group.push({ text: last, lineNo: i + 1 });
  }
  if (!b.cmd) {
    b.cmd = parseCurlCommand(group.map((l) => l.text.replace(/\\$/, '')).join(' '));
    b.cmdLines = group;
  }
  b.mode = 'none';
  return i;
}

