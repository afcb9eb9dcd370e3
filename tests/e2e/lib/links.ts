/**
 * Link check over a built site: every internal href and src must resolve to a
 * file in the build, and every #anchor to an element id on the target page.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { htmlFiles, urlPath } from './dist';

export function resolveFile(dist: string, base: string, pathname: string): string | undefined {
  const prefix = base.replace(/\/$/, '');
  if (prefix && !pathname.startsWith(`${prefix}/`) && pathname !== prefix) return undefined;
  const rel = decodeURIComponent(pathname.slice(prefix.length));
  const candidates = rel.endsWith('/') ? [join(dist, rel, 'index.html')] : [join(dist, rel), join(dist, rel, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export function checkLinks(dist: string, base = '/'): { problems: string[]; checked: number } {
  const problems: string[] = [];
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idsCache.has(file)) {
      const root = parse(readFileSync(file, 'utf8'));
      idsCache.set(file, new Set(root.querySelectorAll('[id]').map((e) => e.id)));
    }
    return idsCache.get(file)!;
  };
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const pagePath = base.replace(/\/$/, '') + urlPath(dist, file);
    const root = parse(readFileSync(file, 'utf8'));
    for (const el of root.querySelectorAll('[href], [src]')) {
      const raw = el.getAttribute('href') ?? el.getAttribute('src')!;
      if (/^(?:mailto:|data:|javascript:)/i.test(raw)) continue;
      const url = new URL(raw, `http://site${pagePath}`);
      if (url.host !== 'site') continue; // external links are the content's sources, not ours to host
      checked++;
      const target = resolveFile(dist, base, url.pathname);
      if (!target) {
        problems.push(`${pagePath}: ${el.tagName.toLowerCase()} → ${raw} does not exist`);
        continue;
      }
      const hash = decodeURIComponent(url.hash.slice(1));
      if (hash && target.endsWith('.html') && !idsOf(target).has(hash)) problems.push(`${pagePath}: ${raw} has no element with id "${hash}"`);
    }
  }
  return { problems, checked };
}
