/** Header and line shapes shared by the input parser and the analyzers. */

/** A line of the (sanitised) paste; lineNo is 1-based, or 0 when the line was synthesised (HAR, curl command). */
export interface SourceLine {
  readonly text: string;
  readonly lineNo: number;
}

/** [name as written, value, the source line to quote, its 1-based number or 0]. */
export type Header = readonly [name: string, value: string, line: string, lineNo: number];

export function headerValues(headers: readonly Header[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter((h) => h[0].toLowerCase() === wanted).map((h) => h[1]);
}

export function headersNamed(headers: readonly Header[], name: string): Header[] {
  const wanted = name.toLowerCase();
  return headers.filter((h) => h[0].toLowerCase() === wanted);
}

export function firstHeader(headers: readonly Header[], name: string): Header | undefined {
  const wanted = name.toLowerCase();
  return headers.find((h) => h[0].toLowerCase() === wanted);
}

export function hasHeader(headers: readonly Header[], name: string): boolean {
  return firstHeader(headers, name) !== undefined;
}

/** Comma-separated list values (Vary, Access-Control-Allow-Headers), lowercased and trimmed. */
export function listValues(headers: readonly Header[], name: string): string[] {
  return headerValues(headers, name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim().toLowerCase())
    .filter((v) => v !== '');
}
