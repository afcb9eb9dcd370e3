/**
 * Where an old section anchor leads now (content's `anchorAliases`, src/model/anchors.ts). Pure: the browser
 * side is src/components/anchor-aliases.ts.
 */

/** The heading an address's anchor now stands for, when the page has no element with that id itself. */
export function aliasTarget(hash: string, aliases: Record<string, string>[], exists: (id: string) => boolean): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return undefined;
  }
  if (!id || exists(id)) return undefined;
  for (const map of aliases) {
    const to = Object.hasOwn(map, id) ? map[id] : undefined;
    if (typeof to === 'string' && exists(to)) return to;
  }
  return undefined;
}

/**
 * The `data-anchor-aliases` value for a page: its map as JSON, or nothing when it has none. Takes a missing
 * map as none: Astro's content cache keeps entries parsed before a schema gained a field.
 */
export const anchorAliasesAttr = (aliases: Record<string, string> | undefined): string | undefined =>
  aliases && Object.keys(aliases).length ? JSON.stringify(aliases) : undefined;
