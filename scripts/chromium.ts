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

/**
 * The browser tests add one flag: V8 without its background threads. Measured on this 2-core machine,
 * its concurrent compilers and GC spent ~0.45 s of CPU per page on axe's bundle without making the
 * page's own thread faster; with two test workers that CPU was taken from the other worker. Page
 * behaviour is unchanged (same JavaScript, Web Workers still run). Not for the bench: it measures
 * the browser as people run it.
 */
export const TEST_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--js-flags=--single-threaded'];
