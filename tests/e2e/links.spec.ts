import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './lib/test';
import { checkLinks, resolveFile } from './lib/links';
import { htmlFiles, isRedirect } from './lib/dist';
import { parseIdsLock } from '../../src/model/integrity';
import { headingAnchors, parseAnchorsLock } from '../../src/model/anchors';
import { loadContentDir } from '../../src/model/load-files';
import { parse } from 'node-html-parser';

test('every internal link and asset in dist/ resolves, anchors included', () => {
  const { problems, checked } = checkLinks('dist');
  expect(checked).toBeGreaterThan(500);
  expect(problems).toEqual([]);
});

test('the anchors worked out from the Markdown (anchors.lock) are the ids the build gives the headings', () => {
  const { content, bodies } = loadContentDir('content');
  const pages = [
    ...content.fixes.map((f) => ({ url: `guide/${f.data.id}`, file: f.file, body: '.fix-body' })),
    ...content.examples.map((e) => ({ url: `examples/${e.data.id}`, file: e.file, body: '.prose' })),
    ...content.explainers.map((e) => ({ url: `learn/${e.data.id}`, file: e.file, body: '.prose' })),
  ];
  const differ = pages.flatMap(({ url, file, body }) => {
    const built = parse(readFileSync(`dist/${url}/index.html`, 'utf8'))
      .querySelectorAll(`${body} :is(h2, h3, h4, h5, h6)[id]`)
      .map((h) => h.id);
    const worked = headingAnchors(bodies.get(file) ?? '');
    return JSON.stringify(built) === JSON.stringify(worked) ? [] : [`${url}: built ${built.join(' ')} | worked out ${worked.join(' ')}`];
  });
  expect(pages.length).toBeGreaterThan(90);
  expect(differ).toEqual([]);
  // And every locked anchor's page has it (or an alias the browser follows; see anchor-aliases.ts).
  expect(parseAnchorsLock(readFileSync('content/anchors.lock', 'utf8')).length).toBeGreaterThan(900);
});

test('every id ever published (content/ids.lock) still resolves to a page', () => {
  const locked = parseIdsLock(readFileSync('content/ids.lock', 'utf8'));
  expect(locked.length).toBeGreaterThan(40);
  const missing = locked.filter((line) => !resolveFile('dist', '/', `/${line}/`));
  expect(missing).toEqual([]);
});

test('the link checker itself catches a broken link and a missing anchor', () => {
  // Guards the guard: a checker that finds nothing would pass the tests above too.
  const dist = mkdtempSync(join(tmpdir(), 'fix401-links-'));
  try {
    mkdirSync(join(dist, 'page'));
    writeFileSync(
      join(dist, 'index.html'),
      '<a href="/page/#here">fine</a> <a href="/no-such-page/">broken</a> <a href="/page/#nowhere">missing anchor</a> <a href="https://example.org/x">external</a>',
    );
    writeFileSync(join(dist, 'page', 'index.html'), '<h2 id="here">Here</h2> <a href="../">up</a>');
    const { problems, checked } = checkLinks(dist);
    expect(checked).toBe(4);
    expect(problems).toEqual(['/: a → /no-such-page/ does not exist', '/: /page/#nowhere has no element with id "nowhere"']);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
});

test('every page carries a strict CSP <meta>: default-src self, hashed scripts and styles, no unsafe-inline', () => {
  const files = htmlFiles('dist').filter((f) => !isRedirect(f));
  expect(files.length).toBeGreaterThan(80);
  for (const file of files) {
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(readFileSync(file, 'utf8'))?.[1];
    expect(csp, file).toBeTruthy();
    expect(csp, file).toContain("default-src 'self'");
    expect(csp, file).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
    expect(csp, file).toMatch(/style-src 'self'( 'sha256-[^']+')+;/);
    expect(csp, file).not.toContain('unsafe-inline');
    expect(csp, file).not.toContain('unsafe-eval');
  }
});
