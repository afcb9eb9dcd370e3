import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type { RunOptions } from 'axe-core';

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

/** Colour contrast skips code blocks unless asked: their palette is checked once (tests/unit/code-colours.test.ts). */
const NOT_IN_CODE_BLOCKS = '*:not(pre):not(pre *)';

/**
 * Axe violations on the page as it is now, one line per rule: "rule-id: selector, selector".
 * The site's pages have no iframes of their own (the help-desk embed is checked from inside its
 * frame), so axe runs on the top document only and never waits on a frame.
 * `codeBlocks: 'check'` includes code blocks in colour contrast; by default they are left to the
 * unit test of their palette (each token span rechecked the same few colour pairs on every page).
 */
export async function axeViolations(page: Page, only: 'all' | 'colour' = 'all', codeBlocks: 'skip' | 'check' = 'skip'): Promise<string[]> {
  // evaluate() runs outside the page's CSP, as AxeBuilder's injection does.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const options: RunOptions = {
    runOnly: only === 'colour' ? { type: 'rule', values: COLOUR_RULES } : { type: 'tag', values: AXE_TAGS },
    resultTypes: ['violations'],
    iframes: false,
  };
  return page.evaluate(
    async ({ opts, contrastSelector }) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      axe.reset();
      if (contrastSelector) axe.configure({ rules: [{ id: 'color-contrast', selector: contrastSelector }] });
      const results = await axe.run(document, opts);
      return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    },
    { opts: options, contrastSelector: codeBlocks === 'skip' ? NOT_IN_CODE_BLOCKS : undefined },
  );
}
