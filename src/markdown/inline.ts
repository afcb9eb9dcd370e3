import { markdownToHtml } from 'satteri';
import { baseLinks } from './base-links';

/**
 * Renders one line of frontmatter Markdown (a step, a checklist item) with the
 * same processor as page bodies, without the wrapping paragraph.
 */
export function inlineMarkdown(source: string, base: string): string {
  const { html } = markdownToHtml(source, { hastPlugins: [baseLinks(base)] } as never) as { html: string };
  return html.trim().replace(/^<p>([\s\S]*)<\/p>$/, '$1');
}

/** Plain text of one line of Markdown, for titles, search and the support request. */
export function plainText(source: string): string {
  // Code spans are literal: the underscores of `remote_write` and `remote_read` are not one emphasis running
  // from the first span into the second. With one capture group, split puts the spans at odd indexes.
  return source
    .replace(/\[([^[\]]*)\]\([^)]*\)/g, '$1')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part.slice(1, -1) : withoutEmphasis(part)))
    .join('')
    .trim();
}

/** Emphasis out of text that holds no code span. An underscore inside a word (snake_case) is not emphasis. */
function withoutEmphasis(text: string): string {
  return text
    .replace(/(\*\*|\*)(\S[\s\S]*?)\1/g, '$2')
    .replace(/\b(__|_)(\S[\s\S]*?)\1\b/g, '$2');
}
