/**
 * The site built with BASE_PATH=/help/401/ (dist-base/), served with the
 * headers from public/_headers: every link still resolves and the guide works.
 */
import { expect, test } from './lib/test';
import { setValue } from './lib/set-value';
import { checkLinks } from './lib/links';
import { watch } from './lib/watch';

test('every link and asset resolves under the sub-path', () => {
  const { problems, checked } = checkLinks('dist-base', '/help/401/');
  expect(checked).toBeGreaterThan(500);
  expect(problems).toEqual([]);
});

test('the guide works under the sub-path with the static-host headers', async ({ tab: page }) => {
  const seen = await watch(page);
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
  await page.getByRole('link', { name: 'Calling an API from code, curl or Postman' }).click();
  await expect(page).toHaveURL(/\/help\/401\/guide\/api-symptom\/$/);
  await page.locator('fix-guide[data-ready]').waitFor({ state: 'attached' });
  await page.locator('#step a[data-event="ANSWER.after-a-while"]').click();
  await page.locator('fix-guide[data-ready]').waitFor({ state: 'attached' });
  await page.locator('#step a[data-event="ANSWER.expired"]').click();
  await expect(page).toHaveURL(/\/help\/401\/guide\/jwt-expired\/$/);
  // Links inside content bodies were written root-relative and must carry the base too.
  const bodyLinks = await page.locator('#step a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(bodyLinks.length).toBeGreaterThan(0);
  for (const href of bodyLinks) expect(href).toMatch(/^\/help\/401\//);
  await page.goto('search/?q=jwt%20expired');
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', /^\/help\/401\//);
  expect(await seen.csp()).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.external).toEqual([]);
});

test('the 404 page is served for unknown paths under the sub-path', async ({ tab: page }) => {
  const response = await page.goto('guide/not-a-step/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('link', { name: 'Start the guide from the first question' })).toHaveAttribute('href', '/help/401/guide/');
});

test('Diagnose works under the sub-path: fix links carry the base, large pastes use the worker', async ({ tab: page }) => {
  const seen = await watch(page);
  await page.goto('diagnose/');
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const paste = [
    '< HTTP/1.1 401 Unauthorized',
    '< WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"',
    '<',
    // Just over the 64 KB worker threshold.
    ...Array.from({ length: 2000 }, (_, i) => `{"id":${i},"message":"request ${i} refused, retry"}`),
  ].join('\n');
  await setValue(page.getByLabel(/Paste the response headers/), paste);
  await page.getByRole('button', { name: 'Analyze' }).click();
  const finding = page.locator('.finding', { hasText: 'expired' }).first();
  await expect(finding.getByRole('link', { name: 'Go to the fix' })).toHaveAttribute('href', '/help/401/guide/jwt-expired/');
  expect(workers.some((u) => u.includes('/help/401/_astro/diagnose-worker-'))).toBe(true);
  await finding.getByRole('link', { name: 'Go to the fix' }).click();
  await expect(page).toHaveURL(/\/help\/401\/guide\/jwt-expired\/$/);
  expect(await seen.csp()).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
  expect(seen.external).toEqual([]);
});
