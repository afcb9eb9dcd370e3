import { nextIds, START, type FlowInput, type TrailStep } from './types';

/**
 * The typical path to every node: the fewest answers from the start, taking
 * answers in the order content lists them (most likely first), and a
 * shortlist's fixes in rank order. Shown on a page opened cold from a
 * help-desk link, and listed on /map/.
 */
export function typicalPaths(input: FlowInput): Map<string, TrailStep[]> {
  const byId = new Map(input.questions.map((q) => [q.id, q]));
  const paths = new Map<string, TrailStep[]>([[START, []]]);
  const queue = [START];
  while (queue.length) {
    const id = queue.shift()!;
    const q = byId.get(id);
    if (!q) continue;
    for (const a of q.answers) {
      for (const next of nextIds(a.next)) {
        if (paths.has(next)) continue;
        paths.set(next, [...paths.get(id)!, { node: id, answer: a.id }]);
        queue.push(next);
      }
    }
  }
  return paths;
}
