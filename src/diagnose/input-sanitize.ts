/**
 * First pass over a paste: cap its size, drop bytes that cannot be text, split into
 * capped lines. Everything after this works on bounded lines, which is what keeps
 * the later regexes cheap on hostile input.
 */

/** Enough for a HAR entry or a long curl -v; anything bigger is almost surely not one exchange. */
export const MAX_INPUT_CHARS = 1_048_576;
/** Real header lines stay far below this (servers reject > 8-16 KB headers anyway). */
export const MAX_LINE_CHARS = 8_192;
/** A curl -v with a long log body is a few thousand lines; past this, the rest is not read. */
export const MAX_LINES = 20_000;
/** curl gives up after 50 redirects; a paste with more responses is a log, not one exchange. */
export const MAX_RESPONSES = 50;
/** Servers refuse far fewer; beyond this the block is not a real response. */
export const MAX_HEADERS_PER_RESPONSE = 500;

// C0 (except tab, LF, CR), DEL, C1, BOM, replacement char (what binary becomes after decoding),
// and unpaired surrogates (what a cut through an emoji leaves behind).
const NOT_TEXT =
  /[\u0000-\u0008\v\f\u000E-\u001F\u007F-\u009F\uFEFF\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function formatSize(chars: number): string {
  if (chars >= 1_048_576) return `${(chars / 1_048_576).toFixed(1).replace(/\.0$/, '')} MB`;
  if (chars >= 1024) return `${Math.round(chars / 1024)} KB`;
  return `${chars} characters`;
}

export interface Sanitized<T> {
  readonly value: T;
  readonly notices: string[];
}

/** Caps the size and removes what cannot be text; keeps the line structure. */
export function sanitizeText(raw: string): Sanitized<string> {
  const notices: string[] = [];
  let text = raw;
  if (text.length > MAX_INPUT_CHARS) {
    notices.push(
      `The paste is larger than ${formatSize(MAX_INPUT_CHARS)}; only the first ${formatSize(MAX_INPUT_CHARS)} was read. ` +
        'Paste just the request and response you are asking about.',
    );
    text = text.slice(0, MAX_INPUT_CHARS);
  }
  text = text.replace(/\r\n?|[\u2028\u2029]/g, '\n');
  const before = text.length;
  text = text.replace(NOT_TEXT, '');
  const removed = before - text.length;
  if (removed > 0) {
    const binary = removed >= 32 && removed * 20 >= before;
    notices.push(
      binary
        ? `This looks like binary data: ${removed} bytes that are not text were removed. ` +
            'Paste text output instead, such as curl -v or the response headers.'
        : `${removed} control ${removed === 1 ? 'character was' : 'characters were'} removed.`,
    );
  }
  return { value: text, notices };
}

/** Splits sanitised text into at most MAX_LINES lines of at most MAX_LINE_CHARS each. */
export function splitCappedLines(text: string): Sanitized<string[]> {
  const notices: string[] = [];
  // split with a limit never builds the lines past the cap.
  const lines = text.split('\n', MAX_LINES + 1);
  if (lines.length > MAX_LINES) {
    lines.length = MAX_LINES;
    const read = lines.reduce((n, l) => n + l.length + 1, 0);
    notices.push(
      `The paste has more than ${MAX_LINES.toLocaleString('en')} lines; only the first ${MAX_LINES.toLocaleString('en')} ` +
        `(the first ${formatSize(read)}) were read.`,
    );
  }
  let cut = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.length > MAX_LINE_CHARS) {
      lines[i] = line.slice(0, MAX_LINE_CHARS);
      cut++;
    }
  }
  if (cut > 0) {
    notices.push(
      `${cut} ${cut === 1 ? 'line was' : 'lines were'} longer than ${formatSize(MAX_LINE_CHARS)} and ` +
        `${cut === 1 ? 'was' : 'were'} cut there.`,
    );
  }
  return { value: lines, notices };
}

export function sanitizeToLines(raw: string): Sanitized<string[]> {
  const text = sanitizeText(raw);
  const lines = splitCappedLines(text.value);
  return { value: lines.value, notices: [...text.notices, ...lines.notices] };
}
