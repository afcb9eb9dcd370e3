/**
 * Content is Markdown only: no raw HTML in a page body or in any frontmatter field rendered as Markdown.
 * The processor passes raw HTML through untouched, so a tag in content would bypass what the site's plugins
 * do to Markdown: a raw <a href="/guide/…"> would miss the sub-path prefix (src/markdown/base-links.ts) and
 * break under /help/401/, and a raw control or ARIA attribute would be markup no component made or tested.
 */
import { describe, expect, it } from 'vitest';
import { defineMdastPlugin, markdownToHtml } from 'satteri';
import { loadContentDir } from '../../src/model/load-files';

/** The raw HTML nodes Markdown finds in `source` (code spans and blocks are text, not HTML). */
function rawHtml(source: string): string[] {
  const found: string[] = [];
  const collect = defineMdastPlugin({
    name: 'collect-raw-html',
    html(node) {
      found.push(node.value);
    },
  });
  markdownToHtml(source, { mdastPlugins: [collect] } as never);
  return found;
}

/**
 * The frontmatter fields the site renders as Markdown (FixStep, ResolvedStep, the checklist and example pages,
 * the steps in src/lib/site.ts); the others (titles, symptoms, errors, sources) are printed as text.
 */
const MARKDOWN_FIELDS = new Set(['summary', 'prevent', 'steps', 'text', 'symptom', 'cause', 'fix']);
const fieldOf = (at: string) => at.replace(/\[\d+\]/g, '').split('.').pop() ?? '';

/** Every string in a frontmatter value, with where it sits. */
function strings(value: unknown, at: string): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

describe('content holds no raw HTML', () => {
  it('finds it where it is planted, and not in code', () => {
    expect(rawHtml('Text <button aria-pressed="true">Go</button> and more.')).not.toEqual([]);
    expect(rawHtml('<div role="tab">x</div>\n')).not.toEqual([]);
    expect(rawHtml('Run `curl https://<node-ip>:10250/` and\n\n```html\n<button>x</button>\n```\n')).toEqual([]);
  });

  it('in any page body or frontmatter field rendered as Markdown', () => {
    const { content, bodies, problems } = loadContentDir('content');
    expect(problems).toEqual([]);
    const found: string[] = [];
    for (const [file, body] of bodies) for (const html of rawHtml(body)) found.push(`${file}: body: ${html.slice(0, 60)}`);
    for (const entries of Object.values(content))
      for (const { file, data } of entries as { file: string; data: unknown }[])
        for (const [at, text] of strings(data, '')) {
          if (!MARKDOWN_FIELDS.has(fieldOf(at))) continue;
          for (const html of rawHtml(text)) found.push(`${file}: ${at}: ${html.slice(0, 60)}`);
        }
    expect(found).toEqual([]);
  });
});
