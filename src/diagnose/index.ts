/** Public API of the evidence analyzers (pure TypeScript; runs in the browser and in tests). */
export { analyze, MAX_FINDINGS, type Analysis, type AnalysisSummary } from './analyze';
export type { ChallengeSummary } from './challenges';
export { checkClock, CLOCK_SKEW_LIMIT_MS, type ClockInput, type ClockReport } from './clock';
export { FINDING_CATALOG, SEVERITIES, sortFindings, type Finding, type FindingId, type Severity } from './finding';
export { FIX_IDS, type FixId } from './fix-ids';
export type { Header, SourceLine } from './headers';
export {
  parseInput,
  MAX_INPUT_CHARS,
  MAX_LINE_CHARS,
  MAX_LINES,
  MAX_RESPONSES,
  MAX_HEADERS_PER_RESPONSE,
  type ParsedInput,
  type ParsedResponse,
  type InputFormat,
  type ConsoleError,
} from './input';
export {
  decodeJwt,
  cleanToken,
  claimWhen,
  CLOCK_SKEW_ALLOWANCE_MS,
  type JwtReport,
  type TimeClaim,
  type DecodeOptions,
} from './jwt';
export { prettyJson, MAX_PRETTY_DEPTH, MAX_PRETTY_CHARS, type Pretty } from './json-pretty';
export { referenceClock, type ReferenceClock, type ClockSource } from './jwt-clock';
export { parseChallenges, challengeParam, type Challenge, type ChallengeParse } from './www-authenticate';
