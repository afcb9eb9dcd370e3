/**
 * search.json as it travels: the same documents as `SearchDoc[]`, without what the browser can rebuild.
 * Objects repeat every key name once per document, and each checklist step repeats its checklist and
 * section title as its summary; rows per kind and one table of those summaries cut the file by about
 * 2% gzipped, which kept it inside its budget at the time (README, Budgets). The browser unpacks it before
 * building the index, so the engine, the tests and the bench still see plain documents.
 */
import type { DocKind, SearchDoc } from './documents';

type FixRow = [url: string, title: string, summary: string, words: string[], errors: string[]];
type ExampleRow = [url: string, title: string, summary: string, words: string[], errors: string[], fix: string];
/** A step's summary is `summaries[summary]`; it has no words or errors of its own. */
type StepRow = [url: string, title: string, summary: number, fix?: string];

export interface SearchWire {
  fixes: FixRow[];
  examples: ExampleRow[];
  steps: StepRow[];
  summaries: string[];
}

const ORDER: DocKind[] = ['fix', 'example', 'step'];

/**
 * Rows keep the documents' order only if they come grouped by kind, fixes first, as `searchDocuments`
 * makes them; the ranking breaks ties by that order, so anything else is refused rather than reordered.
 */
export function packDocuments(docs: readonly SearchDoc[]): SearchWire {
  const wire: SearchWire = { fixes: [], examples: [], steps: [], summaries: [] };
  const summaryIds = new Map<string, number>();
  let kindAt = 0;
  docs.forEach((d, i) => {
    const at = ORDER.indexOf(d.kind);
    if (at < kindAt) throw new Error(`search documents: "${d.url}" (${d.kind}) at ${i} comes after a ${ORDER[kindAt]}; documents must be grouped fixes, examples, steps`);
    kindAt = at;
    if (d.kind === 'fix') wire.fixes.push([d.url, d.title, d.summary, d.words, d.errors]);
    else if (d.kind === 'example') {
      if (d.fix === undefined) throw new Error(`search documents: example "${d.url}" has no fix`);
      wire.examples.push([d.url, d.title, d.summary, d.words, d.errors, d.fix]);
    } else {
      if (d.words.length || d.errors.length) throw new Error(`search documents: step "${d.url}" has words or errors, which the wire format does not carry`);
      let s = summaryIds.get(d.summary);
      if (s === undefined) summaryIds.set(d.summary, (s = wire.summaries.push(d.summary) - 1));
      wire.steps.push(d.fix === undefined ? [d.url, d.title, s] : [d.url, d.title, s, d.fix]);
    }
  });
  return wire;
}

export function unpackDocuments(wire: SearchWire): SearchDoc[] {
  return [
    ...wire.fixes.map(([url, title, summary, words, errors]): SearchDoc => ({ url, kind: 'fix', title, summary, words, errors })),
    ...wire.examples.map(([url, title, summary, words, errors, fix]): SearchDoc => ({ url, kind: 'example', title, summary, words, errors, fix })),
    ...wire.steps.map(([url, title, s, fix]): SearchDoc => ({
      url,
      kind: 'step',
      title,
      summary: wire.summaries[s] ?? '',
      words: [],
      errors: [],
      ...(fix === undefined ? {} : { fix }),
    })),
  ];
}
