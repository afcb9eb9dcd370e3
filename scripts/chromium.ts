/**
 * Which Chromium the browser tests drive: CHROMIUM_PATH if set, else Debian's
 * /usr/bin/chromium, else undefined (Playwright's own download, where allowed).
 */
import { existsSync } from 'node:fs';

export const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function findChromium(env = process.env, exists = existsSync): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  return SYSTEM_CHROMIUM.find((p) => exists(p));
}

// Flags that keep Chromium quiet on a machine without internet and as root in CI.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
];
