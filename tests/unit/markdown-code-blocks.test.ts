import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import { codeBlocks, fencedBlocks, fencedLanguages, languageLabel } from '../../src/markdown/code-blocks';
import { platformTabs } from '../../src/markdown/platform-tabs';

const html = (md: string) => (markdownToHtml(md, { hastPlugins: [codeBlocks(), platformTabs()] } as never) as { html: string }).html;

describe('codeBlocks', () => {
  it('frames every code block with its language and a hidden Copy button, the code focusable', () => {
    const out = html('Text\n\n```nginx\nproxy_set_header Authorization $http_authorization;\n```\n');
    expect(out).toContain(
      '<code-copy class="code-block"><div class="code-bar"><span class="code-lang">nginx</span>' +
        '<button type="button" class="code-copy-button secondary" hidden aria-label="Copy nginx code">Copy</button></div>' +
        '<pre tabindex="0"><code class="language-nginx">proxy_set_header Authorization $http_authorization;\n</code></pre></code-copy>',
    );
  });

  it('labels by the highlighter\'s data-language, none for plain text', () => {
    expect(languageLabel('apacheconf')).toBe('Apache');
    expect(languageLabel('http')).toBe('HTTP');
    expect(languageLabel('hcl')).toBe('HCL');
    expect(languageLabel('zig')).toBe('zig');
    expect(languageLabel('plaintext')).toBeUndefined();
    expect(languageLabel(undefined)).toBeUndefined();
    const out = html('```\nplain\n```\n');
    expect(out).toContain('<div class="code-bar"><button type="button" class="code-copy-button secondary" hidden aria-label="Copy code">Copy</button></div>');
  });

  it('keeps code blocks inside tab panels intact', () => {
    const out = html('## Fix\n\n### nginx\n\n```nginx\na;\n```\n\n### Caddy\n\n```caddy\nb\n```\n');
    expect(out.match(/<code-copy /g)).toHaveLength(2);
    expect(out).toMatch(/data-platform="caddy"><h3>Caddy<\/h3>\n<code-copy class="code-block">.*Caddyfile/s);
  });

  it('finds the language of every fence that opens a block, not of text inside one', () => {
    const md = ['Intro', '```nginx', 'a;', '```', '', '~~~~yaml title', '```alloy', '~~~', 'still yaml', '~~~~', '```', 'plain', '```', '  ```ts', 'x', '  ```'].join('\n');
    expect(fencedLanguages(md)).toEqual([
      { line: 2, lang: 'nginx' },
      { line: 6, lang: 'yaml' },
      { line: 14, lang: 'ts' },
    ]);
    // A fence that never closes still names its language; nothing after it counts as a fence.
    expect(fencedLanguages('```bash\necho\n```zig')).toEqual([{ line: 1, lang: 'bash' }]);
  });

  it('gives each block its code: fences inside it are text, and the indentation of a list item is removed', () => {
    const md = ['1. Step', '', '   ```nginx', '   location / {', '       auth_basic off;', '   }', '   ```', '~~~yaml', '```', 'a: 1', '~~~', '```', 'plain', '```'].join('\n');
    expect(fencedBlocks(md)).toEqual([
      { line: 3, lang: 'nginx', code: 'location / {\n    auth_basic off;\n}' },
      { line: 8, lang: 'yaml', code: '```\na: 1' },
      { line: 12, lang: '', code: 'plain' },
    ]);
    expect(fencedBlocks('```sh\necho\n')).toEqual([{ line: 1, lang: 'sh', code: 'echo\n' }]);
  });
});
