import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticContent } from '../../bench/synthetic';
import { checkIntegrity } from '../../src/model/integrity';
import { loadContentDir } from '../../src/model/load-files';

// npm run bench builds n copies of the real content; a generator that writes broken content only fails there,
// minutes in, so the copy is loaded and checked here the way the build would.
describe('the benchmark content generator', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fix401-bench-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes two copies of the content that load and hang together', () => {
    const out = syntheticContent(2, join(dir, 'content'));
    const { content, problems } = loadContentDir(out);
    expect(problems).toEqual([]);
    expect(checkIntegrity(content)).toEqual([]);
    const real = loadContentDir('content').content;
    expect(content.fixes).toHaveLength(real.fixes.length * 2);
    const start = content.flow.find((e) => e.data.id === 'start')!;
    expect(start.data.answers.map((a) => a.id)).toEqual(['bench-copy2', ...real.flow.find((e) => e.data.id === 'start')!.data.answers.map((a) => a.id)]);
  });
});
