/**
 * npm test: type check, unit tests, both builds (root and sub-path), browser
 * tests. Finds or installs Chromium first. Ends with one summary line,
 * "Summary: N passed, N failed", counting every test plus each check step.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, mkdirSync } from 'node:fs';
import { findChromium } from './chromium';

let passed = 0;
let failed = 0;
const failures: string[] = [];

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}: ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
function step(label: string, ok: boolean) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
}
function readJson<T>(path: string): T | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

function ensureChromium(): boolean {
  if (findChromium()) return true;
  const root = process.getuid?.() === 0;
  if (root && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium package.');
    run('install chromium', 'sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
    if (findChromium()) return true;
  }
  console.log('Falling back to Playwright\'s own Chromium.');
  return run('install playwright chromium', 'npx', ['playwright', 'install', 'chromium']);
}

mkdirSync('test-results', { recursive: true });
step('chromium available', ensureChromium());
step('type check (astro check)', run('type check', 'astro', ['check', '--minimumSeverity', 'warning']));

const unitOk = run('unit tests', 'vitest', ['run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
const unit = readJson<{ numPassedTests: number; numFailedTests: number }>('test-results/unit.json');
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests;
  if (unit.numFailedTests) failures.push(`${unit.numFailedTests} unit test(s)`);
}
if (!unitOk && !unit?.numFailedTests) step('unit tests ran', false);

const built = run('build', 'astro', ['build']);
step('build', built);
const builtBase = run('build under /help/401/', 'astro', ['build'], { OUT_DIR: 'dist-base', BASE_PATH: '/help/401/' });
step('build under a base path', builtBase);

if (built && builtBase) {
  const e2eOk = run('browser tests', 'playwright', ['test']);
  const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>('test-results/e2e.json');
  if (e2e) {
    passed += e2e.stats.expected + e2e.stats.flaky;
    failed += e2e.stats.unexpected;
    if (e2e.stats.unexpected) failures.push(`${e2e.stats.unexpected} browser test(s)`);
  }
  if (!e2eOk && !e2e?.stats.unexpected) step('browser tests ran', false);
}

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\nSummary: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
