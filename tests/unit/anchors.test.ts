import { describe, expect, it } from 'vitest';
import { checkAnchorAliases, checkAnchorsLock, headingAnchors, liveAnchors, parseAnchorsLock } from '../../src/model/anchors';

const page = (id: string, file: string, anchorAliases: Record<string, string> = {}) => ({ file, data: { id, anchorAliases } });

describe('heading anchors', () => {
  it('slugs headings as the build does: inline Markdown dropped, repeats numbered, code fences skipped', () => {
    const body = ['## Why this happens', 'text', '```bash', '# not a heading', '```', '### Loki, Mimir: `no org id`', '## **Why** this happens', '~~~', '## nor this', '~~~', '## [Azure](https://x) Functions’ key'].join('\n');
    expect(headingAnchors(body)).toEqual(['why-this-happens', 'loki-mimir-no-org-id', 'why-this-happens-1', 'azure-functions-key']);
    // A closing run of # is not part of the text; a # inside a word is; "#hashtag" is no heading.
    expect(headingAnchors('## Step two ##\n### C# clients\n#hashtag\n####### seven')).toEqual(['step-two', 'c-clients']);
  });

  it('keeps underscores inside code spans and words, as the build does: they are not emphasis', () => {
    // Two spans each holding an underscore once read as one emphasis from the first span into the second.
    expect(headingAnchors('## Prometheus `remote_write` and `remote_read`: credentials\n### snake_case and other_name\n### an _emphasised_ word')).toEqual([
      'prometheus-remote_write-and-remote_read-credentials',
      'snake_case-and-other_name',
      'an-emphasised-word',
    ]);
  });

  it('keeps a reworded heading alive through anchorAliases, and names what breaks it', () => {
    const bodies = new Map([['fixes/a.md', '## New name\n'], ['examples/b.md', '## Same\n']]);
    const content = { fixes: [page('a', 'fixes/a.md', { 'old-name': 'new-name' })], examples: [page('b', 'examples/b.md')], explainers: [] };
    const live = liveAnchors(content as never, bodies);
    expect([...live].sort()).toEqual(['examples/b#same', 'guide/a#new-name', 'guide/a#old-name']);
    expect(checkAnchorsLock(live, ['guide/a#old-name', 'examples/b#same'])).toEqual([]);
    expect(checkAnchorsLock(live, ['guide/a#gone'])).toEqual([
      'content/anchors.lock: "guide/a#gone" was published but the page has no such heading any more; add anchorAliases: { gone: <the new heading\'s anchor> } to its frontmatter',
    ]);
    expect(checkAnchorAliases(content as never, bodies)).toEqual([]);
    const bad = { fixes: [page('a', 'fixes/a.md', { x: 'missing', 'new-name': 'new-name' })], examples: [], explainers: [] };
    expect(checkAnchorAliases(bad as never, bodies)).toEqual([
      'fixes/a.md: anchorAliases.x: "missing" is not a heading anchor on this page',
      'fixes/a.md: anchorAliases.new-name: the page still has a heading with that anchor; remove the alias',
    ]);
  });

  it('reads the lock with # inside lines (anchors) and # comments at line starts', () => {
    expect(parseAnchorsLock('# comment\n\nguide/a#b\n  guide/c#d  \n')).toEqual(['guide/a#b', 'guide/c#d']);
  });
});
