import { expect, test } from '@playwright/test';
import { watch } from './lib/watch';

const EXPIRED = [
  '> GET /v1/orders HTTP/1.1',
  '> Host: api.example.com',
  '> Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
  '>',
  '< HTTP/1.1 401 Unauthorized',
  '< WWW-Authenticate: Bearer realm="api", error="invalid_token", error_description="The access token expired"',
  '< Content-Length: 0',
].join('\n');

// header {"alg":"HS256","typ":"JWT"}, payload {"sub":"42","aud":"orders-api","exp":1700000000}: long expired.
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const TOKEN = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: '42', aud: 'orders-api', iss: 'https://id.example.com/', exp: 1700000000 })}.c2lnbmF0dXJl`;

test.beforeEach(async ({ page }) => {
  await page.goto('/diagnose/');
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
  await page.waitForLoadState('networkidle');
});

test('the response analyzer finds the expired token and links to its fix', async ({ page }) => {
  await page.getByLabel(/Paste the response headers/).fill(EXPIRED);
  await page.getByRole('button', { name: 'Analyze' }).click();
  const finding = page.locator('.finding', { hasText: 'expired' }).first();
  await expect(finding).toBeVisible();
  await expect(finding.locator('code')).toContainText('error="invalid_token"');
  await finding.getByRole('link', { name: 'Go to the fix' }).click();
  await expect(page).toHaveURL(/\/guide\/jwt-expired\/$/);
});

test('a paste with nothing to find says so and offers the guide', async ({ page }) => {
  await page.getByLabel(/Paste the response headers/).fill('hello there');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing found in this paste' })).toBeFocused();
  await expect(page.locator('response-analyzer').getByRole('link', { name: 'start the guide' })).toBeVisible();
});

test('hostile pastes render as text and run nothing', async ({ page }) => {
  const seen = await watch(page);
  const hostile = `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="<img src=x onerror=window.__pwned=1>"\nSet-Cookie: a=<script>window.__pwned=1</script>; Domain=evil.example\n<svg onload=window.__pwned=1>\n${'\u0000\u0001\u00ff'.repeat(50)}`;
  await page.getByLabel(/Paste the response headers/).fill(hostile);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('[data-output] h3')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('[data-output] img, [data-output] script, [data-output] svg').count()).toBe(0);
  expect(seen.consoleErrors).toEqual([]);
});

test('a 1 MB paste gets a clear notice and the page stays responsive', async ({ page }) => {
  const huge = `HTTP/1.1 401 Unauthorized\nX-Junk: ${'a'.repeat(1_100_000)}`;
  await page.getByLabel(/Paste the response headers/).fill(huge);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('[data-output] .warn').first()).toBeVisible();
  // Still responsive: the JWT inspector answers straight after.
  await page.getByLabel(/Paste a token/).fill(TOKEN);
  await expect(page.locator('jwt-inspector .verdict')).toHaveText('This token has expired.');
});

test('the JWT inspector decodes in the page and makes no network request', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.getByLabel(/Paste a token/).fill(`Bearer ${TOKEN}`);
  const inspector = page.locator('jwt-inspector');
  await expect(inspector.locator('.verdict')).toHaveText('This token has expired.');
  await expect(inspector.locator('.claims')).toContainText('orders-api');
  await expect(inspector.locator('.claims')).toContainText('2023-11-14T22:13:20Z');
  await expect(inspector.getByRole('link', { name: 'Go to the fix' }).first()).toHaveAttribute('href', /\/guide\/jwt-expired\/$/);
  expect(requests).toEqual([]);
  expect(page.url()).not.toContain(TOKEN.slice(0, 20));
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }))).not.toContain(TOKEN.slice(0, 20));
});

test('the JWT inspector explains alg "none" and a malformed token', async ({ page }) => {
  const none = `${b64({ alg: 'none' })}.${b64({ sub: '1', exp: 4102444800 })}.`;
  await page.getByLabel(/Paste a token/).fill(none);
  await expect(page.locator('jwt-inspector .finding').first()).toContainText(/none/i);
  await page.getByLabel(/Paste a token/).fill('not-a-token');
  await expect(page.locator('jwt-inspector .verdict')).toContainText('Not a readable JWT');
});

for (const [offsetSeconds, skewed] of [[20, false], [300, true], [-400, true]] as const) {
  test(`the clock check with the server ${offsetSeconds} s off: ${skewed ? 'flags it' : 'all fine'}`, async ({ page }) => {
    await page.route(/\?clock=\d+$/, (route) =>
      route.fulfill({ status: 200, headers: { date: new Date(Date.now() + offsetSeconds * 1000).toUTCString() }, body: '' }),
    );
    await page.getByRole('button', { name: 'Check my clock' }).click();
    const verdict = page.locator('clock-check .verdict');
    if (skewed) {
      await expect(verdict).toContainText(offsetSeconds > 0 ? 'behind' : 'ahead');
      await expect(page.locator('clock-check').getByRole('link', { name: 'Go to the fix' })).toHaveAttribute('href', /\/guide\/device-clock-wrong\/$/);
    } else {
      await expect(verdict).toContainText('fine for tokens');
    }
  });
}
