/**
 * Code blocks have their own palette: a dark background in both colour schemes and one colour per
 * Prism token class. Their contrast is checked here, for every token colour the stylesheet defines
 * against both code backgrounds, instead of on every built page: axe's colour-contrast on each span
 * of each code block was most of the browser suite's time, and rechecked the same few pairs on
 * every page. The browser pages test still checks one page with all its code blocks in both schemes,
 * so the stylesheet's cascade is seen once as a browser renders it.
 */
import { readFileSync } from 'node:fs';
import { wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';

const css = readFileSync('src/styles/global.css', 'utf8');

/**
 * The value of a custom property in a scheme: `:root` sets the light one; the `prefers-color-scheme:
 * dark` block overrides some of them, and the rest keep their light value, as in the cascade.
 */
function customProperty(name: string, scheme: 'light' | 'dark'): string {
  const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
  const find = (block: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{3,8})\\b`, 'i').exec(block)?.[1];
  const value = (scheme === 'dark' ? find(css.slice(darkStart)) : undefined) ?? find(css.slice(0, darkStart));
  if (!value) throw new Error(`--${name} is not set in global.css`);
  return value;
}

/** Every `.token…` rule's colour, by its selector. */
function tokenColours(): [selector: string, colour: string][] {
  return [...css.matchAll(/^(\.token[^{\n]*)\{\s*color:\s*(#[0-9a-f]{3,8})\s*;\s*\}/gim)].map((m) => [m[1]!.trim(), m[2]!]);
}

// Code is normal-size text: WCAG 2.x AA asks 4.5:1.
const AA = 4.5;

describe('code block colours', () => {
  it('finds the token rules and both code backgrounds in the stylesheet', () => {
    expect(tokenColours().length).toBeGreaterThanOrEqual(6);
    expect(customProperty('code-bg', 'light')).not.toBe(customProperty('code-bg', 'dark'));
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every token colour and the code ink reach ${AA}:1 on the ${scheme} scheme's code background`, () => {
      const bg = customProperty('code-bg', scheme);
      const ink = customProperty('code-ink', scheme);
      const low = [['code ink', ink] as const, ...tokenColours()]
        .map(([what, colour]) => ({ what, colour, ratio: wcagContrast(colour, bg) }))
        .filter((c) => c.ratio < AA)
        .map((c) => `${c.what} ${c.colour} on ${bg}: ${c.ratio.toFixed(2)}:1`);
      expect(low).toEqual([]);
    });
  }
});
