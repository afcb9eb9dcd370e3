/**
 * The corpus of real, public 401 reports (tests/fixtures/real-reports/*.jsonl), read and split.
 * The split is by a hash of each report's id, fixed before any tuning: 70% to tune on, 30% held out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RealReport {
  id: string;
  source: string;
  audience: 'visitor' | 'owner' | 'api' | 'cms' | 'cloud';
  words: string;
  cause: string;
  fixes: string[];
  gap?: string;
  /** Answer ids a person would pick in the guide, from the start, without knowing the cause. */
  answers: string[];
  part: 'tuning' | 'held-out';
  /** The file it came from: each file is a batch written at one time, before any tuning on it. */
  file: string;
}

/** FNV-1a, 32 bit: a stable, dependency-free hash so the split never moves. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export const partOf = (id: string): RealReport['part'] => (fnv1a(id) % 10 < 3 ? 'held-out' : 'tuning');

export function loadRealReports(dir = 'tests/fixtures/real-reports'): RealReport[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
          const r = JSON.parse(line) as Omit<RealReport, 'part' | 'file'>;
          return { ...r, part: partOf(r.id), file: f };
        }),
    );
}
