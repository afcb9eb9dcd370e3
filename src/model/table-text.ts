import { markdownToHtml } from 'satteri';
import { fencedLineNumbers } from '../markdown/code-blocks';

/**
 * A Markdown table whose header row leaves a cell blank renders an empty <th>, which screen readers
 * announce as a nameless column (axe: empty-table-header). The browser tests catch it, but only after
 * a three-minute build; this finds it in the source, for the unit tests. Whether a row is a table
 * header, and which cells it has (a `|` in a code span or escaped is not a cell border), is left to
 * the processor that renders the pages: each candidate row is rendered with its delimiter row.
 */
const isDelimiterRow = (line: string) => /^\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?$/.test(line.trim());

const EMPTY_HEADER_CELL = /<th(?:\s[^>]*)?>\s*<\/th>/;

/** "line N: …" for each table header row with a blank cell, outside fenced code. */
export function emptyTableHeaders(markdown: string): string[] {
  const lines = markdown.split('\n');
  const fenced = fencedLineNumbers(markdown);
  return lines.flatMap((line, i) => {
    const next = lines[i + 1];
    if (next === undefined || fenced.has(i + 1) || !line.includes('|') || !isDelimiterRow(next)) return [];
    const { html } = markdownToHtml(`${line}\n${next}\n`) as { html: string };
    return EMPTY_HEADER_CELL.test(html) ? [`line ${i + 1}: a table column has no header: ${line.trim().slice(0, 80)}`] : [];
  });
}
