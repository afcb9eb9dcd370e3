/**
 * Browser storage for the guide, always wrapped: private modes and strict
 * settings throw on access, and the guide must keep working without saving.
 * What comes back is checked before use: anything malformed (another
 * version, a hand edit, a broken extension) is ignored and cleared.
 */
import type { GuideContext, TrailStep } from '../flow/types';

const CONTEXT_KEY = 'fix401:context';
const ticksKey = (fix: string) => `fix401:ticks:${fix}`;

const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Ticked step indexes: small non-negative integers. */
export function asTicks(v: unknown): number[] | undefined {
  return Array.isArray(v) && v.every((n) => Number.isInteger(n) && n >= 0 && n < 1000) ? (v as number[]) : undefined;
}

/** A stored context, or undefined when any part of it is not the shape the guide writes. */
export function asContext(v: unknown): GuideContext | undefined {
  if (!isRecord(v) || !Array.isArray(v.trail) || !isStrings(v.tried)) return undefined;
  const trail = v.trail as unknown[];
  if (!trail.every((s): s is TrailStep => isRecord(s) && isString(s.node) && isString(s.answer))) return undefined;
  const shortlist = v.shortlist ?? [];
  if (!isStrings(shortlist)) return undefined;
  const ticked = v.ticked ?? {};
  if (!isRecord(ticked) || !Object.values(ticked).every((t) => asTicks(t))) return undefined;
  return {
    trail: trail.map((s) => ({ node: s.node, answer: s.answer })),
    shortlist: [...shortlist],
    tried: [...v.tried],
    ticked: ticked as Record<string, number[]>,
  };
}

function read<T>(storage: () => Storage, key: string, guard: (v: unknown) => T | undefined): T | undefined {
  try {
    const raw = storage().getItem(key);
    if (raw === null) return undefined;
    let value: T | undefined;
    try {
      value = guard(JSON.parse(raw));
    } catch {
      value = undefined;
    }
    if (value === undefined) storage().removeItem(key);
    return value;
  } catch {
    return undefined;
  }
}
function write(storage: () => Storage, key: string, value: unknown): boolean {
  try {
    storage().setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

// The trail is per tab (sessionStorage): two tickets in two tabs must not mix.
export const loadContext = () => read(() => sessionStorage, CONTEXT_KEY, asContext);
export const saveContext = (c: GuideContext) => write(() => sessionStorage, CONTEXT_KEY, c);

// Ticks survive a reload and a closed tab (localStorage), per fix.
export const loadTicks = (fix: string) => read(() => localStorage, ticksKey(fix), asTicks) ?? [];
export const saveTicks = (fix: string, ticks: number[]) => write(() => localStorage, ticksKey(fix), ticks);
