/**
 * Paths through the guide, generated from the machine the build published in
 * dist/flow.json: the tests walk exactly what the site ships.
 */
import { readFileSync } from 'node:fs';
import { getShortestPaths } from 'xstate/graph';
import { initialTransition, transition } from 'xstate';
import { createGuideMachine, guideEvent, NOT_FIXED, type GuideMachineConfig } from '../../../src/flow/machine';

export interface PublishedFlow {
  nodes: {
    id: string;
    kind: 'question' | 'fix';
    title: string;
    url: string;
    typicalPath?: string[];
    ifNotFixed?: string;
    answers?: { id: string; label: string; next: string; shortlist?: string[] }[];
  }[];
  machine: GuideMachineConfig;
}

export const flow = (dist = 'dist') => JSON.parse(readFileSync(`${dist}/flow.json`, 'utf8')) as PublishedFlow;

export interface GuidePath {
  target: string;
  events: string[];
}

/**
 * The shortest event sequence from the start to every state (fixes, questions,
 * resolved, escalate), as the guide runs it with JavaScript: "did not fix it"
 * walks the shortlist, so a fix that is only a shortlist's second choice is
 * reached by an answer and then NOT_FIXED.
 */
export function shortestPaths(config: GuideMachineConfig): GuidePath[] {
  const machine = createGuideMachine(config);
  const paths = getShortestPaths(machine, {
    // The trail grows with every answer; where "No" goes depends only on the node, the shortlist and what was tried.
    serializeState: (s) => `${String(s.value)}|${s.context.shortlist.join(',')}|${[...s.context.tried].sort().join(',')}`,
    events: (s) => Object.keys(config.states[String(s.value)]?.on ?? {}).flatMap((type) => guideEvent(type) ?? []),
  });
  // Several serialized states share a node; keep the shortest path to each node and, of equally short
  // ones, the one with the fewest "No": the way a person gets there by answering.
  const nos = (p: GuidePath) => p.events.filter((e) => e === NOT_FIXED).length;
  const best = new Map<string, GuidePath>();
  for (const p of paths) {
    const path = { target: String(p.state.value), events: p.steps.slice(1).map((s) => s.event.type) };
    const seen = best.get(path.target);
    if (!seen || path.events.length < seen.events.length || (path.events.length === seen.events.length && nos(path) < nos(seen))) best.set(path.target, path);
  }
  return [...best.values()];
}

/**
 * The same, as plain links without JavaScript: an answer goes to its first
 * choice, "No" to the fix's own ifNotFixed. Events are the data-event of the
 * link to click on each page.
 */
export function plainLinkPaths(published: PublishedFlow): GuidePath[] {
  const nodes = new Map(published.nodes.map((n) => [n.id, n]));
  const best = new Map<string, GuidePath>([['start', { target: 'start', events: [] }]]);
  const queue = ['start'];
  while (queue.length) {
    const from = best.get(queue.shift()!)!;
    const node = nodes.get(from.target);
    const links = node?.answers?.map((a) => [a.next, `ANSWER.${a.id}`] as const) ?? (node?.ifNotFixed ? [[node.ifNotFixed, NOT_FIXED] as const] : []);
    for (const [to, event] of links) {
      if (best.has(to)) continue;
      best.set(to, { target: to, events: [...from.events, event] });
      queue.push(to);
    }
  }
  return [...best.values()];
}

/** The nodes a path passes through, start included, as the machine steps it. */
export function visitedNodes(config: GuideMachineConfig, events: string[]): string[] {
  const machine = createGuideMachine(config);
  let [snapshot] = initialTransition(machine);
  const out = [String(snapshot.value)];
  for (const type of events) {
    const event = guideEvent(type);
    if (!event) break;
    [snapshot] = transition(machine, snapshot, event);
    out.push(String(snapshot.value));
  }
  return out;
}

/** A small set of paths that together pass through every node any of them visits: longest first, greedily. */
export function coveringPaths(config: GuideMachineConfig, candidates: GuidePath[]): GuidePath[] {
  const seen = new Set<string>();
  const chosen: GuidePath[] = [];
  const withNodes = candidates.map((p) => ({ p, nodes: visitedNodes(config, p.events) })).sort((a, b) => b.nodes.length - a.nodes.length);
  for (;;) {
    let best: (typeof withNodes)[number] | undefined;
    let gain = 0;
    for (const c of withNodes) {
      const g = new Set(c.nodes.filter((n) => !seen.has(n) && config.states[n]?.meta.kind === 'question')).size;
      if (g > gain) [best, gain] = [c, g];
    }
    if (!best) return chosen;
    chosen.push(best.p);
    for (const n of best.nodes) seen.add(n);
  }
}
