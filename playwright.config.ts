import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { TEST_CHROMIUM_ARGS, findChromium } from './scripts/chromium';

export const PORT = 4400;
export const BASE_PORT = 4401;
export const BASE_PATH = '/help/401/';
/** Where the two servers below also serve axe-core (tests/e2e/lib/axe.ts); never part of a build. */
export const AXE_URL = '/__test__/axe.min.js';
const serveAxe = `--also ${AXE_URL}=node_modules/axe-core/axe.min.js`;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  // One worker (one browser) per core: axe and layout are CPU-bound, more workers only queue.
  workers: availableParallelism(),
  retries: 0,
  // A stray test.only would silently skip the rest of the suite, locally as on CI.
  forbidOnly: true,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath: findChromium(), args: TEST_CHROMIUM_ARGS },
    // Recording a trace snapshots the DOM on every action: about a fifth of the suite's time here.
    // To debug a failure, re-run it with `npx playwright test <file> --trace on`.
    trace: 'off',
    // The site scrolls smoothly for people without the reduced-motion preference (global.css), and moving
    // focus to a result scrolls too. A click during that animation can land where a button was a moment
    // ago, so a test went on with the old result. Tests run with instant scrolling, as many people do.
    reducedMotion: 'reduce',
  },
  // Always our own servers: a server left running from another checkout or an older build would
  // serve different pages than the dist/ the specs read from disk (a busy port fails the run instead).
  webServer: [
    {
      // Static files with the build's own _headers, as a static host serves them.
      command: `tsx scripts/serve-static.ts dist / ${PORT} --plain ${serveAxe}`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
    {
      // The same site built under a sub-path, as a help desk might host it.
      command: `tsx scripts/serve-static.ts dist-base ${BASE_PATH} ${BASE_PORT} ${serveAxe}`,
      url: `http://127.0.0.1:${BASE_PORT}${BASE_PATH}`,
      reuseExistingServer: false,
    },
  ],
  // The sub-path project is listed first so its few long tests start early instead of running alone at the end.
  projects: [
    { name: 'base-path', testMatch: /base-path\.spec\.ts/, use: { baseURL: `http://localhost:${BASE_PORT}${BASE_PATH}` } },
    { name: 'site', testIgnore: /base-path\.spec\.ts/ },
  ],
});
