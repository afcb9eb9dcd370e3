/**
 * For help desks (issue 14): copy-link controls, linked-step highlight, the map
 * filter, outcome events, the honest support request, and the cross-origin
 * embed with its beacon.
 *
 * The embed and beacon tests need a third build with the help-desk settings (lib/helpdesk-build.ts;
 * `npm test` builds it, and this spec builds it itself when dist-helpdesk/ is missing or older than
 * dist/). It serves that build on
 * 4402, a host page on 4410 (allowed to frame it), another on 4412 (not allowed) and a beacon
 * collector on 4411, all from this file, and stops them afterwards.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { expect, test, type Page } from './lib/test';
import { axeViolations } from './lib/axe';
import { watch } from './lib/watch';
import { COLLECTOR_PORT, GUIDE_PORT, HELPDESK_BUILD_ENV, HELPDESK_DIST, HOST_PORT, STRANGER_PORT } from './lib/helpdesk-build';

const GUIDE = `http://localhost:${GUIDE_PORT}`;
const TYPED = 'my-typed-words Bearer eyJsecretTyped';

const step = (page: Page) => page.locator('#step');
const stepsReady = (page: Page) => page.locator('fix-guide[data-ready]').waitFor({ state: 'attached' });

/** Records outcome events in the page (and in any frame) as they are dispatched. */
async function recordEvents(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __outcomes: unknown[] };
    w.__outcomes = [];
    document.addEventListener('fix401:outcome', (e) => w.__outcomes.push((e as CustomEvent).detail));
  });
  return () => page.evaluate(() => (window as unknown as { __outcomes: Record<string, unknown>[] }).__outcomes);
}

/**
 * Clicks `link` and waits for the step to change. The guide ignores clicks for a moment after a
 * step change (a double click must not act on the step swapped in under the pointer), so a click
 * that lands in that moment is repeated.
 */
async function advance(page: Page, link: ReturnType<Page['locator']>) {
  const node = (await step(page).getAttribute('data-node'))!;
  await stepsReady(page);
  await expect(async () => {
    if ((await step(page).getAttribute('data-node')) === node) await link.click();
    await expect(step(page)).not.toHaveAttribute('data-node', node, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

/** Clicks the first answer until a fix shows; returns the answers given as node/answer ids. */
async function answerToAFix(page: Page): Promise<{ node: string; answer: string }[]> {
  const given: { node: string; answer: string }[] = [];
  for (let i = 0; i < 8 && (await step(page).getAttribute('data-kind')) === 'question'; i++) {
    const node = (await step(page).getAttribute('data-node'))!;
    const a = step(page).locator('a[data-event^="ANSWER."]').first();
    given.push({ node, answer: (await a.getAttribute('data-event'))!.slice('ANSWER.'.length) });
    await advance(page, a);
  }
  return given;
}

async function notFixedToEscalation(page: Page): Promise<string[]> {
  const tried: string[] = [];
  for (let i = 0; i < 15 && !page.url().endsWith('/guide/escalate/'); i++) {
    tried.push((await step(page).getAttribute('data-node'))!);
    await advance(page, step(page).locator('a[data-event="NOT_FIXED"]'));
  }
  await expect(page).toHaveURL(/\/guide\/escalate\/$/);
  return tried;
}

test.describe('links to steps and sections', () => {

  test('every step and section heading has a Copy link control that copies the right URL', async ({ tab: page, baseURL }) => {
    const seen = await watch(page);
    await page.goto('/guide/jwt-expired/');
    const steps = step(page).locator('ol.steps > li[id^="step-"]');
    const n = await steps.count();
    expect(n).toBeGreaterThan(1);
    await expect(step(page).locator('ol.steps > li button[data-anchor-copy]')).toHaveCount(n);
    const headings = await step(page).locator('h2[id]').count();
    await expect(step(page).locator('h2[id] + button[data-anchor-copy]')).toHaveCount(headings);

    // Keyboard: focus the second step's control and press Enter.
    const second = steps.nth(1).getByRole('button', { name: 'Copy link to step 2' });
    await second.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/guide/jwt-expired/#step-2`);

    await page.getByRole('button', { name: 'Copy link to “Sources”' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/guide/jwt-expired/#sources-title`);

    // Near the top: the page's link and a message for the customer.
    await page.getByRole('button', { name: 'Copy a message for the customer' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`Please follow the steps at ${baseURL}/guide/jwt-expired/, then tell me whether it worked.`);
    await page.getByRole('button', { name: 'Copy link to this page' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/guide/jwt-expired/`);

    expect(await axeViolations(page)).toEqual([]);
    expect(await seen.csp()).toEqual([]);
    expect(seen.consoleErrors).toEqual([]);
  });

  test('on a phone the page link sits above the step', async ({ tab: page }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/guide/jwt-expired/');
    const bar = await page.locator('[data-page-links]').boundingBox();
    const h1 = await page.locator('#step h1').boundingBox();
    expect(bar!.y).toBeLessThan(h1!.y);
    expect(bar!.y).toBeLessThan(740);
  });

  test('arriving at #step-2 scrolls it clear of the top and highlights it', async ({ tab: page }) => {
    await page.goto('/guide/jwt-expired/#step-2');
    const target = page.locator('li#step-2');
    await expect(target).toBeInViewport();
    const style = (sel: string) => page.locator(sel).evaluate((el) => ({ outline: getComputedStyle(el).outlineStyle, bg: getComputedStyle(el).backgroundColor }));
    const on = await style('li#step-2');
    const off = await style('li#step-1');
    expect(on.outline).toBe('solid');
    expect(on.bg).not.toBe(off.bg);
    const top = await target.evaluate((el) => el.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(40);
  });
});

test.describe('the map for agents', () => {

  test('the filter narrows by symptom and clears; every node has a copy button', async ({ tab: page, baseURL }) => {
    const seen = await watch(page);
    await page.goto('/map/');
    const fixes = page.locator('.map-fixes > li');
    const total = await fixes.count();
    const visible = () => page.locator('.map-fixes > li:visible').count();
    expect(await visible()).toBe(total);
    await expect(page.locator('.map-fixes > li > button.map-copy')).toHaveCount(total);

    const box = page.getByLabel(/Filter the map/);
    await box.fill('clock');
    await expect.poll(visible).toBeLessThan(total);
    expect(await visible()).toBeGreaterThan(0);
    await expect(page.locator('#fix-device-clock-wrong')).toBeVisible();
    await expect(page.locator('#fix-htpasswd-basic-auth')).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'matching' })).toBeVisible();

    await box.fill('zzzz-nothing-matches');
    await expect.poll(visible).toBe(0);
    await expect(page.getByText('Nothing matches.')).toBeVisible();

    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(visible).toBe(total);

    await page.locator('#fix-device-clock-wrong > button.map-copy').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/guide/device-clock-wrong/`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await seen.csp()).toEqual([]);
  });

  test('without JavaScript the whole map shows and no filter appears', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/map/');
    await expect(page.getByLabel(/Filter the map/)).toBeHidden();
    expect(await page.locator('.map-fixes > li:visible').count()).toBe(await page.locator('.map-fixes > li').count());
    await context.close();
  });
});

test.describe('outcome events and the support request', () => {
  test('events fire in order, carry ids only, and no beacon is sent by default', async ({ tab: page }) => {
    const events = await recordEvents(page);
    const beacons: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'ping' || r.method() === 'POST') beacons.push(r.url());
    });
    await page.goto('/guide/');
    await stepsReady(page);
    // Typed text somewhere on the page must never reach an event.
    await page.locator('#header-search').fill(TYPED);
    const given = await answerToAFix(page);
    const fix = (await step(page).getAttribute('data-node'))!;
    const tried = await notFixedToEscalation(page);

    const list = await events();
    const payloads = JSON.stringify(list);
    expect(payloads).not.toContain('my-typed-words');
    expect(payloads).not.toContain('eyJ');
    for (const e of list) for (const [k, v] of Object.entries(e)) expect(typeof v === 'string' ? /^[a-z0-9-]+$/.test(v) : ['number', 'boolean'].includes(typeof v), `${k}=${String(v)}`).toBe(true);

    const types = list.map((e) => e.type);
    expect(types[0]).toBe('step-shown');
    expect(list[0]).toMatchObject({ node: 'start' });
    // Each answer is reported, then the step it led to.
    for (const [i, g] of given.entries()) {
      const at = list.findIndex((e) => e.type === 'answer-chosen' && e.node === g.node && e.answer === g.answer);
      expect(at, `answer ${i}`).toBeGreaterThan(0);
      expect(list[at + 1]?.type).toBe('step-shown');
    }
    expect(list.find((e) => e.type === 'step-shown' && e.node === fix)).toBeTruthy();
    for (const t of tried) expect(list.some((e) => e.type === 'not-fixed' && e.fix === t)).toBe(true);
    expect(types.at(-1)).toBe('escalated');
    expect(types.indexOf('not-fixed')).toBeGreaterThan(types.lastIndexOf('answer-chosen'));
    expect(beacons).toEqual([]);
    expect(await page.locator('meta[name="fix401-outcome-endpoint"]').count()).toBe(0);
  });

  test('after a cold link the request says so and lists no answers the person never gave', async ({ tab: page }) => {
    const seen = await watch(page);
    await page.goto('/guide/jwt-expired/');
    const title = await page.locator('#step h1').innerText();
    await stepsReady(page);
    await step(page).locator('input[type=checkbox]').first().check();
    await notFixedToEscalation(page);
    const request = page.locator('#request-text');
    await expect(request).toHaveValue(new RegExp(`opened the troubleshooting guide directly at “${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}” \\(from a link\\)`));
    await expect(request).not.toHaveValue(/What I answered/);
    await expect(request).toHaveValue(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: did not fix it\\n  - done: `));
    await expect(request).toHaveValue(/Guide link: http:\/\/localhost:\d+\/guide\/[a-z0-9-]+\//);
    await expect(request).not.toHaveValue(/please fill in|paths below|\bPage:/i);

    // The short form: typed text lands in the request as text, capped, the query left out.
    await page.getByLabel('The address that gives the 401').fill('https://api.example/v1/orders?access_token=abc123secret');
    await page.getByLabel('When it started').fill('<b>this morning</b>');
    await page.getByLabel('No, it fails there too').check();
    await expect(request).toHaveValue(/Where it fails: https:\/\/api\.example\/v1\/orders \(query and credentials left out\)/);
    await expect(request).not.toHaveValue(/abc123secret/);
    await expect(request).toHaveValue(/Since: <b>this morning<\/b>/);
    await expect(page.locator('b', { hasText: 'this morning' })).toHaveCount(0);
    await expect(request).toHaveValue(/On another device or network: it fails there too/);
    expect(await page.getByLabel('The address that gives the 401').getAttribute('maxlength')).toBe('300');
    await expect(page.locator('[data-mailto]')).toHaveAttribute('href', /^mailto:\?subject=/);
    await expect(page.getByRole('button', { name: 'Copy as Markdown' })).toBeVisible();
    // Nothing typed is stored.
    const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
    expect(stored).not.toContain('api.example');
    expect(stored).not.toContain('this morning');
    expect(await axeViolations(page)).toEqual([]);
    expect(await seen.csp()).toEqual([]);
  });

  test('after Diagnose, the request offers its findings (ids, status, scheme) only with consent', async ({ tab: page }) => {
    const events = await recordEvents(page);
    await page.goto('/diagnose/');
    await expect(page.getByRole('button', { name: 'Analyze' })).toBeEnabled();
    await page.getByLabel(/Paste the response headers/).fill(
      [
        '> GET /v1/orders HTTP/1.1',
        '> Authorization: Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln',
        '< HTTP/1.1 401 Unauthorized',
        '< WWW-Authenticate: Bearer realm="secret-realm", error="invalid_token", error_description="The access token expired"',
      ].join('\n'),
    );
    await page.getByRole('button', { name: 'Analyze' }).click();
    await expect(page.locator('.finding').first()).toBeVisible();
    const found = (await events()).filter((e) => e.type === 'finding-shown');
    expect(found.length).toBeGreaterThan(0);
    expect(JSON.stringify(found)).not.toMatch(/eyJ|secret-realm|access token expired/);

    await page.goto('/guide/escalate/');
    const request = page.locator('#request-text');
    const consent = page.getByLabel(/Include what the Diagnose page found/);
    await expect(consent).toBeVisible();
    await expect(request).not.toHaveValue(/Diagnose page found/);
    await consent.check();
    await expect(request).toHaveValue(/What the Diagnose page found \(status 401; challenge: Bearer\):/);
    await expect(request).toHaveValue(/- bearer-invalid-token-expired/);
    await expect(request).not.toHaveValue(/eyJ|secret-realm|access token expired/);
    await expect(request).not.toHaveValue(/What I answered|What I tried/);
  });
});

// ---------------------------------------------------------------------------
// The embed, across two origins, and the beacon: a second build with the settings.

const servers: { close(): void }[] = [];
const collected: string[] = [];

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}

function hostPage(start: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Help centre</title></head>
<body><h1>Help centre</h1><p>Our guide:</p><fix-401 start="${start}"></fix-401><p id="after">After the guide.</p>
<script src="${GUIDE}/embed.js"></script>
<script>window.__outcomes = []; document.addEventListener('fix401:outcome', (e) => window.__outcomes.push(e.detail));
window.__heights = []; document.querySelector('fix-401').addEventListener('fix401:resize', (e) => window.__heights.push(e.detail.height));</script>
</body></html>`;
}

test.describe('embedding and the beacon (second build)', () => {
  // One set of servers on fixed ports (the build allows exactly http://127.0.0.1:4410): one worker.
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // Rebuilt when missing or older than dist/ (the build the rest of the suite tests): never test stale code.
    // `npm test` has just built all three side by side (HELPDESK_BUILT), in whatever order they finished.
    const stale =
      !existsSync(`${HELPDESK_DIST}/index.html`) ||
      (!process.env.HELPDESK_BUILT && existsSync('dist/index.html') && statSync(`${HELPDESK_DIST}/index.html`).mtimeMs < statSync('dist/index.html').mtimeMs);
    if (stale) {
      const r = spawnSync('npx', ['astro', 'build'], {
        env: { ...process.env, ...HELPDESK_BUILD_ENV },
        stdio: 'ignore',
      });
      if (r.status !== 0) throw new Error('the help-desk build failed');
    }
    const guide: ChildProcess = spawn('npx', ['tsx', 'scripts/serve-static.ts', HELPDESK_DIST, '/', String(GUIDE_PORT)], { stdio: 'ignore', detached: true });
    servers.push({ close: () => guide.pid && process.kill(-guide.pid) });
    const host = createServer((req, res) => {
      const start = new URL(req.url ?? '/', 'http://x').searchParams.get('start') ?? 'start';
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage(start.replace(/[^a-z0-9-]/g, '')));
    });
    const stranger = createServer((req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage('start')));
    const collector = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        if (req.method === 'POST') collected.push(body);
        res.writeHead(204, { 'Access-Control-Allow-Origin': '*' }).end();
      });
    });
    await Promise.all([listen(host, HOST_PORT), listen(stranger, STRANGER_PORT), listen(collector, COLLECTOR_PORT)]);
    servers.push(host, stranger, collector);
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`${GUIDE}/embed.js`).then((r) => r.ok, () => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the help-desk build is not being served');
  });

  test.afterAll(() => {
    for (const s of servers.splice(0)) s.close();
  });

  test('an allowed host frames the guide: no chrome, no inner scrolling, resized on every step, zero CSP violations', async ({ page }) => {
    // Two origins, a frame and three steps, each waiting for the frame's prefetch: on a busy 2-core CI
    // machine this took close to the default 60 s once, so it gets the room the other long tests get.
    test.setTimeout(120_000);
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
    });
    await page.goto(`http://127.0.0.1:${HOST_PORT}/?start=start`);
    const frameEl = page.locator('fix-401 iframe');
    await expect(frameEl).toHaveAttribute('src', `${GUIDE}/guide/start/?embed=1`);
    const frame = page.frameLocator('fix-401 iframe');
    await expect(frame.locator('#step h1')).toBeVisible();
    await expect(frame.locator('html')).toHaveClass(/embedded/);
    await expect(frame.locator('.site-header')).toBeHidden();
    await expect(frame.locator('.site-footer')).toBeHidden();

    const fits = async () => {
      const inner = await frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
      const outer = (await frameEl.boundingBox())!.height;
      return Math.abs(inner - outer) <= 2;
    };
    await expect.poll(fits).toBe(true);
    const heights = () => page.evaluate(() => (window as unknown as { __heights: number[] }).__heights.length);
    const before = await heights();

    // Every step: the frame follows the new height.
    for (let i = 0; i < 3; i++) {
      const kind = await frame.locator('#step').getAttribute('data-kind');
      if (kind !== 'question') break;
      const node = await frame.locator('#step').getAttribute('data-node');
      await frame.locator('fix-guide[data-ready]').waitFor({ state: 'attached' });
      await expect(async () => {
        if ((await frame.locator('#step').getAttribute('data-node')) === node) await frame.locator('#step a[data-event^="ANSWER."]').last().click();
        await expect(frame.locator('#step')).not.toHaveAttribute('data-node', node!, { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await expect.poll(fits).toBe(true);
    }
    expect(await heights()).toBeGreaterThan(before);
    const scroll = await frame.locator('html').evaluate((h) => ({ sh: h.scrollHeight, ch: h.clientHeight }));
    expect(scroll.sh).toBeLessThanOrEqual(scroll.ch + 2);

    // The host hears the outcome events (ids only) through the element.
    const outcomes = await page.evaluate(() => (window as unknown as { __outcomes: Record<string, unknown>[] }).__outcomes);
    expect(outcomes.length).toBeGreaterThan(0);
    expect(outcomes.every((o) => o.embedded === true)).toBe(true);
    expect(outcomes.map((o) => o.type)).toContain('answer-chosen');
    expect(csp).toEqual([]);
  });

  test('a host not in EMBED_ORIGINS is refused', async ({ page }) => {
    const refused: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors/.test(m.text())) refused.push(m.text());
    });
    await page.goto(`http://127.0.0.1:${STRANGER_PORT}/`);
    await expect(page.locator('fix-401 iframe')).toHaveCount(1);
    await expect.poll(() => refused.length).toBeGreaterThan(0);
    const frame = page.frames().find((f) => f !== page.mainFrame());
    const loaded = await frame?.locator('#step h1').count().catch(() => 0);
    expect(loaded ?? 0).toBe(0);
  });

  test('the headers file of this build allows exactly the listed origin', async () => {
    const res = await fetch(`${GUIDE}/guide/`);
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors http://127.0.0.1:${HOST_PORT}`);
    expect(res.headers.get('x-frame-options')).toBeNull();
  });

  test('with OUTCOME_ENDPOINT the same events go out by sendBeacon, ids only', async ({ page }) => {
    collected.length = 0;
    await page.goto(`${GUIDE}/guide/`);
    await page.locator('#header-search').fill(TYPED);
    await advance(page, step(page).locator('a[data-event^="ANSWER."]').first());
    await expect.poll(() => collected.length).toBeGreaterThanOrEqual(2);
    const bodies = collected.map((b) => JSON.parse(b) as Record<string, unknown>);
    expect(bodies[0]).toMatchObject({ type: 'step-shown', node: 'start', embedded: false });
    expect(bodies.some((b) => b.type === 'answer-chosen')).toBe(true);
    expect(collected.join('')).not.toContain('my-typed-words');
    const meta = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
    expect(meta).toContain(`connect-src 'self' http://127.0.0.1:${COLLECTOR_PORT}`);
  });
});

test('a link to a reworded heading still lands on it: the page follows its anchorAliases', async ({ tab: page }) => {
  const old = 'your-own-api-the-word-before-the-token-must-be-the-servers';
  const now = 'your-own-api-the-scheme-word-before-the-token-must-match-the-servers';
  await page.goto(`/guide/api-key-wrong-header/#${old}`);
  await expect(page).toHaveURL(new RegExp(`#${now}$`));
  await expect(page.locator(`[id="${now}"]`)).toBeInViewport();
  // A hash that is neither a heading nor an alias changes nothing.
  await page.goto('/guide/api-key-wrong-header/#no-such-heading');
  await expect(page).toHaveURL(/#no-such-heading$/);
});
