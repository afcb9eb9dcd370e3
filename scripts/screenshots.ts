/**
 * npm run screenshots: captures key pages at 360 px and 1280 px, light and
 * dark, into screenshots/ (git-ignored) for a human look before shipping.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium';

const base = process.env.URL ?? 'http://localhost:4321';
const paths = (process.argv[2] ?? '/,/guide/,/guide/proxy-strips-authorization/,/search/?q=jwt%20expired,/diagnose/,/map/,/guide/escalate/').split(',');
mkdirSync('screenshots', { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
for (const scheme of ['light', 'dark'] as const) {
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
    for (const p of paths) {
      await page.goto(base + p);
      await page.waitForTimeout(300);
      const name = `${(p.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'home')}-${width}-${scheme}.png`;
      await page.screenshot({ path: `screenshots/${name}`, fullPage: width === 360 ? false : false });
    }
    await page.close();
  }
}
await browser.close();
console.log('screenshots/ written');
