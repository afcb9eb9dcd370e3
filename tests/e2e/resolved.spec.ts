import { expect, test, type Page } from './lib/test';

/** The resolved page speaks to whoever fixed it: visitors are not told to rotate refresh tokens. */
const ready = (page: Page) => page.locator('fix-guide[data-ready]').waitFor({ state: 'attached' });
const fixed = async (page: Page, fix: string) => {
  await page.goto(`/guide/${fix}/`);
  await ready(page);
  await page.locator('#step a[data-event="FIXED"]').first().click();
  await expect(page).toHaveURL(/\/guide\/resolved\/$/);
};

test('after a visitor fix, the resolved page shows the visitor half only', async ({ tab: page }) => {
  await fixed(page, 'stale-browser-credentials');
  await expect(page.getByRole('heading', { name: 'If you were signing in to a site or an app' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'If you run the site or write the code' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Prevent it next time' })).toBeHidden();
});

test('after a developer fix, the resolved page shows the builder half only', async ({ tab: page }) => {
  await fixed(page, 'jwt-expired');
  await expect(page.getByRole('heading', { name: 'If you run the site or write the code' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'If you were signing in to a site or an app' })).toBeHidden();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('both halves show, each under its own heading', async ({ page }) => {
    await page.goto('/guide/resolved/');
    await expect(page.getByRole('heading', { name: 'If you were signing in to a site or an app' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'If you run the site or write the code' })).toBeVisible();
  });
});
