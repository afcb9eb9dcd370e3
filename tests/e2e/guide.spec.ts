import { expect, test, type Page } from './lib/test';
import { readFileSync } from 'node:fs';
import { parse } from 'node-html-parser';
import { coveringPaths, flow, plainLinkPaths, shortestPaths, visitedNodes } from './lib/flow';
import { replayTrail } from '../../src/flow/step';
import { alsoLikely } from '../../src/flow/types';

const published = flow();
const paths = shortestPaths(published.machine);
const plainPaths = plainLinkPaths(published);
const titleOf = (id: string) => published.machine.states[id]!.meta.title;
const fixes = published.nodes.filter((n) => n.kind === 'fix');
const step = (page: Page) => page.locator('#step');

/** The steps one answer away are prefetched when idle; wait so the next click swaps in place. */
const stepsReady = (page: Page) => page.locator('fix-guide[data-ready]').waitFor({ state: 'attached' });

async function walk(page: Page, events: string[], inPlace = true) {
  for (const event of events) {
    if (inPlace) await stepsReady(page);
    await step(page).locator(`a[data-event="${event}"]`).first().click();
  }
}

test('the machine reaches every fix, and resolved and escalate', () => {
  const reached = new Set(paths.map((p) => p.target));
  for (const f of fixes) expect(reached, f.id).toContain(f.id);
  expect(reached).toContain('resolved');
  expect(reached).toContain('escalate');
});

/**
 * Every fix is reached through the built pages' own links (below, without a browser: fast, and it
 * follows exactly the hrefs a person without JavaScript clicks). With JavaScript, clicking runs the
 * machine and swaps steps in place; that is walked in the browser on a set of paths that together
 * pass through every question, and through each path's "No" when it has one.
 */
// Candidates: the shortest path to each fix, and to each question followed by its first answer
// (a question no fix's shortest path passes through is still clicked through), answered with its
// first answer that leads to a fix.
const fixPaths = [
  ...paths.filter((p) => fixes.some((f) => f.id === p.target)),
  ...paths
    .filter((p) => published.machine.states[p.target]?.meta.kind === 'question')
    .flatMap((p) => {
      const toFix = Object.entries(published.machine.states[p.target]!.on ?? {})
        .map(([event, t]) => ({ event, target: (Array.isArray(t) ? t[0]! : t).target! }))
        .find((a) => fixes.some((f) => f.id === a.target));
      return toFix ? [{ target: toFix.target, events: [...p.events, toFix.event] }] : [];
    }),
];
const covering = coveringPaths(published.machine, fixPaths);
const clicked = covering.some((p) => p.events.includes('NOT_FIXED')) ? covering : [...covering, fixPaths.find((p) => p.events.includes('NOT_FIXED'))!];

test('plain links in the built pages reach every fix, following each page\'s own answer and "No" links, and every fix\'s "No" chain ends at escalation', () => {
  const pages = new Map<string, ReturnType<typeof parse>>();
  const pageOf = (node: string) => {
    if (!pages.has(node)) pages.set(node, parse(readFileSync(node === 'start' ? 'dist/guide/index.html' : `dist/guide/${node}/index.html`, 'utf8')));
    return pages.get(node)!;
  };
  const follow = (node: string, event: string) => {
    const href = pageOf(node).querySelector(`#step a[data-event="${event}"]`)?.getAttribute('href');
    expect(href, `${node} has a link for ${event}`).toBeTruthy();
    return /\/guide\/([a-z0-9-]+)\/$/.exec(href!)?.[1] ?? 'start';
  };
  for (const f of fixes) {
    const path = plainPaths.find((p) => p.target === f.id);
    expect(path, f.id).toBeTruthy();
    let node = 'start';
    for (const event of path!.events) node = follow(node, event);
    expect(node).toBe(f.id);
    // "No" from here, page after page, as a person without JavaScript would: it must end at escalation.
    const chain = [node];
    while (node !== 'escalate' && chain.length <= fixes.length) chain.push((node = follow(node, 'NOT_FIXED')));
    expect(node, `"No" from ${f.id}: ${chain.join(' → ')}`).toBe('escalate');
  }
});

test('without JavaScript, each fix page lists as plain links the other causes its usual answers rank, besides where "No" goes', () => {
  let listed = 0;
  for (const f of fixes) {
    const trail = (f.typicalPath ?? []).map((s) => ({ node: s.split(':')[0]!, answer: s.split(':')[1]! }));
    // The usual answers may rank this fix second or third: their shortlist is what the page is listed from.
    const usual = replayTrail(published.machine, { trail, tried: [] });
    expect(usual?.context.shortlist.length === 0 || usual?.context.shortlist.includes(f.id), f.id).toBe(true);
    const expected = alsoLikely({ shortlist: usual!.context.shortlist, tried: [] }, f.id, f.ifNotFixed);
    const page = parse(readFileSync(`dist/guide/${f.id}/index.html`, 'utf8'));
    const links = page.querySelectorAll('#step .did-it .also-likely a').map((a) => /\/guide\/([a-z0-9-]+)\/$/.exec(a.getAttribute('href') ?? '')?.[1]);
    expect(links, f.id).toEqual(expected);
    if (expected.length) expect(page.querySelector('#step .also-likely p')?.text, f.id).toBe('Also likely for the usual answers that lead here:');
    listed += expected.length > 0 ? 1 : 0;
  }
  expect(listed, 'some fix pages list other likely causes').toBeGreaterThan(10);
});

test('the clicked paths pass through every question', () => {
  const questions = published.nodes.filter((n) => n.kind === 'question').map((n) => n.id);
  const seen = new Set(clicked.flatMap((p) => visitedNodes(published.machine, p.events)));
  expect(questions.filter((q) => !seen.has(q))).toEqual([]);
});

// A few batches on the worker's kept tab, each path its own step (named by its answers, which tell two paths to one
// fix apart) with soft assertions: one test per path spent more on resetting the tab than on clicking.
const PATH_BATCHES = 4;
const pathBatches = Array.from({ length: PATH_BATCHES }, (_, i) => clicked.filter((_, j) => j % PATH_BATCHES === i));
for (const [i, batch] of pathBatches.entries()) {
  test(`clicked paths, batch ${i + 1} of ${PATH_BATCHES}: answers from the start reach the fix in place`, async ({ tab: page }) => {
    test.setTimeout(15_000 * batch.length);
    for (const path of batch) {
      await test.step(`${path.target} (${path.events.map((e) => e.replace('ANSWER.', '')).join(' > ')})`, async () => {
        await page.goto('/guide/');
        await stepsReady(page);
        await walk(page, path.events);
        await expect.soft(page).toHaveURL(new RegExp(`/guide/${path.target}/$`));
        await expect.soft(page.locator('h1')).toHaveText(titleOf(path.target));
        await expect.soft(step(page).getByRole('heading', { name: 'Did this fix it?' })).toBeVisible();
      });
    }
  });
}

test('the path batches hold every clicked path once', () => {
  expect(clicked.length).toBeGreaterThan(PATH_BATCHES);
  expect(new Set(pathBatches.flat())).toEqual(new Set(clicked));
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });
  // Every fix's links and "No" chain are followed above from the built pages; here a browser without
  // JavaScript clicks one of them through, to the support request: the fix whose plain path and "No" chain
  // together are shortest (the longest took ten page loads and a tenth of the guide spec's time).
  const nodes = new Map(published.nodes.map((x) => [x.id, x]));
  const noChain = (id: string) => {
    let hops = 0;
    for (let node: string | undefined = id; node && node !== 'escalate' && hops <= fixes.length; node = nodes.get(node)?.ifNotFixed) hops++;
    return hops + (plainPaths.find((p) => p.target === id)?.events.length ?? Infinity);
  };
  const shortest = fixes.map((f) => f.id).reduce((a, b) => (noChain(b) < noChain(a) ? b : a));
  for (const id of [shortest]) {
    test(`plain links reach ${id} and carry on to escalation`, async ({ page }) => {
      const path = plainPaths.find((p) => p.target === id)!;
      await page.goto('/guide/');
      await walk(page, path.events, false);
      await expect(page).toHaveURL(new RegExp(`/guide/${id}/$`));
      await expect(page.locator('h1')).toHaveText(titleOf(id));
      // Follow "No" until escalation: every fix's chain must end there.
      for (let i = 0; i < 12 && !page.url().endsWith('/guide/escalate/'); i++) await walk(page, ['NOT_FIXED'], false);
      await expect(page).toHaveURL(/\/guide\/escalate\/$/);
      await expect(page.locator('textarea')).toContainText('HTTP 401');
    });
  }
});

test('the five article examples are at most four answers from the start', () => {
  for (const id of ['cached-401-response', 'proxy-strips-authorization', 'jwt-expired', 'cookie-domain-mismatch', 'wordpress-security-plugin-block']) {
    const path = paths.find((p) => p.target === id)!;
    expect(path.events.every((e) => e.startsWith('ANSWER.')), id).toBe(true);
    expect(path.events.length, id).toBeLessThanOrEqual(4);
  }
});

test('with JavaScript on, a step changes in place: no request, URL pushed, focus on the new h1, title and live region updated', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  const requests: string[] = [];
  // Chromium re-reads the favicon when the URL changes; that is the browser's own doing, not a page load.
  // Prefetches of the following steps (step.json) happen while the person reads, not on the click.
  page.on('request', (r) => {
    if (!r.url().endsWith('/favicon.svg') && !r.url().endsWith('/step.json')) requests.push(r.url());
  });
  await walk(page, ['ANSWER.my-site']);
  await expect(page).toHaveURL(/\/guide\/owner-symptom\/$/);
  await expect(page.locator('h1')).toHaveText(titleOf('owner-symptom'));
  await expect(page.locator('h1')).toBeFocused();
  await expect(page).toHaveTitle(new RegExp(titleOf('owner-symptom').slice(0, 20)));
  await expect(page.locator('[data-announce]')).toHaveText(`Question: ${titleOf('owner-symptom')}`);
  await walk(page, ['ANSWER.logged-out', 'ANSWER.www'], true);
  await expect(page.locator('h1')).toHaveText(titleOf('cookie-domain-mismatch'));
  expect(requests).toEqual([]);
  // And the swap really was in place: the page from the first load is still the same document.
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1);
});

test('Back and Forward step through the answers', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, ['ANSWER.api', 'ANSWER.after-a-while']);
  await expect(page.locator('h1')).toHaveText(titleOf('api-after-a-while'));
  await page.goBack();
  await expect(page.locator('h1')).toHaveText(titleOf('api-symptom'));
  await expect(page).toHaveURL(/\/guide\/api-symptom\/$/);
  await page.goBack();
  await expect(page.locator('h1')).toHaveText(titleOf('start'));
  await page.goForward();
  await expect(page.locator('h1')).toHaveText(titleOf('api-symptom'));
  await expect(page.locator('.your-answers')).toContainText('Calling an API');
});

test('"Your answers" lists each answer with a Change link that rewinds to that question', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, ['ANSWER.my-site', 'ANSWER.through-proxy', 'ANSWER.nginx-apache']);
  const answers = page.locator('.your-answers li');
  await expect(answers).toHaveCount(3);
  await expect(answers.nth(1)).toContainText('Requests work directly but fail through a proxy');
  await answers.nth(1).getByRole('link', { name: /Change/ }).click();
  await expect(page.locator('h1')).toHaveText(titleOf('owner-symptom'));
  await expect(page.locator('.your-answers li')).toHaveCount(1);
  await walk(page, ['ANSWER.password-box']);
  await expect(page.locator('h1')).toHaveText(titleOf('owner-basic-auth'));
});

test('a fix opened cold from a help-desk link shows the usual path to it', async ({ tab: page }) => {
  const fix = published.nodes.find((n) => n.id === 'cached-401-response')!;
  await page.goto('/guide/cached-401-response/');
  await expect(page.getByRole('heading', { name: 'The usual way here' })).toBeVisible();
  const items = page.locator('.your-answers li');
  await expect(items).toHaveCount(fix.typicalPath!.length);
  await expect(items.first()).toContainText('On a site or server I run');
});

test('a renamed id (alias) redirects to the node it became', async ({ tab: page }) => {
  await page.goto('/guide/cors/');
  await expect(page).toHaveURL(/\/guide\/cors-preflight-authorization\/$/);
  await expect(page.locator('h1')).toHaveText(titleOf('cors-preflight-authorization'));
});

test('ticked steps survive a reload, per fix', async ({ tab: page }) => {
  await page.goto('/guide/jwt-expired/');
  const boxes = step(page).locator('input[type=checkbox]');
  await boxes.nth(0).check();
  await boxes.nth(2).check();
  await page.reload();
  await expect(boxes.nth(0)).toBeChecked();
  await expect(boxes.nth(1)).not.toBeChecked();
  await expect(boxes.nth(2)).toBeChecked();
  await page.goto('/guide/clock-skew-server/');
  await expect(step(page).locator('input[type=checkbox]:checked')).toHaveCount(0);
});

test('the guide still works when storage is blocked', async ({ tab: page }) => {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage'])
      Object.defineProperty(window, name, { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/guide/');
  await stepsReady(page);
  const answers = ['ANSWER.api', 'ANSWER.always', 'ANSWER.bearer', 'ANSWER.service'];
  await walk(page, answers);
  await expect(page.locator('h1')).toHaveText(titleOf(visitedNodes(published.machine, answers).at(-1)!));
  await step(page).locator('input[type=checkbox]').first().check();
  await expect(step(page).locator('input[type=checkbox]').first()).toBeChecked();
  expect(errors).toEqual([]);
});

test('"No" walks the fixes in order to escalation, which writes the support request', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, ['ANSWER.api', 'ANSWER.after-a-while', 'ANSWER.expired']);
  await step(page).locator('input[type=checkbox]').first().check();
  const chain: string[] = [];
  for (let i = 0; i < 12 && !page.url().endsWith('/guide/escalate/'); i++) {
    chain.push(await page.locator('h1').innerText());
    await walk(page, ['NOT_FIXED']);
  }
  await expect(page).toHaveURL(/\/guide\/escalate\/$/);
  const request = page.locator('textarea');
  await expect(request).toHaveValue(/Calling an API from code, curl or Postman/);
  for (const title of chain) await expect(request).toHaveValue(new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(request).toHaveValue(/done: /);
  await expect(page.locator('[data-mailto]')).toHaveAttribute('href', /^mailto:\?subject=/);
});

test('"Yes" leads to the resolved page', async ({ tab: page }) => {
  await page.goto('/guide/stale-browser-credentials/');
  await walk(page, ['FIXED']);
  await expect(page.locator('h1')).toBeFocused();
  await expect(page).toHaveURL(/\/guide\/resolved\/$/);
  await expect(page.locator('h1')).toHaveText('Glad it works now');
});

test('keyboard only: from the start to a fix and on to resolved', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  const focusFirst = async (selector: string) => {
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    }
    throw new Error(`never reached ${selector} with Tab`);
  };
  await focusFirst('#step a.answer');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(titleOf('visitor-symptom'));
  await focusFirst('#step a.answer');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(titleOf('visitor-keeps-asking'));
  await focusFirst('#step a.answer');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(titleOf('stale-browser-credentials'));
  await focusFirst('#step a[data-event="FIXED"]');
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText('Glad it works now');
});

test('Copy link copies the address of the current step', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, ['ANSWER.cms']);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.locator('copy-link [data-status]')).toHaveText('Link copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/\/guide\/cms-symptom\/$/);
});

test('without JavaScript, every fix is reachable by plain links (answers\' first choices and "No")', () => {
  const reached = new Set(plainPaths.map((p) => p.target));
  for (const f of fixes) expect(reached, f.id).toContain(f.id);
});

test.describe('stored state that is not what the guide wrote', () => {
  for (const raw of ['{}', '[]', '5', '{"trail":[null]}']) {
    test(`a stored trail of ${raw} is ignored and cleared; the guide still upgrades and walks`, async ({ tab: page }) => {
      await page.addInitScript((value) => {
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          sessionStorage.setItem('fix401:context', value);
          localStorage.setItem('fix401:ticks:jwt-expired', '{}');
        }
      }, raw);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto('/guide/jwt-expired/');
      await stepsReady(page);
      await expect(step(page).locator('input[type=checkbox]:checked')).toHaveCount(0);
      expect(await page.evaluate(() => localStorage.getItem('fix401:ticks:jwt-expired'))).toBeNull();
      await walk(page, ['FIXED']);
      await expect(page.locator('h1')).toHaveText('Glad it works now');
      expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('fix401:context') ?? 'null')?.trail)).toEqual(expect.any(Array));
      expect(errors).toEqual([]);
    });
  }
});

test('a double click on an answer moves one step, not two', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  const first = step(page).locator('a.answer').first();
  const next = (await first.getAttribute('data-next'))!;
  await first.dblclick();
  await expect(page).toHaveURL(new RegExp(`/guide/${next}/$`));
  await expect(page.locator('h1')).toHaveText(titleOf(next));
  await expect(page.locator('.your-answers li')).toHaveCount(1);
});

test('the first question opened from the home page is the person\'s own answer: no "Opened from a link?", focus on the h1', async ({ tab: page }) => {
  await page.goto('/');
  const answer = page.locator('.way-guide a.answer').first();
  await answer.click();
  await page.locator('fix-guide').waitFor();
  await expect(page.getByText('Opened from a link?')).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Your answers' })).toBeVisible();
  await expect(page.locator('h1')).toBeFocused();
});

test('"Change" marks the answer given before', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, ['ANSWER.my-site', 'ANSWER.through-proxy']);
  await page.locator('.your-answers li').nth(1).getByRole('link', { name: /Change/ }).click();
  await expect(page.locator('h1')).toHaveText(titleOf('owner-symptom'));
  const previous = step(page).locator('a.answer[aria-current="true"]');
  await expect(previous).toHaveCount(1);
  await expect(previous).toHaveAttribute('data-answer', 'through-proxy');
  await expect(previous).toContainText('Your answer before');
});

test('after a reload, Back lands on the previous step with its h1 in view, and nothing throws', async ({ tab: page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, ['ANSWER.api', 'ANSWER.after-a-while', 'ANSWER.expired']);
  await page.reload();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.goBack();
  await expect(page.locator('h1')).toHaveText(titleOf('api-after-a-while'));
  await expect(page.locator('h1')).toBeInViewport();
  await expect(page.locator('h1')).toBeFocused();
  await page.goBack();
  await expect(page.locator('h1')).toHaveText(titleOf('api-symptom'));
  await page.goForward();
  await expect(page.locator('h1')).toHaveText(titleOf('api-after-a-while'));
  expect(errors).toEqual([]);
});

test('a reload mid-guide keeps the trail', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, ['ANSWER.my-site', 'ANSWER.logged-out']);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your answers' })).toBeVisible();
  await expect(page.locator('.your-answers li')).toHaveCount(2);
});

test('a stored trail that no longer leads here falls back to the usual way here', async ({ tab: page }) => {
  await page.goto('/guide/');
  await page.evaluate(() => sessionStorage.setItem('fix401:context', JSON.stringify({ trail: [{ node: 'start', answer: 'api' }], shortlist: [], tried: [], ticked: {} })));
  await page.goto('/guide/cookie-domain-mismatch/');
  await expect(page.getByRole('heading', { name: 'The usual way here' })).toBeVisible();
  await expect(page.locator('.your-answers li').first()).not.toContainText('Calling an API');
});

test('"Start again" forgets the answers, also after a reload', async ({ tab: page }) => {
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, ['ANSWER.my-site', 'ANSWER.logged-out']);
  await page.getByRole('link', { name: 'Start again' }).click();
  await expect(page.locator('h1')).toHaveText(titleOf('start'));
  await expect(page.locator('.your-answers li')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.your-answers li')).toHaveCount(0);
  expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('fix401:context') ?? '{}').trail)).toEqual([]);
});

test('two tabs keep separate trails', async ({ context }) => {
  const [one, two] = [await context.newPage(), await context.newPage()];
  for (const [page, answer] of [[one, 'ANSWER.api'], [two, 'ANSWER.cms']] as const) {
    await page.goto('/guide/');
    await stepsReady(page);
    await walk(page, [answer]);
  }
  await one.reload();
  await two.reload();
  await expect(one.locator('.your-answers li')).toHaveCount(1);
  await expect(one.locator('.your-answers li')).toContainText('Calling an API');
  await expect(two.locator('.your-answers li')).toHaveCount(1);
  await expect(two.locator('.your-answers li')).not.toContainText('Calling an API');
});

test.describe('with JavaScript off, the end pages', () => {
  test.use({ javaScriptEnabled: false });
  test('the resolved and escalation pages do not claim to be the first question', async ({ page }) => {
    for (const id of ['resolved', 'escalate']) {
      await page.goto(`/guide/${id}/`);
      await expect(page.locator('.your-answers')).not.toContainText('This is the first question');
    }
  });

  test('a fix in a shortlist says honestly where "No" goes without JavaScript', async ({ page }) => {
    const fix = Object.entries(published.machine.states).find(([, s]) => Array.isArray(s.on?.NOT_FIXED))?.[0];
    expect(fix, 'the content ranks at least one shortlist').toBeTruthy();
    await page.goto(`/guide/${fix}/`);
    await expect(page.locator('[data-no-js-note]')).toContainText('without JavaScript, “No” goes to');
    await expect(page.locator('[data-no-js-note]')).toContainText('with it, the guide tries the other likely causes for your answers first');
  });
});

/** Every answer in the published flow that ranks a shortlist, with the question it is on. */
const shortlists = published.nodes.flatMap((n) => (n.answers ?? []).flatMap((a) => (a.shortlist ? [{ question: n.id, answer: a }] : [])));

test('"No" after an answer with a shortlist offers its fixes in rank order (said nginx: nginx-relevant pages first)', async ({ tab: page }) => {
  expect(shortlists.length, 'the content ranks at least one shortlist').toBeGreaterThan(0);
  // Prefer the nginx answer the issue is about; the mechanism is the same for any shortlist.
  const pick = shortlists.find((s) => /nginx/i.test(s.answer.label)) ?? shortlists[0]!;
  const toQuestion = paths.find((p) => p.target === pick.question)!;
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, [...toQuestion.events, `ANSWER.${pick.answer.id}`]);
  const list = pick.answer.shortlist!;
  // Each fix page also lists, as links, the causes "No" would reach after the next one.
  const checkAlsoLikely = async (i: number) => {
    const links = step(page).locator('.also-likely a');
    const later = list.slice(i + 2);
    await expect(links).toHaveText(later.map(titleOf));
    // These are the person's own answers now, not the usual ones the page was built with.
    if (later.length) await expect(step(page).locator('.also-likely p')).toHaveText('Also likely for your answers:');
    for (const [k, id] of later.entries()) await expect(links.nth(k)).toHaveAttribute('href', new RegExp(`/guide/${id}/$`));
  };
  const offered = [await page.locator('#step').getAttribute('data-node')];
  await checkAlsoLikely(0);
  for (let i = 1; i < list.length; i++) {
    await walk(page, ['NOT_FIXED']);
    await expect(page.locator('h1')).toHaveText(titleOf(list[i]!));
    offered.push(await page.locator('#step').getAttribute('data-node'));
    await checkAlsoLikely(i);
  }
  expect(offered).toEqual(list);
  expect(list.length, 'a shortlist long enough to list causes after the next one').toBeGreaterThan(2);
});

test('with JavaScript, a fix page names the next likely cause and its "No" link goes there', async ({ tab: page }) => {
  const pick = shortlists[0];
  expect(pick, 'the content ranks at least one shortlist').toBeTruthy();
  const toQuestion = paths.find((p) => p.target === pick!.question)!;
  await page.goto('/guide/');
  await stepsReady(page);
  await walk(page, [...toQuestion.events, `ANSWER.${pick!.answer.id}`]);
  const second = pick!.answer.shortlist![1]!;
  await expect(step(page).locator('a[data-event="NOT_FIXED"]')).toHaveAttribute('href', new RegExp(`/guide/${second}/$`));
  await expect(step(page).locator('[data-next-line]')).toContainText(titleOf(second));
  await expect(page.locator('[data-no-js-note]')).toHaveCount(0);
});

test('with JavaScript, a fix page opened from a link says its Next and Also likely are for the usual answers', async ({ tab: page }) => {
  // A fix the usual answers rank first in a shortlist of three or more: it has both a Next and an Also likely.
  const pick = shortlists.find((s) => s.answer.shortlist!.length >= 3)!;
  const fix = pick.answer.shortlist![0]!;
  await page.goto(`/guide/${fix}/`);
  await stepsReady(page);
  // The line is rewritten only when "No" goes elsewhere than the built page says; it never claims the visitor's answers.
  await expect(step(page).locator('[data-next-line]')).not.toContainText('for your answers');
  await expect(step(page).locator('.also-likely p')).toHaveText('Also likely for the usual answers that lead here:');
});
