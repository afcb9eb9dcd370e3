import { expect, test } from '@playwright/test';
import { watch } from './lib/watch';
import { flow } from './lib/flow';

test('the header search suggests results as you type, with kind and highlighted match', async ({ page }) => {
  await page.goto('/guide/');
  const box = page.getByRole('combobox', { name: 'Search fixes or paste an error' });
  await box.fill('jwt expired');
  const list = page.getByRole('listbox', { name: 'Search results' });
  await expect(list).toBeVisible();
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  const first = list.getByRole('option').first();
  await expect(first).toContainText(/Fix|Example/);
  await expect(list.locator('mark').first()).toBeVisible();
});

test('arrow keys move through results, Enter opens one, Escape closes the list', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('combobox', { name: 'Search fixes or paste an error' }).first();
  await box.fill('wordpress rest api 401');
  await expect(page.getByRole('listbox').first()).toBeVisible();
  await box.press('ArrowDown');
  const firstId = await box.getAttribute('aria-activedescendant');
  expect(firstId).toBeTruthy();
  await expect(page.locator(`#${firstId}`)).toHaveAttribute('aria-selected', 'true');
  await box.press('ArrowDown');
  expect(await box.getAttribute('aria-activedescendant')).not.toBe(firstId);
  await box.press('ArrowUp');
  expect(await box.getAttribute('aria-activedescendant')).toBe(firstId);
  await box.press('Escape');
  await expect(page.getByRole('listbox').first()).toBeHidden();
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  await box.press('ArrowDown');
  await box.press('ArrowDown');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/(guide|examples|checklists)\//);
  await expect(page.locator('h1')).toContainText(/WordPress|REST|plugin/i);
});

test('/search/?q= opened cold shows results, and typing keeps the URL in step', async ({ page }) => {
  await page.goto('/search/?q=logged%20out%20after%20login%20on%20www');
  await expect(page.locator('[data-results] a').first()).toBeVisible();
  await expect(page.locator('[data-status]')).toContainText('result');
  const field = page.getByLabel('Search words or a pasted error');
  await field.fill('cors preflight');
  await expect(page).toHaveURL(/\?q=cors\+preflight$/);
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', /cors/);
});

test('a pasted curl -v wall of text finds the fix', async ({ page }) => {
  const paste = [
    '*   Trying 203.0.113.7:443...',
    '> GET /api/me HTTP/2',
    '> host: api.example.com',
    '> authorization: Bearer eyJhbGciOi...',
    '< HTTP/2 401',
    '< www-authenticate: Bearer error="invalid_token", error_description="The access token expired"',
    '< content-type: application/json',
    '{"error":"invalid_token"}',
  ].join('\n');
  await page.goto(`/search/?q=${encodeURIComponent(paste)}`);
  await expect(page.locator('[data-results] a').first()).toHaveAttribute('href', /jwt-expired|expired-jwt/);
  await expect(page.locator('[data-status]')).toContainText('status 401');
});

test('a hostile query is shown as text and runs nothing', async ({ page }) => {
  const seen = await watch(page);
  const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
  await page.goto(`/search/?q=${encodeURIComponent(hostile)}`);
  await expect(page.getByLabel('Search words or a pasted error')).toHaveValue(hostile);
  await page.getByRole('combobox', { name: 'Search fixes or paste an error' }).fill(hostile);
  await expect(page.getByRole('listbox').first()).toBeVisible();
  await expect(page.getByRole('listbox').first()).toContainText('<img src=x');
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('main img, [role=listbox] img').count()).toBe(0);
  expect(await seen.csp()).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  test('the search page still lists every fix and example with links, and the header form submits', async ({ page }) => {
    await page.goto('/search/');
    await expect(page.locator('[data-all] a[href*="/guide/"]')).toHaveCount(flow().nodes.filter((n) => n.kind === 'fix').length);
    await expect(page.locator('[data-all] a[href*="/examples/"]').first()).toBeVisible();
    await page.goto('/guide/');
    await page.getByLabel('Search fixes or paste an error').fill('cookie domain');
    await page.getByLabel('Search fixes or paste an error').press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=cookie\+domain$/);
  });
});

test('a pasted token never reaches the address bar or the server', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('/search/');
  const secret = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0MiJ9.c2VjcmV0c2ln';
  await page.getByLabel('Search words or a pasted error').fill(`> Authorization: Bearer ${secret}\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer error="invalid_token"`);
  await expect(page.locator('[data-results] a').first()).toBeVisible();
  expect(page.url()).toContain('invalid_token');
  expect(page.url()).not.toContain('c2VjcmV0c2ln');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page.locator('[data-results] a').first()).toBeVisible();
  expect(requests.filter((u) => u.includes('c2VjcmV0c2ln'))).toEqual([]);
  await page.getByRole('combobox', { name: 'Search fixes or paste an error' }).fill(`Authorization: Bearer ${secret} invalid_token`);
  await page.getByRole('combobox', { name: 'Search fixes or paste an error' }).press('Enter');
  await expect(page).toHaveURL(/\/search\/\?q=/);
  expect(page.url()).not.toContain('c2VjcmV0c2ln');
  expect(requests.filter((u) => u.includes('c2VjcmV0c2ln'))).toEqual([]);
});
