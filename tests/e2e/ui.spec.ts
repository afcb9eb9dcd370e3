import { readFileSync } from 'node:fs';
import { expect, test, type Page } from './lib/test';
import { parse, type HTMLElement as ParsedElement } from 'node-html-parser';
import { axeViolations } from './lib/axe';
import { htmlFiles, isRedirect, urlPath } from './lib/dist';

const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const phone = (userAgent: string) => ({ viewport: { width: 360, height: 740 }, userAgent, isMobile: true, hasTouch: true });

// A fix with browser and phone alternatives (iPhone, Android, Chrome, Edge, Firefox, Safari).
const BROWSER_TABS = '/guide/stale-browser-credentials/';
// A fix whose server tabs list Apache before nginx.
const SERVER_TABS = '/guide/drupal-api-auth/';

const INLINE = new Set(['a', 'abbr', 'b', 'em', 'i', 'mark', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'q', 'cite', 'br']);

/** Visible text of a built page, one string per block (paragraph, item, label...): no code, scripts or form values. */
function visibleBlocks(html: string): string[] {
  const body = parse(html).querySelector('body');
  if (!body) return [];
  body.querySelectorAll('script, style, template, pre, code, kbd, samp, textarea, [hidden]').forEach((n) => n.remove());
  let text = '';
  const walk = (el: ParsedElement) => {
    for (const child of el.childNodes) {
      if (child.nodeType === 3) text += child.text;
      else if (child.nodeType === 1) {
        const block = !INLINE.has((child as ParsedElement).rawTagName?.toLowerCase() ?? '');
        if (block) text += '\n';
        walk(child as ParsedElement);
        if (block) text += '\n';
      }
    }
  };
  walk(body);
  return text.split(/\n+/).filter((t) => t.trim());
}

test('no built page shows literal Markdown (** or an unmatched backtick) in its text', () => {
  const problems: string[] = [];
  for (const file of htmlFiles('dist')) {
    if (isRedirect(file)) continue;
    const html = readFileSync(file, 'utf8');
    for (const line of visibleBlocks(html)) {
      const ticks = (line.match(/`/g) ?? []).length;
      if (line.includes('**') || ticks % 2 === 1 || /`[^`\s][^`]*`/.test(line)) problems.push(`${urlPath('dist', file)}: ${line.trim().slice(0, 120)}`);
    }
  }
  expect(problems).toEqual([]);
});

async function tabs(page: Page) {
  const list = page.getByRole('tablist').first();
  await expect(list).toBeVisible();
  return list;
}
const selected = (page: Page) => page.getByRole('tab', { selected: true }).first();

test.describe('copy buttons', () => {

  test('every code block gets a Copy button that copies its code and says "Copied", by keyboard', async ({ tab: page }) => {
    await page.goto('/guide/htpasswd-basic-auth/');
    const blocks = page.locator('code-copy');
    const count = await blocks.count();
    expect(count).toBeGreaterThan(1);
    await expect(page.locator('code-copy .code-copy-button:visible')).toHaveCount(count);
    const block = blocks.nth(1);
    const expected = ((await block.locator('pre').textContent()) ?? '').replace(/\n$/, '');
    expect(expected.length).toBeGreaterThan(5);
    await block.getByRole('button', { name: /^Copy/ }).focus();
    await page.keyboard.press('Enter');
    await expect(block.getByRole('status')).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
    // The code itself stays reachable by keyboard (it scrolls sideways on a phone).
    await expect(block.locator('pre')).toHaveAttribute('tabindex', '0');
  });
});

test.describe('platform tabs', () => {
  test('work by keyboard (arrows, Home, End) and the choice survives a reload', async ({ tab: page }) => {
    await page.goto(BROWSER_TABS);
    await tabs(page);
    await expect(selected(page)).toHaveText('iPhone');
    await expect(page.getByRole('tabpanel')).toHaveCount(1);
    await selected(page).focus();
    await page.keyboard.press('ArrowRight');
    await expect(selected(page)).toHaveText('Android');
    await expect(selected(page)).toBeFocused();
    await expect(page.getByRole('tabpanel', { name: 'Android' })).toContainText('Site settings');
    await page.keyboard.press('End');
    await expect(selected(page)).toHaveText('Safari');
    await page.keyboard.press('Home');
    await expect(selected(page)).toHaveText('iPhone');
    await page.keyboard.press('ArrowLeft');
    await expect(selected(page)).toHaveText('Safari');
    // Tab leaves the tab list for the panel, not the other tabs.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('tabpanel', { name: 'Safari' })).toBeFocused();
    await page.getByRole('tab', { name: 'Firefox' }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    await expect(selected(page)).toHaveText('Firefox');
    await expect(page.getByRole('tabpanel', { name: 'Firefox' })).toBeVisible();
  });

  test('a malformed stored choice is ignored', async ({ tab: page }) => {
    await page.addInitScript(() => localStorage.setItem('fix401:platform', '{"not":"a list"'));
    await page.goto(BROWSER_TABS);
    await expect(selected(page)).toHaveText('iPhone');
  });

  test('open on the platform the guide answers named: "nginx or Apache" shows nginx first', async ({ tab: page }) => {
    await page.addInitScript(() =>
      sessionStorage.setItem('fix401:context', JSON.stringify({ trail: [{ node: 'owner-proxy', answer: 'nginx-apache' }], shortlist: [], tried: [], ticked: {} })),
    );
    await page.goto(SERVER_TABS);
    await tabs(page);
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Apache', 'nginx']);
    await expect(selected(page)).toHaveText('nginx');
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('every alternative shows in order under its heading; copy buttons stay hidden', async ({ page }) => {
      await page.goto(BROWSER_TABS);
      await expect(page.getByRole('tablist')).toHaveCount(0);
      const headings = page.locator('platform-tabs h3');
      await expect(headings).toHaveText(['iPhone', 'Android', 'Chrome', 'Edge', 'Firefox', 'Safari']);
      for (const h of await headings.all()) await expect(h).toBeVisible();
      await expect(page.locator('.platform-panel:visible')).toHaveCount(6);
      await expect(page.locator('.code-copy-button:visible')).toHaveCount(0);
    });
  });
});

test.describe('on an Android phone', () => {
  test.use(phone(ANDROID));
  test('the Android steps are selected first, also when the guide swaps the fix in', async ({ page }) => {
    await page.goto(BROWSER_TABS);
    await expect(selected(page)).toHaveText('Android');
    // From the question, with the step swapped in place by the guide.
    await page.goto('/guide/visitor-keeps-asking/');
    await page.getByRole('link', { name: /No, a private window works/ }).click();
    await expect(page.locator('h1')).toHaveText('Clear the old sign-in your browser keeps sending');
    await expect(selected(page)).toHaveText('Android');
  });

  test('the first screen at 360 px shows the steps, and links to the phone path', async ({ page }) => {
    await page.goto(BROWSER_TABS);
    const firstStep = page.locator('#step-1');
    const box = await firstStep.boundingBox();
    expect(box && box.y).toBeLessThan(740);
    await page.getByRole('link', { name: 'Delete cookies for just this site' }).first().click();
    await expect(page.getByRole('tabpanel', { name: 'Android' })).toBeInViewport();
  });
});

test.describe('on an iPhone', () => {
  test.use(phone(IPHONE));
  test('the iPhone steps are selected first', async ({ page }) => {
    await page.goto('/guide/sign-in-blocked-by-privacy-settings/');
    expect((await page.getByRole('tab').allTextContents())[0]).toBe('Android');
    await expect(selected(page)).toHaveText('iPhone');
  });
});

test('a fix page says when it was last reviewed', async ({ tab: page }) => {
  await page.goto(BROWSER_TABS);
  await expect(page.locator('.reviewed')).toHaveText(/^Last reviewed \d{1,2} [A-Z][a-z]+ 20\d\d$/);
  await expect(page.locator('.reviewed time')).toHaveAttribute('datetime', /^20\d\d-\d\d-\d\d$/);
});

test('a long fix page lists its sections under the steps, each linking to its heading, in page order', () => {
  let listed = 0;
  for (const file of htmlFiles('dist/guide')) {
    if (isRedirect(file)) continue;
    const doc = parse(readFileSync(file, 'utf8'));
    if (!doc.querySelector('.fix-steps')) continue;
    const path = urlPath('dist', file);
    const headings = doc.querySelectorAll('.fix-body h2').map((h) => ({ id: h.id, text: h.text.trim() }));
    const links = doc.querySelectorAll('.page-sections a').map((a) => ({ id: a.getAttribute('href')!.replace(/^#/, ''), text: a.text.trim() }));
    // A short page shows its sections on the first screens anyway; the list would only repeat them.
    expect(links, path).toEqual(headings.length >= 4 ? headings : []);
    if (links.length) listed++;
  }
  expect(listed).toBeGreaterThan(20);
});

test('the section list opens and jumps to the section, without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/guide/api-key-wrong-header/');
  const list = page.locator('.page-sections');
  await expect(list.getByRole('link').first()).toBeHidden();
  await list.locator('summary').click();
  const last = list.getByRole('link').last();
  const id = (await last.getAttribute('href'))!.slice(1);
  await last.click();
  await expect(page).toHaveURL(new RegExp(`#${id}$`));
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  await context.close();
});

test.describe('a link to a section far down a long page', () => {
  test.use({ reducedMotion: 'no-preference' });
  const page_ = '/guide/self-hosted-admin-login/';

  test('lands on the section at once, even for people who get smooth scrolling', async ({ page }) => {
    await page.goto(page_);
    const id = await page.locator('.fix-body h2').last().getAttribute('id');
    await page.goto(`about:blank`);
    await page.goto(`${page_}#${id}`);
    // Read once, straight after load: a smooth scroll through the page would still be on its way.
    const top = await page.evaluate((i) => document.getElementById(i!)!.getBoundingClientRect().top, id);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(200);
    // In-page links still scroll smoothly once the person has clicked one.
    await page.locator('.page-sections summary').click();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).scrollBehavior)).toBe('smooth');
  });
});
