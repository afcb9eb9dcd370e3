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
 * The browser tests tune V8 for short-lived pages. Without its background threads: measured on this
 * 2-core machine, its concurrent compilers and GC spent ~0.45 s of CPU per page on axe's bundle without
 * making the page's own thread faster, CPU taken from the other test worker. Without its optimising
 * tiers (Maglev, TurboFan): a page lives for a second or two, too short to pay back optimising axe's
 * code on the page's own thread (measured: ~12% less time per page checked, interleaved runs).
 * With the GPU process folded into the browser process (--in-process-gpu): with --disable-gpu it only
 * composites in software, and as a process of its own it cost a tenth of a core per browser in IPC
 * (measured: the pages spec 80 s against 89 s, two interleaved runs each).
 * Page behaviour is unchanged (same JavaScript, Web Workers still run). Not for the bench: it
 * measures the browser as people run it.
 */
export const TEST_CHROMIUM_ARGS = [...CHROMIUM_ARGS, '--in-process-gpu', '--js-flags=--single-threaded --no-maglev --no-turbofan'];
