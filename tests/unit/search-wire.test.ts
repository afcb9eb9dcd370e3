/**
 * search.json's packed form: what the browser unpacks must be exactly the documents the build made, in the
 * same order (the ranking breaks ties by it), after a trip through JSON as the file takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/model/load-files';
import { plainText } from '../../src/markdown/inline';
import { contentDocuments, type SearchDoc } from '../../src/search/documents';
import { createSearch } from '../../src/search/engine';
import { packDocuments, unpackDocuments, type SearchWire } from '../../src/search/wire';

const overTheWire = (docs: SearchDoc[]) => unpackDocuments(JSON.parse(JSON.stringify(packDocuments(docs))) as SearchWire);
/** The documents as JSON leaves them: a step without a fix has no `fix` key at all. */
const asJson = (docs: SearchDoc[]) => JSON.parse(JSON.stringify(docs)) as SearchDoc[];

const text = fc.string({ maxLength: 12 });
const words = fc.array(text, { maxLength: 3 });
const fixDoc = fc.record({ url: text, title: text, summary: text, words, errors: words }).map((d): SearchDoc => ({ ...d, kind: 'fix' }));
const exampleDoc = fc.record({ url: text, title: text, summary: text, words, errors: words, fix: text }).map((d): SearchDoc => ({ ...d, kind: 'example' }));
// Few distinct summaries, so steps share them as checklist sections do.
const stepDoc = fc
  .record({ url: text, title: text, summary: fc.constantFrom('Owner · Logs', 'Owner · Proxy', 'API · Tokens'), fix: fc.option(text, { nil: undefined }) })
  .map(({ fix, ...d }): SearchDoc => ({ ...d, kind: 'step', words: [], errors: [], ...(fix === undefined ? {} : { fix }) }));
const grouped = fc.tuple(fc.array(fixDoc), fc.array(exampleDoc), fc.array(stepDoc)).map(([f, e, s]) => [...f, ...e, ...s]);

describe('search.json wire format', () => {
  const { content } = loadContentDir('content');
  const docs = contentDocuments(content, plainText);

  it('unpacks to the documents the build made, in their order', () => {
    expect(overTheWire(docs)).toStrictEqual(asJson(docs));
    // Each step's section title is sent once, not once per step.
    const wire = packDocuments(docs);
    expect(wire.summaries.length).toBeLessThan(wire.steps.length);
    expect(new Set(wire.summaries).size).toBe(wire.summaries.length);
  });

  it('searches the same after the trip', () => {
    const before = createSearch(docs).search('nginx strips the Authorization header before the app').results.map((r) => r.doc.url);
    const after = createSearch(overTheWire(docs)).search('nginx strips the Authorization header before the app').results.map((r) => r.doc.url);
    expect(before.length).toBeGreaterThan(0);
    expect(after).toEqual(before);
  });

  it('round-trips any documents grouped fixes, examples, steps', () => {
    fc.assert(
      fc.property(grouped, (ds) => {
        expect(overTheWire(ds)).toStrictEqual(asJson(ds));
      }),
    );
  });

  it('refuses what it could not give back unchanged', () => {
    const [fix, example, step] = [docs.find((d) => d.kind === 'fix')!, docs.find((d) => d.kind === 'example')!, docs.find((d) => d.kind === 'step')!];
    expect(() => packDocuments([fix, step, example])).toThrow(/examples\/.*comes after a step/);
    expect(() => packDocuments([{ ...example, fix: undefined }])).toThrow(/example "examples\/.*" has no fix/);
    expect(() => packDocuments([{ ...step, words: ['lost'] }])).toThrow(/step ".*" has words or errors/);
  });
});
