import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { RunOptions } from 'axe-core';
import { AXE_URL, BASE_PORT, PORT } from '../../../playwright.config';

/** The rules every page must pass: WCAG 2.0, 2.1 and 2.2 A/AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The rules whose outcome depends on colour. Between the light and the dark scheme only colours
 * change (same markup, same layout), so the second scheme needs only these: half the axe time.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

// axe-core's minified bundle (a third faster to inject than its source), read once per worker.
// @axe-core/playwright re-injects axe into every frame and returns passes and inapplicable rules
// too: measured here, 3.6 s per page against 0.6 s for one injection and a violations-only run.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
// The test servers also serve that file (playwright.config.ts). Loaded from there by a script tag
// (allowed: same origin), the browser keeps its compiled code: ~70 ms a page instead of ~300 ms.
const SERVED_AT = new Set([PORT, BASE_PORT].map(String));

/** Puts axe into the page: from the test server where it is served, else by evaluating its source. */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate(() => 'axe' in window)) return;
  if (!SERVED_AT.has(new URL(page.url()).port)) {
    // evaluate() runs outside the page's CSP, as AxeBuilder's injection does.
    await page.evaluate(AXE_SOURCE);
    return;
  }
  await page.evaluate(
    (src) =>
      new Promise<void>((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        script.onload = () => resolve();
        script.onerror = () => reject(new Error(`could not load ${src}`));
        document.head.append(script);
      }),
    AXE_URL,
  );
}

/** Set on the page by `markContrastSamples` for the link sampling that runs after it: one way to hash a look and read a backdrop. */
interface LookHelpers {
  hash: (text: string) => string;
  /** The paint of a box (background, opacity, filter, blend), or '' when it paints nothing. */
  backdrop: (s: CSSStyleDeclaration) => string;
}

/** The attribute that marks the text elements colour contrast checks (see `markContrastSamples`). */
const SAMPLE = 'data-contrast-sample';

/**
 * Marks, in the page, one text element per distinct look not in `known`; returns the new looks and how
 * many elements it marked.
 *
 * Colour contrast was two thirds of the browser suite's axe time (a fix page has ~300 text elements,
 * `/map/` 1,700) while most of them repeat a handful of looks. An element's contrast follows from its own
 * colour, size, weight and text shadow and from the backgrounds, opacity, filters and blend modes of it and
 * every ancestor (pseudo-elements included): two elements alike in all of those have the same contrast,
 * so axe checks one of each kind. Anything that could paint across the normal flow is always checked
 * itself: an element that is absolute, fixed or stuck (sticky and held at its offset) or sits inside one,
 * and any text whose box meets such an element. A box clipped to nothing (the visually hidden labels)
 * paints nothing, and text above or left of the page can never be seen, so neither counts. The same holds
 * across pages (a look is its computed colours, not its page), so `known` carries the looks already
 * checked on earlier pages: most pages then mark nothing, and colour contrast is not run on them at all.
 * Code blocks are left out unless `withCode`: a look only seen where it was not checked must not count as
 * checked.
 * Serialised into the page by Playwright: it must not use anything from this module.
 */
function markContrastSamples({ attr, known, withCode }: { attr: string; known: string[]; withCode: boolean }): { looks: string[]; marked: number } {
  for (const el of document.querySelectorAll(`[${attr}]`)) el.removeAttribute(attr);
  /**
   * A sticky box is in the flow until it is held at its offset. When no ancestor clips overflow, the page
   * is what scrolls it: then, with only `top` set, it is held once its top reaches that offset. Any other
   * sticky box counts as held.
   */
  const stuck = (el: Element, s: CSSStyleDeclaration) => {
    if (s.bottom !== 'auto' || s.left !== 'auto' || s.right !== 'auto' || !s.top.endsWith('px')) return true;
    for (let up = el.parentElement; up && up !== document.documentElement; up = up.parentElement) {
      const o = getComputedStyle(up);
      if (o.overflowX !== 'visible' || o.overflowY !== 'visible') return true;
    }
    return el.getBoundingClientRect().top <= parseFloat(s.top) + 1;
  };
  const positioned = (s: CSSStyleDeclaration) => s.position === 'absolute' || s.position === 'fixed';
  const outOfFlowAt = (el: Element, s: CSSStyleDeclaration) => positioned(s) || (s.position === 'sticky' && stuck(el, s));
  // One pass over the page's styles finds both the layers that paint and the boxes clipped to nothing
  // (`clip` applies to absolute and fixed boxes only, and hides their whole content).
  const clipped: Element[] = [];
  const layers: DOMRect[] = [];
  // Code blocks hold thousands of token spans and no boxes that leave the flow: skip them when not checked.
  const scope = withCode ? '*' : ':not(pre):not(pre *)';
  for (const el of document.body.querySelectorAll(scope)) {
    const s = getComputedStyle(el);
    if (positioned(s) && s.clip === 'rect(0px, 0px, 0px, 0px)') clipped.push(el);
    else if (outOfFlowAt(el, s)) layers.push(el.getBoundingClientRect());
  }
  const hiddenByClip = (el: Element) => clipped.some((c) => c.contains(el));
  const meets = (r: DOMRect) => layers.some((l) => r.left < l.right && l.left < r.right && r.top < l.bottom && l.top < r.bottom);
  const paint = (s: CSSStyleDeclaration) => `${s.backgroundColor} ${s.backgroundImage} ${s.opacity} ${s.filter} ${s.mixBlendMode}`;
  /** What `paint` reads for a box that paints nothing: no background, fully opaque, no filter or blend. */
  const NEUTRAL = 'rgba(0, 0, 0, 0) none 1 none normal';
  /**
   * The paint of an element and all its ancestors, or undefined when one is out of flow. Kept per
   * element: siblings share their ancestors, and reading styles was most of this function's time.
   */
  const chains = new Map<Element, string | undefined>();
  const chainOf = (e: Element): string | undefined => {
    if (chains.has(e)) return chains.get(e);
    const s = getComputedStyle(e);
    const up = e.parentElement ? chainOf(e.parentElement) : '';
    if (outOfFlowAt(e, s) || up === undefined) {
      chains.set(e, undefined);
      return undefined;
    }
    // A box that paints nothing (no background, fully opaque, no filter or blend, nor do its ::before and
    // ::after) leaves the backdrop as its parent's: it adds nothing, so text one wrapper deeper keeps its look.
    const own = [s, getComputedStyle(e, '::before'), getComputedStyle(e, '::after')].map(paint);
    const chain = own.every((p) => p === NEUTRAL) ? up : `${own.join('|')}|${up}`;
    chains.set(e, chain);
    return chain;
  };
  /** What decides the element's contrast, or undefined when it must be checked on its own. */
  const lookOf = (el: Element): string | undefined => {
    const own = getComputedStyle(el);
    const chain = chainOf(el);
    return chain === undefined ? undefined : hash(`${own.color}|${own.fontSize}|${own.fontWeight}|${own.textShadow}|${own.webkitTextFillColor}|${chain}`);
  };
  /** cyrb53: a look is a few kilobytes of style text, and the looks cross to the test and back on every page. */
  const hash = (text: string): string => {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  // The link sampling in `axeViolations` hashes its looks the same way and leaves out the same paint-less boxes
  // (it runs after this, on the same page).
  const shared: LookHelpers = { hash, backdrop: (s) => (paint(s) === NEUTRAL ? '' : paint(s)) };
  Object.assign(window, { __looks: shared });
  const seen = new Set<string>(known);
  const found: string[] = [];
  let marked = 0;
  for (const el of document.body.querySelectorAll(scope)) {
    if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim())) continue;
    // Hidden text is not checked by axe: it must not stand in for visible text of the same look.
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const box = el.getBoundingClientRect();
    if (box.bottom + scrollY <= 0 || box.right + scrollX <= 0 || hiddenByClip(el)) continue;
    const look = meets(box) ? undefined : lookOf(el);
    if (look !== undefined && seen.has(look)) continue;
    if (look !== undefined) {
      seen.add(look);
      found.push(look);
    }
    el.setAttribute(attr, '');
    marked++;
  }
  return { looks: found, marked };
}

/** Colour contrast skips code blocks unless asked: their palette is checked once (tests/unit/code-colours.test.ts). */
const NOT_IN_CODE_BLOCKS = ':not(pre):not(pre *)';
/**
 * Inside a code block, the other rules are skipped unless asked too: the highlighter's token spans carry no
 * role, name, id or attribute a rule reads, yet they were 40% of axe's time on the pages (a long fix page has
 * ~80 blocks). The block itself (the focusable, scrolling <pre>) is still checked; the code page checks
 * the contents with every rule (pages.spec.ts).
 */
const CODE_CONTENTS = 'pre > code';

/**
 * Axe violations on the page as it is now, one line per rule: "rule-id: selector, selector".
 * The site's pages have no iframes of their own (the help-desk embed is checked from inside its
 * frame), so axe runs on the top document only and never waits on a frame.
 * Colour contrast checks one text element of each look (`markContrastSamples`); pass `checkedLooks`
 * (kept across calls) to also skip the looks checked on earlier pages.
 * `codeBlocks: 'check'` includes code blocks; by default colour contrast leaves them to the unit test of
 * their palette (each token span rechecked the same few colour pairs on every page), and the other rules
 * check the <pre> but not the highlighted code inside it.
 */
export async function axeViolations(
  page: Page,
  only: 'all' | 'colour' = 'all',
  codeBlocks: 'skip' | 'check' = 'skip',
  checkedLooks: Set<string> = new Set(),
  skipRules: readonly string[] = [],
): Promise<string[]> {
  const { looks, marked } = await page.evaluate(markContrastSamples, { attr: SAMPLE, known: [...checkedLooks], withCode: codeBlocks === 'check' });
  for (const look of looks) checkedLooks.add(look);
  // With no text marked, colour contrast would find nothing, after building its map of the whole page.
  const skipped = new Set([...skipRules, ...(marked === 0 ? ['color-contrast'] : [])]);
  const colourRules = COLOUR_RULES.filter((r) => !skipped.has(r));
  // Nothing left to check in this scheme: no need for axe at all.
  if (only === 'colour' && !colourRules.length) return [];
  await injectAxe(page);
  const options: RunOptions = {
    runOnly: only === 'colour' ? { type: 'rule', values: colourRules } : { type: 'tag', values: AXE_TAGS },
    rules: only === 'colour' ? {} : Object.fromEntries([...skipped].map((id) => [id, { enabled: false }])),
    resultTypes: ['violations'],
    iframes: false,
  };
  const { violations, linkLooks } = await page.evaluate(
    async ({ opts, contrastSelector, knownLinks, skipInside }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') & { _audit: { rules: { id: string; matches: (node: Element, vNode: unknown) => boolean }[] } } }).axe;
      axe.reset();
      axe.configure({ rules: [{ id: 'color-contrast', selector: contrastSelector }] });
      // Links told apart from text (link-in-text-block) was the costliest rule left on a long page (~2 ms per link,
      // ~40 links a page). Its outcome for a link follows from the computed styles of the link, of its contents,
      // of every element from it up to its text block and of that block, and from the backgrounds behind them:
      // two links alike in all of those, both in a text block, get the same outcome. axe's own test decides
      // whether a link is in a text block at all; only a link it would judge is sampled, so a look is
      // counted as checked only once axe has judged a link of it.
      const rule = axe._audit.rules.find((r) => r.id === 'link-in-text-block');
      const applies = rule?.matches;
      const seen = new Set(knownLinks);
      const found: string[] = [];
      if (rule && applies) {
        const STYLE = ['color', 'background-color', 'background-image', 'text-decoration-line', 'text-decoration-style', 'text-decoration-color', 'text-decoration-thickness', 'text-underline-offset', 'border-top', 'border-bottom', 'outline', 'font-weight', 'font-style', 'font-size', 'font-family', 'opacity', 'filter', 'mix-blend-mode', 'text-shadow', 'box-shadow', 'display', 'position'];
        const styleOf = (el: Element, pseudo?: string) => {
          const s = getComputedStyle(el, pseudo);
          return STYLE.map((p) => s.getPropertyValue(p)).join(';') + (pseudo ? `;${s.content}` : '');
        };
        const isBlock = (el: Element) => !/^inline/.test(getComputedStyle(el).display);
        const lookOf = (link: Element) => {
          const parts = [styleOf(link), styleOf(link, '::before'), styleOf(link, '::after'), ...[...link.querySelectorAll('*')].map((c) => `${c.localName}:${styleOf(c)}`)];
          let up = link.parentElement;
          for (; up && !isBlock(up); up = up.parentElement) parts.push(styleOf(up));
          // The block: what the link's colours and styles are compared with.
          if (up) parts.push(styleOf(up));
          // Behind it, only what paints counts (the backdrop both colours are seen against); a box that paints
          // nothing adds nothing, so the same paragraph one wrapper deeper keeps its look.
          const { hash, backdrop } = (window as unknown as { __looks: LookHelpers }).__looks;
          for (up = up?.parentElement ?? null; up; up = up.parentElement) {
            const paint = backdrop(getComputedStyle(up));
            if (paint) parts.push(paint);
          }
          return `link:${hash(parts.join('|'))}`;
        };
        rule.matches = (node, vNode) => {
          if (!applies.call(rule, node, vNode)) return false;
          const look = lookOf(node);
          if (seen.has(look)) return false;
          seen.add(look);
          found.push(look);
          return true;
        };
      }
      try {
        const results = await axe.run(skipInside ? { exclude: [[skipInside]] } : document, opts);
        return { violations: results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), linkLooks: found };
      } finally {
        if (rule && applies) rule.matches = applies;
      }
    },
    { opts: options, contrastSelector: `[${SAMPLE}]${codeBlocks === 'skip' ? NOT_IN_CODE_BLOCKS : ''}`, knownLinks: [...checkedLooks].filter((l) => l.startsWith('link:')), skipInside: codeBlocks === 'skip' ? CODE_CONTENTS : '' },
  );
  for (const look of linkLooks) checkedLooks.add(look);
  return violations;
}
