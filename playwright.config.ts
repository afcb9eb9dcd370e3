import { availableParallelism } from 'node:os';
import { defineConfig } from '@playwright/test';
import { TEST_CHROMIUM_ARGS, findChromium } from './scripts/chromium';

const PORT = 4400;
const BASE_PORT = 4401;
export const BASE_PATH = '/help/401/';

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
  },
  // Always our own servers: a server left running from another checkout or an older build would
  // serve different pages than the dist/ the specs read from disk (a busy port fails the run instead).
  webServer: [
    {
      command: `astro preview --port ${PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: false,
    },
    {
      // The same site built under a sub-path, as a help desk might host it.
      // astro preview runs one server per project, so this one is plain static files.
      command: `tsx scripts/serve-static.ts dist-base ${BASE_PATH} ${BASE_PORT}`,
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
