/** Reads the built site from disk: the list of pages every browser test walks. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...htmlFiles(path));
    else if (name.endsWith('.html')) out.push(path);
  }
  return out.sort();
}

/** URL path of a built file: dist/guide/x/index.html -> /guide/x/ */
export function urlPath(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return '/' + rel.replace(/(^|\/)index\.html$/, '$1');
}

export const isRedirect = (file: string) => /http-equiv="refresh"/.test(readFileSync(file, 'utf8'));

/** Every real page (redirect stubs for old ids are tested separately). */
export function pages(dist = 'dist'): string[] {
  return htmlFiles(dist)
    .filter((f) => !isRedirect(f) && !f.endsWith(`${sep}404.html`))
    .map((f) => urlPath(dist, f));
}
