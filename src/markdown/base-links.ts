import { defineHastPlugin } from 'satteri';

/**
 * Content links are written root-relative ("/guide/jwt-expired/") so authors
 * never think about where the site is hosted; this prefixes the configured base
 * (e.g. "/help/401") so the same content works under a sub-path.
 */
export function withBase(base: string, href: string): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const prefix = base.replace(/(?<!\/)\/+$/, '');
  return prefix && !href.startsWith(`${prefix}/`) ? prefix + href : href;
}

export const baseLinks = (base: string) =>
  defineHastPlugin({
    name: 'fix401-base-links',
    element: {
      filter: ['a'],
      visit(node, ctx) {
        const href = node.properties?.href;
        if (typeof href === 'string') ctx.setProperty(node, 'href', withBase(base, href));
      },
    },
  });
