import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { contentFiles, loadContentDir } from '../../src/model/load-files';
import { checkFixReferences } from '../../src/model/integrity';

const root = mkdtempSync(join(tmpdir(), 'fix401-content-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const fix = (id: string) => `---
id: ${id}
title: A fix
reviewed: 2026-11-29
audience: owner
summary: Why and what.
steps: [Do it.]
symptoms: [a, b, c]
ifNotFixed: escalate
sources: [{ title: RFC 9110, url: "https://www.rfc-editor.org/rfc/rfc9110" }]
---
Body.
`;

describe('the content loader', () => {
  it('reads every .md/.mdx at any depth, as the collections\' glob does', () => {
    mkdirSync(join(root, 'content/fixes/owner/nginx'), { recursive: true });
    writeFileSync(join(root, 'content/fixes/top.md'), fix('top'));
    writeFileSync(join(root, 'content/fixes/owner/nginx/deep.mdx'), fix('deep'));
    writeFileSync(join(root, 'content/fixes/owner/notes.txt'), 'not content');
    expect(contentFiles(join(root, 'content/fixes'))).toEqual(['owner/nginx/deep.mdx', 'top.md']);
    const { content, problems } = loadContentDir(join(root, 'content'));
    expect(problems).toEqual([]);
    expect(content.fixes.map((f) => [f.file, f.data.id, f.data.reviewed])).toEqual([
      ['content/fixes/owner/nginx/deep.mdx', 'deep', '2026-11-29'],
      ['content/fixes/top.md', 'top', '2026-11-29'],
    ]);
    expect(content.flow).toEqual([]);
  });

  it('a YAML syntax error names the file and the line, and the other files still load', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fix401-yaml-'));
    mkdirSync(join(dir, 'content/fixes'), { recursive: true });
    writeFileSync(join(dir, 'content/fixes/good.md'), fix('good'));
    // An error string pasted unquoted: YAML reads "[API]" as a list, then finds text after it.
    writeFileSync(join(dir, 'content/fixes/bad.md'), fix('bad').replace('symptoms: [a, b, c]', 'symptoms: [a, b, c]\nerrors:\n  - [API] Invalid API key or access token'));
    try {
      const { content, problems } = loadContentDir(join(dir, 'content'));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(/^content\/fixes\/bad\.md: \(frontmatter\): .*\(\d+:\d+\)$/);
      expect(content.fixes.map((f) => f.data.id)).toEqual(['good']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a missing folder is empty, not an error', () => {
    expect(contentFiles(join(root, 'nope'))).toEqual([]);
  });
});

describe('checkFixReferences', () => {
  it('names where an id that is not a fix is written', () => {
    const { content } = loadContentDir(join(root, 'content'));
    expect(checkFixReferences(content, [{ where: 'src/diagnose FINDING_CATALOG.x.fixId', fixId: 'top' }])).toEqual([]);
    expect(checkFixReferences(content, [{ where: 'src/diagnose FINDING_CATALOG.x.fixId', fixId: 'tpo' }])).toEqual([
      'src/diagnose FINDING_CATALOG.x.fixId: fix id "tpo" is not a fix in content/fixes/ (renamed? link to its new id)',
    ]);
  });
});
