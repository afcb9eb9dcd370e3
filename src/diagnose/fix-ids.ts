/**
 * The fix ids the findings link to, derived from FINDING_CATALOG: the catalog is the
 * one place a finding names its fix. content/fixes is the source of truth for which
 * ids exist; tests/unit/diagnose-fix-ids.test.ts reads it and fails on any id here
 * without a fix page (a rename in content then breaks the test, not a link).
 */
import { FINDING_CATALOG } from './finding';

type Catalog = typeof FINDING_CATALOG;

/** Every fix id some finding links to. */
export type FixId = {
  [K in keyof Catalog]: Catalog[K] extends { readonly fixId: infer F extends string } ? F : never;
}[keyof Catalog];

export const FIX_IDS: readonly FixId[] = [
  ...new Set(
    Object.values(FINDING_CATALOG).flatMap((entry): FixId[] => ('fixId' in entry ? [entry.fixId as FixId] : [])),
  ),
];
