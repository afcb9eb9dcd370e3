import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rules every page must pass: WCAG 2.0, 2.1 and 2.2 A/AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * The rules whose outcome depends on colour. Between the light and the dark scheme only colours
 * change (same markup, same layout), so the second scheme needs only these: half the axe time.
 */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** Axe violations on the page as it is now, one line per rule: "rule-id: selector, selector". */
export async function axeViolations(page: Page, only: 'all' | 'colour' = 'all'): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (only === 'colour' ? builder.withRules(COLOUR_RULES) : builder.withTags(AXE_TAGS)).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
