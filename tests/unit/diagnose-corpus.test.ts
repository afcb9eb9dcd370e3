import { describe, expect, it } from 'vitest';
import { analyze, FIX_IDS } from '../../src/diagnose';
import { CORPUS, NOW } from './fixtures/diagnose-corpus';

describe('diagnose corpus', () => {
  it('has at least 25 samples with expectations', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
    for (const sample of CORPUS) expect(sample.expect.length, sample.name).toBeGreaterThan(0);
  });

  describe.each(CORPUS.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    const result = analyze(sample.text, NOW);
    const ids = result.findings.map((f) => f.id);

    it('produces the expected findings', () => {
      expect(ids).toEqual(expect.arrayContaining([...sample.expect]));
    });

    it('does not produce the forbidden findings', () => {
      for (const id of sample.forbid ?? []) expect(ids, `unexpected ${id}`).not.toContain(id);
    });

    it('recognises the format and status', () => {
      if (sample.format !== undefined) expect(result.summary.format).toBe(sample.format);
      if (sample.status !== undefined) expect(result.summary.status).toBe(sample.status);
    });

    it('quotes a line that is in the paste, and links only planned fixes', () => {
      for (const f of result.findings) {
        expect(typeof f.quote).toBe('string');
        // HAR quotes are synthesised "name: value"; every other quote is a line of the paste.
        if (result.summary.format !== 'har') expect(sample.text.split('\n').map((l) => l.trimEnd())).toContain(f.quote);
        if (f.fixId !== undefined) expect(FIX_IDS).toContain(f.fixId);
      }
    });

    it('reports no failed checks', () => {
      expect(result.notices.filter((n) => n.includes('check failed'))).toEqual([]);
    });
  });
});
