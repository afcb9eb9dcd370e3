/**
 * Outcome events: what a help desk may count (which steps are shown, which
 * answers chosen, which fixes work), built from ids only.
 *
 * The input types have no field that could hold free text, and every value is
 * checked again at run time: an id is a short lowercase slug (the shape every
 * content id has), a status is a three-digit number. Anything else makes
 * outcome() return undefined, so nothing is sent. No query, paste, token or
 * typed text can be expressed as an event.
 *
 * Pure: no DOM. src/components/outcome-events.ts dispatches what this returns.
 */

/** A content id: lowercase words joined by single hyphens, at most 80 characters. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_ID = 80;

export const OUTCOME_EVENT = 'fix401:outcome';
export const OUTCOME_MESSAGE = 'fix401:outcome';

/** What can be reported; each variant names the ids it carries. */
export type OutcomeInput =
  | { type: 'step-shown'; node: string }
  | { type: 'answer-chosen'; node: string; answer: string }
  | { type: 'fixed'; fix: string }
  | { type: 'not-fixed'; fix: string }
  | { type: 'escalated'; fix?: string }
  | { type: 'search-result-chosen'; result: string; rank: number }
  | { type: 'finding-shown'; finding: string; status?: number };

export type OutcomeType = OutcomeInput['type'];

/** The event's detail: the input's ids, plus whether the page was framed by the embed. */
export type OutcomeDetail = OutcomeInput & { embedded: boolean };

export const OUTCOME_TYPES: readonly OutcomeType[] = [
  'step-shown',
  'answer-chosen',
  'fixed',
  'not-fixed',
  'escalated',
  'search-result-chosen',
  'finding-shown',
];

/** The keys each type may carry (besides `type` and `embedded`), and which are required. */
const FIELDS: Record<OutcomeType, { ids: string[]; optionalIds?: string[]; numbers?: string[]; optionalNumbers?: string[] }> = {
  'step-shown': { ids: ['node'] },
  'answer-chosen': { ids: ['node', 'answer'] },
  fixed: { ids: ['fix'] },
  'not-fixed': { ids: ['fix'] },
  escalated: { ids: [], optionalIds: ['fix'] },
  'search-result-chosen': { ids: ['result'], numbers: ['rank'] },
  'finding-shown': { ids: ['finding'], optionalNumbers: ['status'] },
};

export const isId = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_ID && ID.test(v);
const isStatus = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599;
const isRank = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 1000;

/**
 * The event detail for `input`, or undefined when any value is not an id /
 * number of the allowed shape, or a key is not one this type carries.
 */
export function outcome(input: OutcomeInput, embedded = false): OutcomeDetail | undefined {
  const raw = input as unknown as Record<string, unknown>;
  const spec = FIELDS[input.type as OutcomeType];
  if (!spec) return undefined;
  const out: Record<string, unknown> = { type: input.type };
  const allowed = new Set(['type', ...spec.ids, ...(spec.optionalIds ?? []), ...(spec.numbers ?? []), ...(spec.optionalNumbers ?? [])]);
  for (const key of Object.keys(raw)) if (!allowed.has(key)) return undefined;
  for (const key of spec.ids) {
    if (!isId(raw[key])) return undefined;
    out[key] = raw[key];
  }
  for (const key of spec.optionalIds ?? []) {
    if (raw[key] === undefined) continue;
    if (!isId(raw[key])) return undefined;
    out[key] = raw[key];
  }
  for (const key of [...(spec.numbers ?? []), ...(spec.optionalNumbers ?? [])]) {
    const v = raw[key];
    if (v === undefined && spec.optionalNumbers?.includes(key)) continue;
    if (!(key === 'status' ? isStatus(v) : isRank(v))) return undefined;
    out[key] = v;
  }
  out.embedded = embedded;
  return out as OutcomeDetail;
}

/** Re-checks a detail that arrived from elsewhere (a stored journey, a message). */
export function checkDetail(value: unknown): OutcomeDetail | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { embedded, ...rest } = value as Record<string, unknown>;
  if (typeof embedded !== 'boolean') return undefined;
  return outcome(rest as OutcomeInput, embedded);
}

/** The beacon body: the detail as JSON (sent as text/plain, so no CORS preflight). */
export const beaconBody = (detail: OutcomeDetail): string => JSON.stringify(detail);

// ---------------------------------------------------------------------------
// The journey: the events of this tab, kept (ids only) so the support request
// can say what actually happened rather than what usually happens.

export const JOURNEY_KEY = 'fix401:journey';
export const MAX_JOURNEY = 200;

export function appendJourney(journey: readonly OutcomeDetail[], detail: OutcomeDetail): OutcomeDetail[] {
  const next = [...journey, detail];
  return next.length > MAX_JOURNEY ? next.slice(next.length - MAX_JOURNEY) : next;
}

/** Parses a stored journey; anything malformed is dropped (the whole value if it is not a list). */
export function parseJourney(raw: string | null | undefined): OutcomeDetail[] {
  if (!raw) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.slice(-MAX_JOURNEY).flatMap((v) => {
    const d = checkDetail(v);
    return d ? [d] : [];
  });
}
