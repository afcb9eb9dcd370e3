/**
 * The guide's state in the browser, as pure functions over the compiled
 * config: which context a page starts with, and what "Change" and "Start
 * again" do to it. The custom element (src/components/fix-guide.ts) only wires
 * these to the DOM, storage and history.
 */
import { isFinal } from './addresses';
import type { GuideMachineConfig } from './compile';
import { replayTrail } from './step';
import type { GuideContext, TrailStep } from './types';

export interface Arrival {
  context: GuideContext;
  /** True when the trail is the usual way here rather than this person's own answers. */
  typical: boolean;
}

/**
 * The context a page starts with. The stored trail counts if it still leads
 * here (it may come from another page of this tab, or content changed since);
 * a final page keeps whatever was stored. Otherwise the usual answers to here,
 * with the shortlist they give, so "No" tries the other likely causes.
 * `answered` says the person gave the usual answers themselves (they came
 * from the home page, which asks the first question).
 */
export function arrival(
  config: GuideMachineConfig,
  paths: Map<string, TrailStep[]>,
  node: string,
  stored: GuideContext | undefined,
  answered = false,
): Arrival {
  const ticked = stored?.ticked ?? {};
  if (stored && isFinal(node)) return { context: stored, typical: false };
  const replayed = stored ? replayTrail(config, stored) : undefined;
  if (replayed?.node === node) return { context: { ...replayed.context, ticked }, typical: false };
  const trail = paths.get(node) ?? [];
  const shortlist = replayTrail(config, { trail, tried: [] })?.context.shortlist ?? [];
  return { context: { trail, shortlist, tried: [], ticked }, typical: trail.length > 0 && !answered };
}

/** "Change" on `node`: the answers before it, replayed (so the shortlist fits them), and the answer being changed. */
export function change(config: GuideMachineConfig, context: GuideContext, node: string): { context: GuideContext; previous?: string } {
  const cut = context.trail.findIndex((s) => s.node === node);
  const trail = context.trail.slice(0, Math.max(cut, 0));
  const replayed = replayTrail(config, { trail, tried: [] })?.context ?? { trail, shortlist: [], tried: [], ticked: {} };
  return { context: { ...replayed, ticked: context.ticked }, previous: cut >= 0 ? context.trail[cut]!.answer : undefined };
}

/** "Start again": no answers, nothing tried; ticks stay (they are per fix, on this device). */
export const restart = (context: GuideContext): GuideContext => ({ trail: [], shortlist: [], tried: [], ticked: context.ticked });
