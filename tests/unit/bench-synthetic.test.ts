import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticContent } from '../../bench/synthetic';
import { checkIntegrity } from '../../src/model/integrity';
import { loadContentDir } from '../../src/model/load-files';
import { MAX_ANSWERS, validateFlow } from '../../src/flow/validate';
import { flowInputOf } from '../../src/model/flow-input';

// npm run bench builds n copies of the real content; a generator that writes broken content only fails there,
// minutes in, so the copy is loaded and checked here the way the build would.
describe('the benchmark content generator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fix401-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // The build checks the flow too (answers per question, answers to a fix, plain-link reachability): so does this.
  it.each([2, 10])('writes %i copies of the content that load, hang together and pass the flow checks', (n) => {
    const out = syntheticContent(n, join(dir, `content-${n}`));
    const { content, problems } = loadContentDir(out);
    expect(problems).toEqual([]);
    expect(checkIntegrity(content)).toEqual([]);
    expect(validateFlow(flowInputOf(content))).toEqual([]);
    const real = loadContentDir('content').content;
    expect(content.fixes).toHaveLength(real.fixes.length * n);
    const start = content.flow.find((e) => e.data.id === 'start')!.data.answers.map((a) => a.id);
    const realStart = real.flow.find((e) => e.data.id === 'start')!.data.answers.map((a) => a.id);
    // The copies hang off the start; a full start gives up one answer whose question is reached another way
    // (validateFlow above proves nothing became unreachable), and keeps the others in their order.
    const kept = realStart.filter((id) => start.includes(id));
    expect(start).toEqual(['bench', ...kept]);
    expect(kept.length).toBe(realStart.length < MAX_ANSWERS ? realStart.length : MAX_ANSWERS - 1);
  });
});
