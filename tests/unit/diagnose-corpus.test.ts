import { beforeEach, describe, expect, it } from 'vitest';
import { analyze, FIX_IDS } from '../../src/diagnose';
import { CORPUS, NOW, type CorpusSample } from './fixtures/diagnose-corpus';

beforeEach(() => {
  expect.hasAssertions();
});

/** Only the checks a sample has data for: a sample without `forbid` gets no "forbidden findings" test. */
function checksFor(sample: CorpusSample): [string, () => void][] {
  const result = analyze(sample.text, NOW);
  const ids = result.findings.map((f) => f.id);
  const checks: [string, () => void][] = [
    ['produces the expected findings', () => expect(ids).toEqual(expect.arrayContaining([...sample.expect]))],
    ['reports no failed checks', () => expect(result.notices.filter((n) => n.includes('check failed'))).toEqual([])],
  ];
  if (sample.forbid?.length) {
    const forbid = sample.forbid;
    checks.push(['does not produce the forbidden findings', () => forbid.forEach((id) => expect(ids, `unexpected ${id}`).not.toContain(id))]);
  }
  if (sample.format !== undefined) checks.push([`is read as ${sample.format}`, () => expect(result.summary.format).toBe(sample.format)]);
  if (sample.status !== undefined) checks.push([`centres on status ${sample.status}`, () => expect(result.summary.status).toBe(sample.status)]);
  if (result.findings.length > 0) {
    checks.push([
      'quotes lines that are in the paste, and links only fixes that exist',
      () => {
        // HAR quotes are synthesised "name: value"; every other quote is a line of the paste.
        const lines = sample.text.split('\n').map((l) => l.trimEnd());
        for (const f of result.findings) {
          if (result.summary.format !== 'har') expect(lines).toContain(f.quote);
          if (f.fixId !== undefined) expect(FIX_IDS).toContain(f.fixId);
        }
      },
    ]);
  }
  return checks;
}

describe('diagnose corpus', () => {
  it('has at least 25 samples with expectations', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(25);
    for (const sample of CORPUS) expect(sample.expect.length, sample.name).toBeGreaterThan(0);
  });

  describe.each(CORPUS.map((s) => [s.name, s] as const))('%s', (_name, sample) => {
    it.each(checksFor(sample))('%s', (_check, check) => check());
  });
});
