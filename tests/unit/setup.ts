/**
 * Every unit test must assert something: a test that runs no expect() passes
 * whatever the code does (issue 15 found 23 such generated cases).
 */
import { beforeEach, expect } from 'vitest';

beforeEach(() => {
  expect.hasAssertions();
});
