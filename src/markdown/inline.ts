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
  return source
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^[\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S[\s\S]*?)\1/g, '$2')
    .trim();
}
