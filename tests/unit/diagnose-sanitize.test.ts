import { beforeEach, describe, expect, it } from 'vitest';
import {
  formatSize,
  MAX_INPUT_CHARS,
  MAX_LINE_CHARS,
  MAX_LINES,
  sanitizeText,
  sanitizeToLines,
  splitCappedLines,
} from '../../src/diagnose/input-sanitize';

beforeEach(() => {
  expect.hasAssertions();
});

describe('formatSize', () => {
  it('names small amounts in characters, up to one short of a kilobyte', () => {
    expect(formatSize(0)).toBe('0 characters');
    expect(formatSize(1023)).toBe('1023 characters');
  });

  it('switches to whole kilobytes at 1024 characters, rounded to the nearest', () => {
    expect(formatSize(1024)).toBe('1 KB');
    expect(formatSize(8192)).toBe('8 KB');
    // 1.5 KB and more rounds up: the notice is an estimate, not a byte count.
    expect(formatSize(1536)).toBe('2 KB');
  });

  it('switches to megabytes at 1 MiB, with one decimal that is dropped when it is zero', () => {
    expect(formatSize(1_048_576)).toBe('1 MB');
    expect(formatSize(1_048_576 * 1.5)).toBe('1.5 MB');
    expect(formatSize(1_048_576 * 10)).toBe('10 MB');
  });
});

describe('sanitizeText: size cap', () => {
  it('reads a paste of exactly the cap in full, without a notice', () => {
    const raw = 'a'.repeat(MAX_INPUT_CHARS);
    const r = sanitizeText(raw);
    expect(r.value).toHaveLength(MAX_INPUT_CHARS);
    expect(r.notices).toEqual([]);
  });

  it('keeps only the first MAX_INPUT_CHARS of a larger paste and tells the user to paste less', () => {
    const raw = `${'a'.repeat(MAX_INPUT_CHARS)}TAIL`;
    const r = sanitizeText(raw);
    expect(r.value).toHaveLength(MAX_INPUT_CHARS);
    expect(r.value).not.toContain('TAIL');
    expect(r.notices).toEqual([
      'The paste is larger than 1 MB; only the first 1 MB was read. Paste just the request and response you are asking about.',
    ]);
  });

  it('reports the cut before any control-character notice', () => {
    const r = sanitizeText(`\u0000${'a'.repeat(MAX_INPUT_CHARS)}`);
    expect(r.notices).toHaveLength(2);
    expect(r.notices[0]).toMatch(/^The paste is larger than 1 MB/);
    expect(r.notices[1]).toBe('1 control character was removed.');
  });
});

describe('sanitizeText: line endings', () => {
  it.each([
    ['CRLF (Windows, HTTP on the wire)', 'a\r\nb'],
    ['a lone CR (old Mac, some terminals)', 'a\rb'],
    ['U+2028 LINE SEPARATOR', 'a\u2028b'],
    ['U+2029 PARAGRAPH SEPARATOR', 'a\u2029b'],
  ])('turns %s into one LF, silently', (_name, raw) => {
    const r = sanitizeText(raw);
    expect(r.value).toBe('a\nb');
    expect(r.notices).toEqual([]);
  });

  it('keeps blank lines: CR CR LF is two line breaks, not one', () => {
    expect(sanitizeText('a\r\r\nb').value).toBe('a\n\nb');
  });
});

describe('sanitizeText: what cannot be text', () => {
  it.each([
    ['NUL', '\u0000'],
    ['BS (end of the low C0 range)', '\u0008'],
    ['vertical tab', '\v'],
    ['form feed', '\f'],
    ['SO (start of the upper C0 range)', '\u000E'],
    ['ESC (terminal colour codes)', '\u001B'],
    ['US (end of C0)', '\u001F'],
    ['DEL', '\u007F'],
    ['a C1 control', '\u0085'],
    ['the last C1 control', '\u009F'],
    ['a byte-order mark', '\uFEFF'],
    ['the replacement character left by decoding binary', '\uFFFD'],
    ['a high surrogate with nothing after it', '\uD83D'],
    ['a low surrogate with nothing before it', '\uDE00'],
  ])('removes %s and counts it in a notice', (_name, bad) => {
    const r = sanitizeText(`x${bad}y`);
    expect(r.value).toBe('xy');
    expect(r.notices).toEqual(['1 control character was removed.']);
  });

  it('removes a surrogate cut off from its pair even when text follows it', () => {
    expect(sanitizeText('a\uD83Db').value).toBe('ab');
    expect(sanitizeText('a\uDE00b').value).toBe('ab');
  });

  it.each([
    ['U+10000 (the first pair)', '\uD800\uDC00'],
    ['U+10FFFF (the last pair)', '\uDBFF\uDFFF'],
    ['an emoji', '\uD83D\uDE00'],
  ])('keeps a complete surrogate pair: %s', (_name, pair) => {
    const r = sanitizeText(`a${pair}b`);
    expect(r.value).toBe(`a${pair}b`);
    expect(r.notices).toEqual([]);
  });

  it.each([
    ['the first high surrogate', '\uD800'],
    ['the last high surrogate', '\uDBFF'],
    ['the first low surrogate', '\uDC00'],
    ['the last low surrogate', '\uDFFF'],
  ])('removes %s when it stands alone', (_name, half) => {
    expect(sanitizeText(`a${half}b`).value).toBe('ab');
    expect(sanitizeText(half).value).toBe('');
  });

  it('removes both halves of a pair written in the wrong order', () => {
    expect(sanitizeText('a\uDE00\uD83Db').value).toBe('ab');
  });

  it('keeps tab, newline, spaces, accented and non-Latin letters and emoji intact', () => {
    const text = 'Name:\tZoë Ångström 日本\u00A0ok 😀 done\n';
    const r = sanitizeText(text);
    expect(r.value).toBe(text);
    expect(r.notices).toEqual([]);
  });

  it('counts several removed characters in the plural', () => {
    const r = sanitizeText('a\u0000b\u0001c\u001Fd');
    expect(r.value).toBe('abcd');
    expect(r.notices).toEqual(['3 control characters were removed.']);
  });

  it('calls it binary data only from 32 removed bytes that make at least a twentieth of the paste', () => {
    // 31 bad bytes in a tiny paste: a few stray control codes, not binary.
    expect(sanitizeText('\u0000'.repeat(31)).notices).toEqual(['31 control characters were removed.']);
    // 32 bad bytes in 640 characters is exactly one twentieth: binary.
    const binary = sanitizeText('\u0000'.repeat(32) + 'a'.repeat(608));
    expect(binary.value).toBe('a'.repeat(608));
    expect(binary.notices).toEqual([
      'This looks like binary data: 32 bytes that are not text were removed. ' +
        'Paste text output instead, such as curl -v or the response headers.',
    ]);
    // One character more and they are less than a twentieth: stray control codes in a long text.
    expect(sanitizeText('\u0000'.repeat(32) + 'a'.repeat(609)).notices).toEqual(['32 control characters were removed.']);
  });

  it('measures the binary share against the paste after line endings are joined', () => {
    // 608 CRLF pairs become 608 LFs: 32 of 640 characters are bad, so this is binary.
    const r = sanitizeText('\u0000'.repeat(32) + '\r\n'.repeat(608));
    expect(r.notices[0]).toMatch(/^This looks like binary data: 32 bytes/);
  });
});

describe('splitCappedLines', () => {
  it('splits on LF and reads a paste of exactly MAX_LINES lines in full', () => {
    const r = splitCappedLines(Array.from({ length: MAX_LINES }, () => 'x').join('\n'));
    expect(r.value).toHaveLength(MAX_LINES);
    expect(r.notices).toEqual([]);
    expect(splitCappedLines('a\n\nb').value).toEqual(['a', '', 'b']);
  });

  it('keeps only the first MAX_LINES lines and says how much of the paste that was', () => {
    // Each kept line is 2 characters plus its newline: 20,000 × 3 = 60,000 characters ≈ 59 KB.
    const r = splitCappedLines(`${'ab\n'.repeat(MAX_LINES)}LAST`);
    expect(r.value).toHaveLength(MAX_LINES);
    expect(r.value).not.toContain('LAST');
    expect(r.notices).toEqual([
      'The paste has more than 20,000 lines; only the first 20,000 (the first 59 KB) were read.',
    ]);
  });

  it('keeps a line of exactly MAX_LINE_CHARS whole', () => {
    const line = 'a'.repeat(MAX_LINE_CHARS);
    const r = splitCappedLines(`${line}\nnext`);
    expect(r.value).toEqual([line, 'next']);
    expect(r.notices).toEqual([]);
  });

  it('cuts a longer line at MAX_LINE_CHARS and keeps the lines around it', () => {
    const r = splitCappedLines(`first\n${'a'.repeat(MAX_LINE_CHARS)}SECRET-TAIL\nlast`);
    expect(r.value).toEqual(['first', 'a'.repeat(MAX_LINE_CHARS), 'last']);
    expect(r.notices).toEqual(['1 line was longer than 8 KB and was cut there.']);
  });

  it('counts every cut line, in the plural', () => {
    const long = 'b'.repeat(MAX_LINE_CHARS + 1);
    const r = splitCappedLines(`${long}\nshort\n${long}`);
    expect(r.value.map((l) => l.length)).toEqual([MAX_LINE_CHARS, 5, MAX_LINE_CHARS]);
    expect(r.notices).toEqual(['2 lines were longer than 8 KB and were cut there.']);
  });
});

describe('sanitizeToLines', () => {
  it('cleans, then splits, with the text notices before the line notices', () => {
    const r = sanitizeToLines(`HTTP/1.1 401 Unauthorized\r\nX-A: 1\u0000\r\nX-Long: ${'z'.repeat(MAX_LINE_CHARS)}`);
    expect(r.value).toEqual(['HTTP/1.1 401 Unauthorized', 'X-A: 1', `X-Long: ${'z'.repeat(MAX_LINE_CHARS - 8)}`]);
    expect(r.notices).toEqual(['1 control character was removed.', '1 line was longer than 8 KB and was cut there.']);
  });
});
