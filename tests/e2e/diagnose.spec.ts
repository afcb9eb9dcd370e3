import { expect, test } from './lib/test';
import { setValue } from './lib/set-value';
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

test.beforeEach(async ({ tab: page }) => {
  await page.goto('/diagnose/');
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
});

test('the response analyzer finds the expired token and links to its fix', async ({ tab: page }) => {
  await page.getByLabel(/Paste the response headers/).fill(EXPIRED);
  await page.getByRole('button', { name: 'Analyze' }).click();
  const finding = page.locator('.finding', { hasText: 'expired' }).first();
  await expect(finding).toBeVisible();
  await expect(finding.locator('code')).toContainText('error="invalid_token"');
  await finding.getByRole('link', { name: 'Go to the fix' }).click();
  await expect(page).toHaveURL(/\/guide\/jwt-expired\/$/);
});

test('a paste with nothing to find says so and offers the guide', async ({ tab: page }) => {
  await page.getByLabel(/Paste the response headers/).fill('hello there');
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.getByRole('heading', { name: 'Nothing found in this paste' })).toBeFocused();
  await expect(page.locator('response-analyzer').getByRole('link', { name: 'start the guide' })).toBeVisible();
});

test('hostile pastes render as text and run nothing', async ({ tab: page }) => {
  const seen = await watch(page);
  const hostile = `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="<img src=x onerror=window.__pwned=1>"\nSet-Cookie: a=<script>window.__pwned=1</script>; Domain=evil.example\n<svg onload=window.__pwned=1>\n${'\u0000\u0001\u00ff'.repeat(50)}`;
  await page.getByLabel(/Paste the response headers/).fill(hostile);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('[data-output] h3')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.locator('[data-output] img, [data-output] script, [data-output] svg').count()).toBe(0);
  expect(seen.consoleErrors).toEqual([]);
});

test('a 1 MB paste gets a clear notice and the page stays responsive', async ({ tab: page }) => {
  const huge = `HTTP/1.1 401 Unauthorized\nX-Junk: ${'a'.repeat(1_100_000)}`;
  await page.getByLabel(/Paste the response headers/).fill(huge);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('[data-output] .warn').first()).toBeVisible();
  // Still responsive: the JWT inspector answers straight after.
  await page.getByLabel(/Paste a token/).fill(TOKEN);
  await expect(page.locator('jwt-inspector .verdict')).toHaveText('This token has expired.');
});

test('the JWT inspector decodes in the page and makes no network request', async ({ tab: page }) => {
  // The page fetches the analyzer's code when idle: let that finish, so any request seen below is the token's doing.
  await page.waitForLoadState('networkidle');
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

test('the JWT inspector explains alg "none" and a malformed token', async ({ tab: page }) => {
  const none = `${b64({ alg: 'none' })}.${b64({ sub: '1', exp: 4102444800 })}.`;
  await page.getByLabel(/Paste a token/).fill(none);
  await expect(page.locator('jwt-inspector .finding').first()).toContainText(/none/i);
  await page.getByLabel(/Paste a token/).fill('not-a-token');
  await expect(page.locator('jwt-inspector .verdict')).toContainText('Not a readable JWT');
});

for (const [offsetSeconds, skewed] of [[20, false], [300, true], [-400, true]] as const) {
  test(`the clock check with the server ${offsetSeconds} s off: ${skewed ? 'flags it' : 'all fine'}`, async ({ tab: page }) => {
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

// ---- Issue 13 / 15: evidence that fits a phone, every input format, Clear, no-JS, the worker, the JWT bounds.

const BIG_TOKEN = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x'.repeat(3000), aud: 'orders-api', exp: 1700000000 })}.c2lnbmF0dXJl`;
const analyzerInput = (page: import('@playwright/test').Page) => page.getByLabel(/Paste the response headers/);
const noHorizontalScroll = (page: import('@playwright/test').Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

test.describe('at 320 px with a 4 KB token line', () => {
  test.beforeEach(({ tab }) => tab.setViewportSize({ width: 320, height: 640 }));

  test('the analyzer wraps the evidence and keeps "Go to the fix" in view', async ({ tab: page }) => {
    expect(BIG_TOKEN.length).toBeGreaterThan(4000);
    await analyzerInput(page).fill(`> GET /v1/orders HTTP/1.1\n> Host: api.example.com\n> Authorization: Bearer ${BIG_TOKEN}\n>\n< HTTP/1.1 401 Unauthorized\n< WWW-Authenticate: Bearer error="invalid_token"`);
    await page.getByRole('button', { name: 'Analyze' }).click();
    const finding = page.locator('response-analyzer .finding', { hasText: 'The token expired' });
    await expect(finding).toBeVisible();
    const size = await noHorizontalScroll(page);
    expect(size.scroll).toBeLessThanOrEqual(size.client);
    const link = finding.getByRole('link', { name: 'Go to the fix' });
    await link.scrollIntoViewIfNeeded();
    const box = await link.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 320).toBe(true);
    // The long quote is cut, and "Show all" shows every character without widening the page.
    const showAll = finding.getByRole('button', { name: /Show all/ });
    await expect(finding.locator('pre.quote')).not.toContainText(BIG_TOKEN);
    await showAll.click();
    await expect(finding.locator('pre.quote')).toContainText(BIG_TOKEN);
    const after = await noHorizontalScroll(page);
    expect(after.scroll).toBeLessThanOrEqual(after.client);
  });

  test('the JWT inspector wraps a 4 KB token', async ({ tab: page }) => {
    await page.getByLabel(/Paste a token/).fill(BIG_TOKEN);
    await expect(page.locator('jwt-inspector .verdict')).toHaveText('This token has expired.');
    const size = await noHorizontalScroll(page);
    expect(size.scroll).toBeLessThanOrEqual(size.client);
  });
});

test('Clear empties the paste and the findings and returns focus to the box', async ({ tab: page }) => {
  await analyzerInput(page).fill(EXPIRED);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('response-analyzer .finding').first()).toBeVisible();
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(analyzerInput(page)).toHaveValue('');
  await expect(page.locator('response-analyzer [data-output]')).toBeEmpty();
  await expect(analyzerInput(page)).toBeFocused();
});

test('reads a HAR file, a console line and a curl command pasted in the browser', async ({ tab: page }) => {
  const har = {
    log: {
      version: '1.2',
      entries: [
        {
          request: { method: 'GET', url: 'https://api.example.com/v1/me', headers: [{ name: 'Authorization', value: 'Bearer abc' }] },
          response: { status: 401, statusText: 'Unauthorized', httpVersion: 'http/2.0', headers: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token", error_description="The access token expired"' }], content: { text: '' } },
        },
      ],
    },
  };
  const cases: [string, RegExp, string][] = [
    [JSON.stringify(har, null, 2), /read as har/, 'The access token has expired'],
    ['GET https://api.example.com/v1/me 401 (Unauthorized)', /read as console/, '401 Unauthorized: the request was not authenticated'],
    [`curl -H "Authorization: Bearer undefined" https://api.example.com/v1/me\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"`, /GET https:\/\/api\.example\.com\/v1\/me · read as http/, 'The request sent "Bearer undefined" instead of a token'],
  ];
  for (const [text, summary, title] of cases) {
    await analyzerInput(page).fill(text);
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect(page.locator('response-analyzer [data-output] p.small.muted').first()).toHaveText(summary);
    await expect(page.locator('response-analyzer .finding', { hasText: title }).first()).toBeVisible();
  }
});

test('a large paste is read in a worker, CSP-clean, and the page keeps answering', async ({ tab: page }) => {
  const seen = await watch(page);
  await page.goto('/diagnose/');
  await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  // Just over the 64 KB worker threshold.
  const body = Array.from({ length: 1500 }, (_, i) => `{"id":${i},"message":"token expired for request ${i}"}`).join('\n');
  expect(body.length).toBeGreaterThan(64 * 1024);
  await setValue(analyzerInput(page), `${EXPIRED}\n<\n${body}`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('response-analyzer .finding', { hasText: 'expired' }).first()).toBeVisible();
  expect(workers.some((u) => /\/_astro\/diagnose-worker-[\w-]+\.js$/.test(u))).toBe(true);
  await page.getByLabel(/Paste a token/).fill(TOKEN);
  await expect(page.locator('jwt-inspector .verdict')).toBeVisible();
  expect(await seen.csp()).toEqual([]);
  expect(seen.consoleErrors).toEqual([]);
});

test("the JWT inspector judges times by the pasted response's Date and says so", async ({ tab: page }) => {
  // exp is 1700000000 (2023-11-14T22:13:20Z); the response was sent ten minutes before it.
  await analyzerInput(page).fill(`HTTP/1.1 401 Unauthorized\nDate: Tue, 14 Nov 2023 22:03:20 GMT\nWWW-Authenticate: Bearer realm="api"`);
  await page.getByRole('button', { name: 'Analyze' }).click();
  await expect(page.locator('response-analyzer .finding').first()).toBeVisible();
  await page.getByLabel(/Paste a token/).fill(TOKEN);
  const inspector = page.locator('jwt-inspector');
  await expect(inspector.locator('.verdict')).toHaveText('The token’s times look valid.');
  await expect(inspector.locator('.clock-source')).toContainText("pasted response's Date header (2023-11-14T22:03:20Z)");
  // Clear forgets the response, so the device clock is back.
  await page.getByRole('button', { name: 'Clear' }).click();
  await expect(inspector.locator('.verdict')).toHaveText('This token has expired.');
  await expect(inspector.locator('.clock-source')).toContainText("this device's clock");
});

test('the JWT inspector shows impossible dates as numbers, caps deep nesting, and never keeps an old verdict', async ({ tab: page }) => {
  const input = page.getByLabel(/Paste a token/);
  const inspector = page.locator('jwt-inspector');
  await input.fill(`${b64({ alg: 'HS256' })}.${b64({ sub: '1', exp: -1e13 })}.c2ln`);
  await expect(inspector.locator('.claims')).toContainText('-10000000000000 (not a calendar date)');
  const deep = `${b64({ alg: 'HS256' })}.${Buffer.from(`{"exp":1700000000,"x":${'['.repeat(10_000)}1${']'.repeat(10_000)}}`).toString('base64url')}.c2ln`;
  await input.fill(deep);
  await expect(inspector).toContainText('Truncated: nested deeper than');
  await input.fill('eyJhbGciOiJIUzI1NiJ9.not*base64.x');
  await expect(inspector.locator('.verdict')).toContainText('Not a readable JWT');
  await expect(inspector.locator('.claims')).toHaveCount(0);
  await expect(inspector).not.toContainText('Truncated');
});

test.describe('without JavaScript', () => {
  test('says the tools need JavaScript and leaves their buttons off', async ({ browser }, testInfo) => {
    // Its own context: the shared beforeEach waits for the enabled buttons that only JavaScript gives.
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: testInfo.project.use.baseURL });
    const page = await context.newPage();
    await page.goto('/diagnose/');
    await expect(page.locator('[data-needs-js]')).toBeVisible();
    await expect(page.locator('[data-needs-js]').getByRole('link', { name: 'the guide' })).toHaveAttribute('href', /\/guide\/$/);
    await expect(page.getByRole('button', { name: 'Analyze' })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Clear' })).toBeDisabled();
    await context.close();
  });
});

test('with JavaScript the no-JS notice is hidden', async ({ tab: page }) => {
  await expect(page.locator('[data-needs-js]')).toBeHidden();
});
