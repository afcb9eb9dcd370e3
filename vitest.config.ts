import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

// Under Stryker (npm run mutate) a mutant lives in the sandbox's src/, which the builds in
// build-errors.test.ts never load in-process: running them per mutant would only cost minutes.
const mutating = process.env.STRYKER_MUTATOR_WORKER !== undefined;

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    exclude: mutating ? [...configDefaults.exclude, 'tests/unit/build-errors.test.ts'] : configDefaults.exclude,
    environment: 'node',
    setupFiles: ['tests/unit/setup.ts'],
    // Test files share each worker's module cache: importing the content and the engine once per worker
    // rather than once per file halves the unit phase (measured: 30 s against 15 s). Under Stryker each
    // file stays isolated, so a mutant switched on for one test never leaks into another file's modules.
    isolate: mutating,
    // Vitest's default is one worker fewer than the cores: one worker here, which ran the build-errors file
    // (24 s, mostly waiting on its two Astro runs) and then every other file after it. With two workers the
    // other files run while those builds run: the unit phase of `npm test` fell from 44 s to ~30 s.
    maxWorkers: mutating ? undefined : Math.max(2, availableParallelism()),
    // A hang guard, not a speed check: beside three builds and the other worker, a file that writes and loads
    // ten copies of the content (~1 s alone) once took over Vitest's default 5 s on this 2-core machine.
    testTimeout: 60_000,
  },
});
