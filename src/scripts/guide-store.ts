/**
 * Browser storage for the guide, always wrapped: private modes and strict
 * settings throw on access, and the guide must keep working without saving.
 */
import type { GuideContext } from '../flow/types';

const CONTEXT_KEY = 'fix401:context';
const ticksKey = (fix: string) => `fix401:ticks:${fix}`;

function read<T>(storage: () => Storage, key: string): T | undefined {
  try {
    const raw = storage().getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
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
export const loadContext = () => read<GuideContext>(() => sessionStorage, CONTEXT_KEY);
export const saveContext = (c: GuideContext) => write(() => sessionStorage, CONTEXT_KEY, c);

// Ticks survive a reload and a closed tab (localStorage), per fix.
export const loadTicks = (fix: string) => read<number[]>(() => localStorage, ticksKey(fix)) ?? [];
export const saveTicks = (fix: string, ticks: number[]) => write(() => localStorage, ticksKey(fix), ticks);
