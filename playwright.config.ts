import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium';

const PORT = 4400;
const BASE_PORT = 4401;
export const BASE_PATH = '/help/401/';

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  webServer: [
    {
      command: `astro preview --port ${PORT} --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
    },
    {
      // The same site built under a sub-path, as a help desk might host it.
      // astro preview runs one server per project, so this one is plain static files.
      command: `tsx scripts/serve-static.ts dist-base ${BASE_PATH} ${BASE_PORT}`,
      url: `http://127.0.0.1:${BASE_PORT}${BASE_PATH}`,
      reuseExistingServer: !process.env.CI,
    },
  ],
  projects: [
    { name: 'site', testIgnore: /base-path\.spec\.ts/ },
    { name: 'base-path', testMatch: /base-path\.spec\.ts/, use: { baseURL: `http://localhost:${BASE_PORT}${BASE_PATH}` } },
  ],
});
