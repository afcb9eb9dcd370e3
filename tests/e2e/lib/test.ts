/**
 * `test` with one more fixture, `tab`: a browser tab kept for the whole worker and reset between
 * tests. On this 2-core machine a fresh context and tab cost about 1.6 s per test before the test
 * did anything (a new renderer, cold JavaScript), more than most tests themselves; a kept tab
 * navigates like a person's own tab does.
 *
 * Use `{ tab: page }` in tests that run with the project's default options. Tests that need their
 * own context (JavaScript off, a phone, two tabs) keep Playwright's `page`, which is still a fresh
 * context per test. The kept tab may read and write the clipboard.
 *
 * Between tests the tab forgets what a test may have changed: listeners, routes, init scripts,
 * viewport, emulated media, cookies and both storages of the site's origin. Its history is not
 * cleared (no browser API does that): a test must not go Back past its own first page.
 */
import { test as base, type BrowserContext, type BrowserContextOptions, type Disposable, type Page } from '@playwright/test';

const VIEWPORT = { width: 1280, height: 720 }; // Playwright's default

export const test = base.extend<{ tab: Page }, { sharedTab: { context: BrowserContext; page: Page; disposables: Disposable[]; reducedMotion: BrowserContextOptions['reducedMotion'] } }>({
  // Playwright's own browser fixture, with a second try at starting the browser. Debian's Chromium here now and
  // then dies while it starts (a crash report and "Target page, context or browser has been closed", twice in
  // ~20 runs of the suite on 2026-12-02), which failed whichever test the worker had first. Only the start is
  // tried again, and it says so: a crash once pages are open still fails its test.
  browser: [
    async ({ playwright, browserName }, use) => {
      const launch = () => playwright[browserName].launch();
      const browser = await launch().catch((e: unknown) => {
        console.warn(`The browser died while starting; starting it once more. (${String(e).split('\n')[0]})`);
        return launch();
      });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker', timeout: 0 },
  ],
  sharedTab: [
    async ({ browser }, use, workerInfo) => {
      // Clipboard access is granted once: the copy-button tests read what was copied.
      // The project's reduced motion (see playwright.config.ts) holds in the kept tab too, and after each reset.
      const reducedMotion = workerInfo.project.use.reducedMotion ?? null;
      const context = await browser.newContext({ baseURL: workerInfo.project.use.baseURL, viewport: VIEWPORT, reducedMotion, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      // Init scripts added by a test are removed after it: remember each one's handle.
      const disposables: Disposable[] = [];
      const add = page.addInitScript.bind(page);
      page.addInitScript = (async (...args: Parameters<Page['addInitScript']>) => {
        const d = await add(...args);
        disposables.push(d);
        return d;
      }) as Page['addInitScript'];
      await use({ context, page, disposables, reducedMotion });
      await context.close();
    },
    { scope: 'worker' },
  ],

  tab: async ({ sharedTab, baseURL }, use) => {
    const { context, page, disposables, reducedMotion } = sharedTab;
    await use(page);
    page.removeAllListeners();
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    for (const d of disposables.splice(0)) await d.dispose();
    await context.clearCookies();
    // Storage belongs to the origin (sessionStorage also to the tab): clear it from a page of the site.
    const origin = new URL(baseURL!).origin;
    if (new URL(page.url()).origin !== origin) await page.goto(`${origin}/favicon.svg`);
    await page.evaluate(() => {
      // A test may have made storage throw (the "storage is blocked" case): then nothing was stored.
      try {
        localStorage.clear();
        sessionStorage.clear();
      } catch {
        return; // storage was blocked for that page: it holds nothing to clear
      }
    });
    await page.setViewportSize(VIEWPORT);
    await page.emulateMedia({ media: null, colorScheme: null, reducedMotion, forcedColors: null, contrast: null });
    // Leave the site, so no timer or prefetch of this test runs into the next one.
    await page.goto('about:blank');
  },
});

export { expect, type Page } from '@playwright/test';
