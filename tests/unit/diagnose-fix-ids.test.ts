/**
 * content/fixes is the source of truth for fix ids. The findings name their fix in
 * FINDING_CATALOG only (FIX_IDS and the FixId type are derived from it), so this
 * is the one check that a finding's "Go to the fix" leads to a page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/model/load-files';
import { FINDING_CATALOG, FIX_IDS } from '../../src/diagnose';

beforeEach(() => {
  expect.hasAssertions();
});

const { content } = loadContentDir('content');
const published = new Set(content.fixes.map((f) => f.data.id));

describe('diagnose fix links', () => {
  it('reads the fixes from content/', () => {
    expect(published.size).toBeGreaterThan(20);
  });

  it.each(Object.entries(FINDING_CATALOG).filter(([, e]) => 'fixId' in e))('%s links to a fix that exists', (_id, entry) => {
    expect(published).toContain((entry as { fixId: string }).fixId);
  });

  it('derives FIX_IDS from the catalog, each once', () => {
    const fromCatalog = new Set(Object.values(FINDING_CATALOG).flatMap((e) => ('fixId' in e ? [e.fixId] : [])));
    expect([...FIX_IDS].sort()).toEqual([...fromCatalog].sort());
    expect(new Set(FIX_IDS).size).toBe(FIX_IDS.length);
  });
});
