/**
 * Paths through the guide, generated from the machine the build published in
 * dist/flow.json: the tests walk exactly what the site ships.
 */
import { readFileSync } from 'node:fs';
import { getShortestPaths } from 'xstate/graph';
import { createGuideMachine, TICK, type GuideMachineConfig } from '../../../src/flow/machine';

export interface PublishedFlow {
  nodes: { id: string; kind: 'question' | 'fix'; title: string; url: string; typicalPath?: string[]; answers?: { id: string; label: string; next: string }[] }[];
  machine: GuideMachineConfig;
}

export const flow = (dist = 'dist') => JSON.parse(readFileSync(`${dist}/flow.json`, 'utf8')) as PublishedFlow;

export interface GuidePath {
  target: string;
  events: string[];
}

/** The shortest event sequence from the start to every state (fixes, questions, resolved, escalate). */
export function shortestPaths(config: GuideMachineConfig): GuidePath[] {
  const machine = createGuideMachine(config);
  const paths = getShortestPaths(machine, {
    // The trail in context grows with every answer; states are the nodes alone.
    serializeState: (s) => String(s.value),
    events: (s) =>
      Object.keys(config.states[String(s.value)]?.on ?? {})
        .filter((type) => type !== TICK)
        .map((type) => ({ type })),
  });
  return paths.map((p) => ({ target: String(p.state.value), events: p.steps.slice(1).map((s) => s.event.type) }));
}
