/**
 * Section anchors: every heading of a page's Markdown body gets an id (`#loki-mimir-...`), and help desks copy
 * links to them ("Copy link" on each heading). They come from the heading's text, so rewording a heading
 * would silently turn old links into links to the top of the page. content/anchors.lock records every
 * anchor ever published; a heading may change only if the page lists the old anchor under `anchorAliases`,
 * which the browser follows to the new one (src/components/anchor-aliases.ts).
 */
import GithubSlugger from 'github-slugger';
import { plainText } from '../markdown/inline';
import { fencedLineNumbers } from '../markdown/code-blocks';
import type { ContentSet } from './integrity';

/**
 * The ids the build gives a body's headings, in order: GitHub's slugger over each heading's text, one slugger
 * per page (a repeated heading gets `-1`), as Astro's Markdown processor does. A browser test checks these
 * against the built pages.
 */
export function headingAnchors(body: string): string[] {
  const slugger = new GithubSlugger();
  const code = fencedLineNumbers(body);
  const out: string[] = [];
  body.split('\n').forEach((line, i) => {
    if (code.has(i + 1) || line.startsWith(' ')) return;
    const hashes = /^#{1,6}(?=[ \t])/.exec(line)?.[0];
    if (hashes) out.push(slugger.slug(plainText(headingText(line.slice(hashes.length)))));
  });
  return out;
}

/** An ATX heading's text: trimmed, without an optional closing run of `#` (CommonMark). Loops, no regex. */
function headingText(rest: string): string {
  const text = rest.trim();
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  const closes = end < text.length && (end === 0 || text[end - 1] === ' ' || text[end - 1] === '\t');
  return closes ? text.slice(0, end).trimEnd() : text;
}

type Anchored = { file: string; data: { id: string; anchorAliases: Record<string, string> } };

/** The pages whose bodies are published with heading anchors, by URL space. */
const anchoredPages = (content: Pick<ContentSet, 'fixes' | 'examples' | 'explainers'>): [string, Anchored[]][] => [
  ['guide', content.fixes],
  ['examples', content.examples],
  ['learn', content.explainers],
];

/** Every live anchor as "kind/id#anchor", with the anchors its aliases keep alive. */
export function liveAnchors(content: Pick<ContentSet, 'fixes' | 'examples' | 'explainers'>, bodies: Map<string, string>): Set<string> {
  const live = new Set<string>();
  for (const [kind, pages] of anchoredPages(content))
    for (const p of pages) for (const a of [...headingAnchors(bodies.get(p.file) ?? ''), ...Object.keys(p.data.anchorAliases)]) live.add(`${kind}/${p.data.id}#${a}`);
  return live;
}

/** Problems with `anchorAliases`: each must lead to a heading the page has, and must not shadow one. */
export function checkAnchorAliases(content: Pick<ContentSet, 'fixes' | 'examples' | 'explainers'>, bodies: Map<string, string>): string[] {
  const problems: string[] = [];
  for (const [, pages] of anchoredPages(content))
    for (const p of pages) {
      const headings = new Set(headingAnchors(bodies.get(p.file) ?? ''));
      for (const [from, to] of Object.entries(p.data.anchorAliases)) {
        if (!headings.has(to)) problems.push(`${p.file}: anchorAliases.${from}: "${to}" is not a heading anchor on this page`);
        if (headings.has(from)) problems.push(`${p.file}: anchorAliases.${from}: the page still has a heading with that anchor; remove the alias`);
      }
    }
  return problems;
}

/** Locked anchors that no longer resolve, as messages naming the fix to make. */
export function checkAnchorsLock(live: Set<string>, locked: string[], lockFile = 'content/anchors.lock'): string[] {
  return locked
    .filter((a) => !live.has(a))
    .map((a) => `${lockFile}: "${a}" was published but the page has no such heading any more; add anchorAliases: { ${a.split('#')[1]}: <the new heading's anchor> } to its frontmatter`);
}

/** Parses content/anchors.lock: one "kind/id#anchor" per line; blank lines and lines starting with # ignored. */
export const parseAnchorsLock = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
