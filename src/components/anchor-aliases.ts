/**
 * Old section links keep working: when a page's heading was reworded, its frontmatter lists the old anchor
 * under `anchorAliases` (src/model/anchors.ts), the page carries that map on its body, and a link to the
 * old anchor is taken to the new heading. Without JavaScript such a link opens the page at the top.
 */
import { aliasTarget } from '../lib/anchor-target';

function maps(): Record<string, string>[] {
  return [...document.querySelectorAll<HTMLElement>('[data-anchor-aliases]')].flatMap((el) => {
    try {
      const parsed: unknown = JSON.parse(el.dataset.anchorAliases ?? '{}');
      return parsed && typeof parsed === 'object' ? [parsed as Record<string, string>] : [];
    } catch {
      return [];
    }
  });
}

function follow() {
  const to = aliasTarget(location.hash, maps(), (id) => document.getElementById(id) !== null);
  if (!to) return;
  history.replaceState(history.state, '', `#${to}`);
  document.getElementById(to)?.scrollIntoView();
}

follow();
addEventListener('hashchange', follow);
