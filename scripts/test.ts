/**
 * npm test: Chromium; type check and lint (side by side); the unit tests beside the three
 * builds (root, sub-path, help-desk embed); browser tests; each phase timed.
 * Steps run side by side print their output whole, one after the other. Ends with one line,
 * "Summary: N passed, N failed": N counts the tests of this run (from the
 * result files this run writes, old ones deleted first) plus each check step
 * that failed. A check that passes (type check, lint, a build) is not a test
 * and is not counted; one that fails fails the run and is named above the line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './chromium';
import { HELPDESK_BUILD_ENV } from '../tests/e2e/lib/helpdesk-build';

const UNIT_RESULTS = 'test-results/unit.json';
const E2E_RESULTS = 'test-results/e2e.json';

const PHASES = ['chromium', 'type check', 'lint', 'unit tests', 'build', 'build under /help/401/', 'build for the help-desk embed', 'browser tests'] as const;
type Phase = (typeof PHASES)[number];

const started = Date.now();
const times: { phase: Phase; seconds: number; ok: boolean }[] = [];
const failedChecks: string[] = [];
const tests = { passed: 0, failed: 0, skipped: 0 };
const failedTests: string[] = [];

const since = (t: number) => (Date.now() - t) / 1000;

/** Runs one phase, printing where the run is, and records its time. */
function phase(name: Phase, body: () => boolean): boolean {
  const n = PHASES.indexOf(name) + 1;
  console.log(`\n▶ [${n}/${PHASES.length}] ${name} (${Math.round(since(started))} s in)`);
  const t = Date.now();
  const ok = body();
  times.push({ phase: name, seconds: since(t), ok });
  console.log(`${ok ? '✔' : '✘'} ${name}: ${since(t).toFixed(1)} s`);
  return ok;
}
function run(cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`  $ ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}
/** A check step: not a test; it only counts (as one failure) when it fails. */
function check(name: Phase, body: () => boolean): boolean {
  const ok = phase(name, body);
  if (!ok) failedChecks.push(name);
  return ok;
}

interface Job {
  name: Phase;
  cmd: string;
  args: string[];
  env?: Record<string, string>;
  /** Whether the step passed, given its exit status; a failing check is counted as one failure unless this decides otherwise. */
  judge?: (ok: boolean) => boolean;
}
/** Steps run side by side; each one's output is printed whole when it ends. */
async function checksTogether(jobs: Job[]): Promise<boolean[]> {
  for (const j of jobs) console.log(`\n▶ [${PHASES.indexOf(j.name) + 1}/${PHASES.length}] ${j.name} (${Math.round(since(started))} s in): ${[j.cmd, ...j.args].join(' ')}`);
  return Promise.all(
    jobs.map(
      (j) =>
        new Promise<boolean>((resolve) => {
          const t = Date.now();
          const child = spawn(j.cmd, j.args, { env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0', ...j.env } });
          const out: Buffer[] = [];
          child.stdout.on('data', (d: Buffer) => out.push(d));
          child.stderr.on('data', (d: Buffer) => out.push(d));
          let finished = false;
          const done = (exitOk: boolean) => {
            // A command that cannot start emits 'error' and then 'close': report it once.
            if (finished) return;
            finished = true;
            console.log(`\n── ${j.name} output ──`);
            process.stdout.write(Buffer.concat(out));
            const ok = j.judge ? j.judge(exitOk) : exitOk;
            if (!j.judge && !ok) failedChecks.push(j.name);
            times.push({ phase: j.name, seconds: since(t), ok });
            console.log(`${ok ? '✔' : '✘'} ${j.name}: ${since(t).toFixed(1)} s`);
            resolve(ok);
          };
          child.on('error', (e) => {
            out.push(Buffer.from(`${String(e)}\n`));
            done(false);
          });
          child.on('close', (code) => done(code === 0));
        }),
    ),
  );
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
    console.log("No Chromium found: installing Debian's chromium package.");
    run('sh', ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium']);
    if (findChromium()) return true;
  }
  console.log("Falling back to Playwright's own Chromium.");
  return run('npx', ['playwright', 'install', 'chromium']);
}

// Only this run's results count: a file left by an earlier run must never be read as this one's.
mkdirSync('test-results', { recursive: true });
for (const f of [UNIT_RESULTS, E2E_RESULTS]) rmSync(f, { force: true });

/** Unit test results count as tests (from this run's results file), not as one check. */
function judgeUnit(ok: boolean): boolean {
  const unit = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests?: number; numTodoTests?: number }>(UNIT_RESULTS);
  if (!unit) {
    failedChecks.push('unit tests (no results written)');
    return false;
  }
  tests.passed += unit.numPassedTests;
  tests.failed += unit.numFailedTests;
  tests.skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  if (unit.numFailedTests) failedTests.push(`${unit.numFailedTests} unit test(s)`);
  // Vitest can fail with every test passing (an error outside a test, an unhandled rejection).
  else if (!ok) failedChecks.push('unit tests (vitest failed outside any test)');
  return ok;
}

check('chromium', ensureChromium);
await checksTogether([
  { name: 'type check', cmd: 'astro', args: ['check', '--minimumSeverity', 'warning'] },
  { name: 'lint', cmd: 'eslint', args: ['.'] },
]);
// Each build keeps its own content-layer and Vite caches, so no two write the same store. The third is the
// help-desk embed's (built here rather than inside a browser test, where it held a worker for ~15 s).
// The unit tests run beside the builds, not beside type check and lint: measured, the three checks together
// took 65 s against 27 + 25 s in turn, while the unit tests' longest file mostly waits on its own builds.
const [, built, builtBase, builtHelpdesk] = await checksTogether([
  { name: 'unit tests', cmd: 'vitest', args: ['run', '--reporter=default', '--reporter=json', `--outputFile=${UNIT_RESULTS}`], judge: judgeUnit },
  { name: 'build', cmd: 'astro', args: ['build'] },
  { name: 'build under /help/401/', cmd: 'astro', args: ['build'], env: { OUT_DIR: 'dist-base', BASE_PATH: '/help/401/', ASTRO_CACHE_DIR: 'node_modules/.astro-base' } },
  { name: 'build for the help-desk embed', cmd: 'astro', args: ['build'], env: HELPDESK_BUILD_ENV },
]);

if (built && builtBase && builtHelpdesk) {
  phase('browser tests', () => {
    const ok = run('playwright', ['test'], { HELPDESK_BUILT: '1' });
    const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number }; errors?: unknown[] }>(E2E_RESULTS);
    if (!e2e) {
      failedChecks.push('browser tests (no results written)');
      return false;
    }
    tests.passed += e2e.stats.expected + e2e.stats.flaky;
    tests.failed += e2e.stats.unexpected;
    tests.skipped += e2e.stats.skipped;
    if (e2e.stats.unexpected) failedTests.push(`${e2e.stats.unexpected} browser test(s)`);
    // A server that would not start, a test.only or a broken spec file: Playwright fails without a failed test.
    else if (!ok) failedChecks.push('browser tests (Playwright failed outside any test)');
    return ok;
  });
} else {
  console.log('\nBrowser tests skipped: they need all three builds.');
  failedChecks.push('browser tests (not run: a build failed)');
}

console.log('\nTime per phase:');
const width = Math.max(...PHASES.map((p) => p.length));
for (const t of times) console.log(`  ${t.ok ? '✔' : '✘'} ${t.phase.padEnd(width)} ${t.seconds.toFixed(1).padStart(7)} s`);
console.log(`  ${'total'.padEnd(width + 2)} ${since(started).toFixed(1).padStart(7)} s`);
if (tests.skipped) console.log(`\n${tests.skipped} test(s) skipped.`);
if (failedTests.length) console.log(`\nFailed tests: ${failedTests.join('; ')}`);
if (failedChecks.length) console.log(`\nFailed checks: ${failedChecks.join('; ')}`);
const failed = tests.failed + failedChecks.length;
console.log(`\nSummary: ${tests.passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
