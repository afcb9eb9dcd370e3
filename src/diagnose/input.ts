/**
 * Turns whatever was pasted (curl -v, curl -i, raw header blocks, dev tools sections,
 * a HAR file, console lines, server logs) into one request and its responses.
 * A HAR file is read as JSON (input-har.ts); everything else goes line by line:
 * the classifier (input-lines.ts) says what a line is, the builders (input-http.ts)
 * what it means in context, and input-finish.ts assembles the result. One pass over
 * capped lines (input-sanitize.ts), so the cost stays linear in the paste.
 */
import type { SourceLine } from './headers';
import type { ParsedInput } from './input-types';
import { finishInput } from './input-finish';
import { parseHar } from './input-har';
import { curlCommandLines, curlNote, curlReceived, curlSent } from './input-curl-verbose';
import { HttpBuilder, otherLine } from './input-http';
import { classifyLine } from './input-lines';
import { sanitizeText, splitCappedLines } from './input-sanitize';

export type { ParsedInput, ParsedResponse, InputFormat, ConsoleError } from './input-types';
export {
  MAX_HEADERS_PER_RESPONSE,
  MAX_INPUT_CHARS,
  MAX_LINE_CHARS,
  MAX_LINES,
  MAX_RESPONSES,
} from './input-sanitize';

function emptyInput(notices: string[]): ParsedInput {
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

function readLines(lines: readonly string[], b: HttpBuilder): void {
  for (let i = 0; i < lines.length; i++) {
    const text = (lines[i] ?? '').trimEnd();
    const line: SourceLine = { text, lineNo: i + 1 };
    const kind = classifyLine(text);
    switch (kind.kind) {
      case 'sent':
        curlSent(b, line, kind.content);
        break;
      case 'received':
        curlReceived(b, line, kind.content);
        break;
      case 'note':
        curlNote(b, text);
        break;
      case 'data':
        break;
      case 'blank':
        b.blank();
        break;
      case 'curl-command':
        i = curlCommandLines(b, lines, i);
        break;
      case 'console':
        b.console({ ...kind.error, lineNo: line.lineNo });
        break;
      case 'general':
        b.generalLine(kind.key, kind.value, line);
        break;
      case 'status':
        b.statusLine(line, kind.status, kind.statusText);
        break;
      case 'request':
        b.requestLine(line, { method: kind.method, target: kind.target, version: kind.version });
        break;
      case 'section':
        b.section(line, kind.which);
        break;
      default:
        otherLine(b, line, kind);
    }
  }
}

export function parseInput(raw: string): ParsedInput {
  const sanitized = sanitizeText(raw);
  const notices = [...sanitized.notices];
  if (sanitized.value.trim() === '') return emptyInput(notices);
  // Before line capping: a HAR entry copied as one JSON line is easily longer than a line may be.
  const har = parseHar(sanitized.value);
  if (har) return { ...har, notices: [...notices, ...har.notices] };
  const split = splitCappedLines(sanitized.value);
  notices.push(...split.notices);
  const builder = new HttpBuilder();
  readLines(split.value, builder);
  return finishInput(builder, notices);
}
