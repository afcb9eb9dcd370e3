import { expect, test } from '@playwright/test';
import { axeViolations } from './lib/axe';
import { pages } from './lib/dist';
import { watch } from './lib/watch';

const all = pages('dist');

test('the build has every kind of page', () => {
  for (const p of ['/', '/guide/', '/guide/start/', '/guide/resolved/', '/guide/escalate/', '/map/', '/search/', '/diagnose/', '/examples/', '/checklists/', '/learn/what-401-means/'])
    expect(all, p).toContain(p);
  expect(all.filter((p) => p.startsWith('/examples/')).length).toBeGreaterThan(15);
  expect(all.filter((p) => p.startsWith('/checklists/')).length).toBe(9);
});

for (const path of all) {
  test(`${path}: loads cleanly, one h1, no axe violations in light and dark`, async ({ page }) => {
    const seen = await watch(page);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    await expect(page.locator('h1')).toHaveCount(1);
    expect((await page.title()).length).toBeGreaterThan(5);
    // One load, both schemes: prefers-color-scheme is re-evaluated in place, so the dark run sees the dark
    // styles. Only colours differ between the two, so the dark run checks the colour rules.
    const violations: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate((s) => matchMedia(`(prefers-color-scheme: ${s})`).matches, colorScheme)).toBe(true);
      violations.push(...(await axeViolations(page, colorScheme === 'light' ? 'all' : 'colour')).map((v) => `${colorScheme}: ${v}`));
    }
    expect(violations).toEqual([]);
    expect(await seen.csp()).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
    expect(seen.external).toEqual([]);
  });
}

// 640 px is a 1280 px window at 200% zoom: the layout must reflow, not scroll sideways.
for (const width of [320, 640]) {
  test(`no horizontal scrolling at ${width} px on the busiest pages`, async ({ page }) => {
    await page.setViewportSize({ width, height: 640 });
    for (const path of ['/', '/guide/', '/guide/proxy-strips-authorization/', '/map/', '/checklists/owner/', '/guide/escalate/', '/diagnose/', '/search/?q=cookie']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
  });
}

test('an unknown URL gets the helpful 404 with search and a way to start', async ({ page }) => {
  const response = await page.goto('/guide/no-such-step/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText("That page isn't here");
  await expect(page.getByLabel('Search for the fix you were looking for')).toBeVisible();
  await page.getByRole('link', { name: 'Start the guide from the first question' }).click();
  await expect(page).toHaveURL(/\/guide\/$/);
  expect(await axeViolations(page)).toEqual([]);
});
