// ESLint flat config: TypeScript (type-aware for .ts), Astro components, and regex safety.
// `npm run lint` runs it; `npm test` runs it right after the type check.
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-*/**', 'node_modules/**', '.astro/**', 'test-results/**', 'playwright-report/**', 'bench/generated/**', '.stryker-tmp/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs['flat/recommended'],
  regexp.configs['flat/recommended'],
  {
    // Type-aware rules for plain TypeScript: the ones that catch real bugs and stay fast.
    // (Not the <script> blocks of .astro files: they are virtual files no tsconfig lists; the logic they load lives in .ts.)
    files: ['**/*.ts'],
    ignores: ['**/*.astro/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false, attributes: false } }],
    },
  },
  {
    rules: {
      // Stripping control characters from pasted input is deliberate (src/diagnose, src/search).
      'no-control-regex': 'off',
      // Token character sets are written out as RFC 9110 spells them (tchar, token68), not folded with the i flag.
      'regexp/use-ignore-case': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
    },
  },
  {
    // Content is untrusted input to every pattern in the site: no pattern may backtrack super-linearly.
    files: ['src/**'],
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    files: ['scripts/**', 'bench/**', 'tests/**', '*.config.{js,mjs,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);
