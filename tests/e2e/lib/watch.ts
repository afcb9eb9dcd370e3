import type { Page } from '@playwright/test';

/**
 * Records what a page must never do: log an error, break the CSP, or talk to
 * any origin but its own.
 */
export async function watch(page: Page) {
  const consoleErrors: string[] = [];
  const external: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['localhost', '127.0.0.1'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) external.push(r.url());
  });
  await page.addInitScript(() => {
    (window as unknown as { __csp: string[] }).__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return {
    /** Forgets what was seen, before the next page of a batch. */
    reset() {
      consoleErrors.length = 0;
      external.length = 0;
    },
    consoleErrors,
    external,
    csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp),
  };
}
