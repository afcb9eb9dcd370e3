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
  },
});
