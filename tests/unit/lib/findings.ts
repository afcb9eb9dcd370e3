/** What Diagnose finds in a paste, read at the corpus's fixed NOW: the helpers the rule tests share. */
import { expect } from 'vitest';
import { analyze, type Finding } from '../../../src/diagnose';
import { NOW } from '../fixtures/diagnose-corpus';

export const run = (text: string) => analyze(text, NOW);
export const ids = (text: string) => run(text).findings.map((f) => f.id);
/** The finding with this id; the test fails right here when there is none (a missing finding must not pass as "fixId undefined"). */
export const find = (text: string, id: string): Finding => {
  const found = run(text).findings.find((f) => f.id === id);
  expect(found, `no "${id}" finding in ${JSON.stringify(ids(text))}`).toBeDefined();
  return found!;
};
