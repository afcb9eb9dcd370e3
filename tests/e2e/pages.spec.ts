import { expect, test } from './lib/test';
import { axeViolations } from './lib/axe';
import { pages } from './lib/dist';
import { readFileSync } from 'node:fs';
import { watch } from './lib/watch';

const all = pages('dist');

// Colour contrast leaves code blocks to the unit test of their palette (lib/axe.ts), except on the page
// whose code uses the most kinds of Prism token: there they are checked as the browser renders them.
const tokenKinds = (path: string) => new Set([...readFileSync(`dist${path}index.html`, 'utf8').matchAll(/class="token ([a-z-]+)/g)].map((m) => m[1]));
const CODE_PAGE = all.reduce((best, p) => (tokenKinds(p).size > tokenKinds(best).size ? p : best));

test('the build has every kind of page', () => {
  for (const p of ['/', '/guide/', '/guide/start/', '/guide/resolved/', '/guide/escalate/', '/map/', '/search/', '/diagnose/', '/examples/', '/checklists/', '/learn/what-401-means/'])
    expect(all, p).toContain(p);
  expect(all.filter((p) => p.startsWith('/examples/')).length).toBeGreaterThan(15);
  expect(all.filter((p) => p.startsWith('/checklists/')).length).toBe(9);
});

/**
 * Some rules depend on what a page template draws, not on its text, and run on one page of each template
 * (fix, question, example, checklist, explainer; every page that is a template of its own) and on the code
 * page, whose Copy buttons are the content's only controls:
 * - target size (WCAG 2.2, 2.5.8): Markdown makes no buttons, and links inside text are exempt. It was a
 *   third of axe's time on a long fix page;
 * - landmarks (region, bypass, accesskeys): content only ever goes inside the template's <main>, and
 *   `region` walks every node of a long page to confirm it;
 * - in the dark scheme, links told apart from text (link-in-text-block): every link in text is underlined
 *   by the one site style, and the light run checks that rule on every page.
 */
const TEMPLATE_RULES = ['target-size', 'region', 'bypass', 'accesskeys'];
const templateOf = (path: string) => {
  const [kind] = path.split('/').filter(Boolean);
  if (!kind || !['guide', 'examples', 'checklists', 'learn'].includes(kind) || path === `/${kind}/`) return path;
  return kind === 'guide' ? (readFileSync(`dist${path}index.html`, 'utf8').includes('class="fix-steps') ? 'fix' : 'question') : kind;
};
const TEMPLATE_PAGES = new Set([CODE_PAGE, ...new Map(all.map((p) => [templateOf(p), p] as const).reverse()).values()]);

/**
 * Every page, in batches on the worker's kept tab: a fresh browser context per page cost more than
 * the checks themselves (about 0.5 s to create, and a cold renderer that compiles axe again). Each
 * page is still its own step with its own findings, and soft assertions report every broken page
 * of a batch, not only the first. Batches are dealt round-robin so both workers get similar work.
 */
const BATCHES = 12;
const batches = Array.from({ length: BATCHES }, (_, i) => all.filter((_, j) => j % BATCHES === i));

/** Looks whose contrast this worker has checked, in either scheme: each is checked on the first page that shows it. */
const checkedLooks = new Set<string>();

for (const [i, batch] of batches.entries()) {
  test(`pages, batch ${i + 1} of ${BATCHES}: each loads cleanly with one h1 and no axe violations in light and dark`, async ({ tab: page }) => {
    test.setTimeout(20_000 * batch.length);
    const seen = await watch(page);
    for (const path of batch) {
      await test.step(path, async () => {
        seen.reset();
        await page.emulateMedia({ colorScheme: 'light' });
        const response = await page.goto(path);
        expect.soft(response?.status(), path).toBe(200);
        // Read once the page has loaded: one round trip instead of a retrying locator per check.
        const { h1s, title } = await page.evaluate(() => ({ h1s: document.querySelectorAll('h1').length, title: document.title }));
        expect.soft(h1s, `${path}: h1 count`).toBe(1);
        expect.soft(title.length, `${path}: title length`).toBeGreaterThan(5);
        // One load, both schemes: prefers-color-scheme is re-evaluated in place, so the dark run sees the dark
        // styles. Only colours differ between the two, so the dark run checks the colour rules.
        const violations: string[] = [];
        // Only text looks decide it: link looks belong to a rule the dark run leaves to the light one.
        const textLooks = () => [...checkedLooks].filter((l) => !l.startsWith('link:')).length;
        const looksBefore = textLooks();
        for (const colorScheme of ['light', 'dark'] as const) {
          // The dark styles are the light ones' selectors with other colours: text of a look already checked in
          // light has its dark look checked too, where that light look was first met. So the dark run is needed
          // only where the light run met a new look (and on each template's page).
          if (colorScheme === 'dark' && textLooks() === looksBefore && !TEMPLATE_PAGES.has(path)) continue;
          await page.emulateMedia({ colorScheme });
          expect(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, colorScheme)).toBe(true);
          const skip = TEMPLATE_PAGES.has(path) ? [] : colorScheme === 'light' ? TEMPLATE_RULES : ['link-in-text-block'];
          const found = await axeViolations(page, colorScheme === 'light' ? 'all' : 'colour', path === CODE_PAGE ? 'check' : 'skip', checkedLooks, skip);
          violations.push(...found.map((v) => `${colorScheme}: ${v}`));
        }
        expect.soft(violations, path).toEqual([]);
        expect.soft(await seen.csp(), path).toEqual([]);
        expect.soft(seen.consoleErrors, path).toEqual([]);
        expect.soft(seen.external, path).toEqual([]);
      });
    }
  });
}

test('the batches hold every page exactly once, and the code page has code of many kinds', () => {
  expect(batches.flat().sort()).toEqual([...all].sort());
  expect(tokenKinds(CODE_PAGE).size).toBeGreaterThanOrEqual(5);
  // The template rules run on a page of every template: the first of each kind.
  const templates = new Set(all.map(templateOf));
  expect(new Set([...TEMPLATE_PAGES].map(templateOf))).toEqual(templates);
  for (const kind of ['fix', 'question', 'examples', 'checklists', 'learn']) expect(templates).toContain(kind);
});

test('target size still finds a control too small to hit, on the pages it runs on', async ({ tab: page }) => {
  await page.setContent('<main><h1>Targets</h1><p>Text</p><button style="width:12px;height:12px;padding:0;border:0;font-size:8px">x</button><button style="width:12px;height:12px;padding:0;border:0;font-size:8px">y</button></main>');
  expect((await axeViolations(page)).some((v) => v.startsWith('target-size'))).toBe(true);
  expect((await axeViolations(page, 'all', 'skip', new Set(), ['target-size'])).some((v) => v.startsWith('target-size'))).toBe(false);
});

test('inside code blocks the rules run only where asked; the block itself is always checked', async ({ tab: page }) => {
  // A focusable link hidden from assistive technology inside the code, and a scrolling block no keyboard can reach.
  await page.setContent(`<main><h1>Code</h1>
    <pre tabindex="0"><code><span aria-hidden="true"><a id="inner" href="#x">npm</a></span> install</code></pre>
    <pre id="stuck" style="overflow:auto;width:80px;white-space:pre"><code>a-line-far-too-long-to-fit-in-eighty-pixels-so-it-scrolls</code></pre></main>`);
  const rules = (v: string[]) => v.map((line) => line.split(':')[0]);
  expect(rules(await axeViolations(page, 'all', 'check'))).toEqual(expect.arrayContaining(['aria-hidden-focus', 'scrollable-region-focusable']));
  const skipped = await axeViolations(page, 'all', 'skip');
  expect(rules(skipped)).toContain('scrollable-region-focusable');
  expect(rules(skipped)).not.toContain('aria-hidden-focus');
});

test('colour contrast, checked once per look, still finds each text that fails', async ({ tab: page }) => {
  // Forty paragraphs of one look, then the cases a sample could hide: a failing look first seen hidden,
  // and text of the common look over a dark box that sits outside the normal flow.
  const fine = '<div style="position:relative"><p style="position:relative">Fine text</p></div>';
  await page.setContent(`<main><h1>Contrast</h1>${fine.repeat(40)}
    <p style="color:#aaa;visibility:hidden">Faint, hidden</p><p id="faint" style="color:#aaa">Faint</p>
    <div style="position:relative"><span style="position:absolute;inset:0;background:#333"></span><p id="over" style="position:relative">On a dark box</p></div>
    ${fine.repeat(5)}</main>`);
  expect(await axeViolations(page, 'colour')).toEqual(['color-contrast: #faint, #over']);
  // The full run (the light scheme's) checks contrast the same way.
  expect(await axeViolations(page)).toContain('color-contrast: #faint, #over');
});

test('colour contrast: wrappers that paint nothing share a look; a box that paints, or its ::before, is a look of its own', async ({ tab: page }) => {
  const marked = () => page.evaluate(() => [...document.querySelectorAll('[data-contrast-sample]')].map((e) => e.id));
  // The same text one, two and three plain wrappers deep is one look; the same text on a dark grey box, or in a
  // box whose ::before paints a grey backdrop, is not. (axe leaves text over a pseudo-element's backdrop for a
  // person to review, so that one is only seen marked.)
  await page.setContent(`<style>.shade{position:relative}.shade::before{content:"";position:absolute;inset:0;z-index:-1;background:#444}</style>
    <main><h1 id="h">Wrappers</h1><p id="a">Fine</p><div><p id="b">Fine</p></div><section><div><p id="c">Fine</p></div></section>
    <div style="background:#444"><div><p id="grey">Fine</p></div></div><div class="shade" style="z-index:0"><p id="pseudo">Fine</p></div></main>`);
  const v = await axeViolations(page, 'colour');
  expect(await marked()).toEqual(['h', 'a', 'grey', 'pseudo']);
  expect(v).toEqual(['color-contrast: #grey']);
});

test('colour contrast across pages: a look checked on an earlier page is skipped, a new one is still found', async ({ tab: page }) => {
  const looks = new Set<string>();
  const marked = () => page.evaluate(() => [...document.querySelectorAll('[data-contrast-sample]')].map((e) => e.id));
  // A failing look in a code block, first met where code is not checked, must still be checked later.
  const code = '<pre><code id="code" style="color:#999">npm install</code></pre>';
  await page.setContent(`<main><h1 id="h">One</h1><p id="a">Fine</p>${code}</main>`);
  expect(await axeViolations(page, 'colour', 'skip', looks)).toEqual([]);
  expect(await marked()).toEqual(['h', 'a']);
  await page.setContent(`<main><h1 id="h">Two</h1><p id="b">Fine again</p><p id="faint" style="color:#aaa">Faint</p>${code}</main>`);
  const v = await axeViolations(page, 'colour', 'check', looks);
  expect(await marked()).toEqual(['faint', 'code']);
  expect(v).toEqual(['color-contrast: #faint, #code']);
});

test('links told apart from text, checked once per look, still finds each link that fails, on any page', async ({ tab: page }) => {
  const looks = new Set<string>();
  const fine = '<p>Some text with <a href="#a">an underlined link</a> in it.</p>';
  // The failing look (no underline, a colour close to the text's) is first met alone in a paragraph, where
  // the rule does not apply: that must not count as checked for the same look inside a sentence.
  const faint = (id: string) => `<a id="${id}" href="#b" style="text-decoration:none;color:#222">a hidden link</a>`;
  await page.setContent(`<main><h1>Links</h1>${fine.repeat(30)}<p>${faint('alone')}</p><p>Read ${faint('inline')} before you go on.</p></main>`);
  expect(await axeViolations(page, 'all', 'skip', looks)).toContain('link-in-text-block: #inline');
  // On a later page, the known looks are skipped and a new failing look is still found.
  await page.setContent(`<main><h1>More links</h1>${fine.repeat(5)}<p>Then follow <a id="bold" href="#c" style="text-decoration:none;color:#333">another link</a> to the next part of the page.</p></main>`);
  expect(await axeViolations(page, 'all', 'skip', looks)).toContain('link-in-text-block: #bold');
});

test('colour contrast: a sticky box is out of flow only once held; clipped or off-page text never counts', async ({ tab: page }) => {
  const marked = () => page.evaluate(() => [...document.querySelectorAll('[data-contrast-sample]')].map((e) => e.id));
  const clipped = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)';
  // The first sticky box counts as held (its offset is below where it sits), so it could paint over other
  // text: always checked. The aside sits far down and is not held yet: its text is ordinary text of a known
  // look. Each sits in a box of its own height, so neither moves over the others; all four paragraphs share
  // one look.
  await page.setContent(`<body><main><h1 id="h">Sticky</h1><div><div><p id="a">Fine</p></div></div>
    <div><div style="position:sticky;top:2000px"><p id="held">Fine</p></div></div>
    <div style="margin-top:300px"><aside style="position:sticky;top:20px"><p id="later">Fine</p></aside></div>
    <div><div><p id="labelled">Fine<span id="vh" style="${clipped}">hidden label</span></p></div></div>
    <p id="off" style="position:absolute;top:-100px">Off the page</p></main></body>`);
  expect(await axeViolations(page, 'colour')).toEqual([]);
  expect(await marked()).toEqual(['h', 'a', 'held']);
});

// 640 px is a 1280 px window at 200% zoom: the layout must reflow, not scroll sideways.
for (const width of [320, 640]) {
  test(`no horizontal scrolling at ${width} px on the busiest pages`, async ({ tab: page }) => {
    await page.setViewportSize({ width, height: 640 });
    for (const path of ['/', '/guide/', '/guide/proxy-strips-authorization/', '/map/', '/checklists/owner/', '/guide/escalate/', '/diagnose/', '/search/?q=cookie']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}

test('tables on a 360 px phone: a name in a cell stays on one line, and no column shrinks below a phrase', async ({ tab: page }) => {
  await page.setViewportSize({ width: 360, height: 640 });
  const cells = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('main table')]
        .filter((t) => t.getClientRects().length)
        .flatMap((t) => [...t.querySelectorAll('th, td')])
        .map((c) => ({
          text: (c.textContent ?? '').trim().slice(0, 30),
          width: c.getBoundingClientRect().width,
          split: [...c.querySelectorAll('code')].filter((code) => code.getClientRects().length > 1 && !/[\s/-]/.test(code.textContent ?? '')).length,
        })),
    );
  await page.goto('/guide/secret-generated-per-process/');
  await page.getByRole('tab', { name: 'Strapi', exact: true }).click();
  const strapi = await cells();
  expect(strapi.map((c) => c.text)).toContain('API_TOKEN_SALT');
  await page.goto('/guide/find-which-layer-answered/');
  const layers = await cells();
  expect(layers.length).toBeGreaterThan(0);
  for (const c of [...strapi, ...layers]) {
    expect(c.split, `a name split across lines in "${c.text}"`).toBe(0);
    expect(c.width, `column too narrow at "${c.text}"`).toBeGreaterThanOrEqual(100);
  }
});

test('an unknown URL gets the helpful 404 with search and a way to start', async ({ tab: page }) => {
  const response = await page.goto('/guide/no-such-step/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText("That page isn't here");
  await expect(page.getByLabel('Search for the fix you were looking for')).toBeVisible();
  await page.getByRole('link', { name: 'Start the guide from the first question' }).click();
  await expect(page).toHaveURL(/\/guide\/$/);
  expect(await axeViolations(page)).toEqual([]);
});
