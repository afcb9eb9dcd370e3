import { defineMdastPlugin, markdownToHtml } from 'satteri';

/**
 * Content is Markdown only. The processor passes raw HTML through untouched, so a tag in content would bypass
 * what the site's plugins do to Markdown: a raw <a href="/guide/…"> would miss the sub-path prefix
 * (src/markdown/base-links.ts) and break under /help/401/, and a raw control or ARIA attribute would be markup
 * no component made or tested.
 */

/** The raw HTML nodes Markdown finds in `source` (code spans and blocks are text, not HTML). */
export function rawHtml(source: string): string[] {
  const found: string[] = [];
  const collect = defineMdastPlugin({
    name: 'collect-raw-html',
    html(node) {
      found.push(node.value);
    },
  });
  markdownToHtml(source, { mdastPlugins: [collect] });
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

/** "file: where: <tag…" for each piece of raw HTML in a page body or a frontmatter field rendered as Markdown. */
export function rawHtmlProblems(file: string, data: unknown, body: string): string[] {
  const found = rawHtml(body).map((html) => `${file}: body: ${html.slice(0, 60)}`);
  for (const [at, text] of strings(data, '')) {
    if (!MARKDOWN_FIELDS.has(fieldOf(at))) continue;
    for (const html of rawHtml(text)) found.push(`${file}: ${at}: ${html.slice(0, 60)}`);
  }
  return found;
}
