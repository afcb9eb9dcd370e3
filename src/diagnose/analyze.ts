/**
 * Entry point for the response analyzer: paste in, findings out. Pure and
 * synchronous so the page can run it on every edit, in the browser.
 */
import { cacheRule } from './cache';
import { challengeRule, collectChallenges, type ChallengeSummary } from './challenges';
import { buildContext, type Rule } from './context';
import { cookieRule } from './cookies';
import { corsRule } from './cors';
import { sortFindings, type Finding, type Severity } from './finding';
import type { FixId } from './fix-ids';
import { firstHeader } from './headers';
import { parseInput, type InputFormat } from './input';
import { originHintsRule } from './origin-hints';
import { redirectRule } from './redirects';
import { requestAuthRule } from './request-auth';
import { signatureRule } from './signatures';
import { statusRule } from './status';

/** A page of findings is already too many to read; past this the paste is not one exchange. */
export const MAX_FINDINGS = 100;
const MAX_SUMMARY_CHALLENGES = 20;

export interface AnalysisSummary {
  readonly format: InputFormat;
  /** Status of the response the findings centre on (the last error, else the last response). */
  readonly status?: number;
  readonly statusText?: string;
  readonly requestUrl?: string;
  readonly method?: string;
  readonly responseCount: number;
  /** The Date header of that response, as written: the server's clock at the time (the JWT inspector uses it). */
  readonly date?: string;
  readonly challenges: ChallengeSummary[];
  readonly counts: Readonly<Record<Severity, number>>;
  /** Linked fixes, most severe first, without repeats. */
  readonly fixIds: FixId[];
  /** The fix to offer first, if any finding links one. */
  readonly primaryFixId?: FixId;
}

export interface Analysis {
  readonly findings: Finding[];
  readonly notices: string[];
  readonly summary: AnalysisSummary;
}

const RULES: ReadonlyArray<readonly [string, Rule]> = [
  ['status', statusRule],
  ['WWW-Authenticate', challengeRule],
  ['request credentials', requestAuthRule],
  ['cookies', cookieRule],
  ['redirects', redirectRule],
  ['caching', cacheRule],
  ['CORS', corsRule],
  ['origin', originHintsRule],
  ['known error messages', signatureRule],
];

export function analyze(text: string, now: Date = new Date()): Analysis {
  const input = parseInput(text);
  const notices = [...input.notices];
  const ctx = buildContext(input, now);

  const found: Finding[] = [];
  for (const [name, rule] of RULES) {
    try {
      found.push(...rule(ctx, notices));
    } catch {
      // One broken check must not hide what the others found.
      notices.push(`The ${name} check failed on this input and was skipped.`);
    }
  }

  const seen = new Set<string>();
  const unique = found.filter((f) => {
    const key = `${f.id}\u0000${f.quote}\u0000${f.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  let findings = sortFindings(unique);
  if (findings.length > MAX_FINDINGS) {
    notices.push(`Only the first ${MAX_FINDINGS} of ${findings.length} findings are shown.`);
    findings = findings.slice(0, MAX_FINDINGS);
  }

  const counts: Record<Severity, number> = { problem: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const fixIds = [...new Set(findings.flatMap((f) => (f.fixId === undefined ? [] : [f.fixId])))];
  const focus = ctx.focus?.response;
  const primaryFixId = fixIds[0];
  const date = focus && firstHeader(focus.headers, 'date')?.[1];

  return {
    findings,
    notices,
    summary: {
      format: input.format,
      responseCount: input.responses.length,
      challenges: collectChallenges(ctx).slice(0, MAX_SUMMARY_CHALLENGES),
      counts,
      fixIds,
      ...(focus?.status !== undefined && { status: focus.status }),
      ...(focus?.statusText !== undefined && { statusText: focus.statusText }),
      ...(input.requestUrl !== undefined && { requestUrl: input.requestUrl }),
      ...(input.method !== undefined && { method: input.method }),
      ...(primaryFixId !== undefined && { primaryFixId }),
      ...(date !== undefined && { date }),
    },
  };
}
