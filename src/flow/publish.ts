import { FIXED, NOT_FIXED, answerEvent, type GuideMachineConfig } from './machine';
import { firstNext, nextIds, RESOLVED, shortlistOf, START, type FlowInput, type TrailStep } from './types';

/**
 * The public /flow.json: for help desks and integrations that want the tree as data.
 * Version 2: an answer may carry a ranked `shortlist` of fixes (its `next` is the
 * first of them, where the plain link goes); a fix's `ifNotFixed` is where "No"
 * goes without JavaScript; with it, the machine tries the shortlist first.
 */
export function publishFlow(flow: FlowInput, machine: GuideMachineConfig, paths: Map<string, TrailStep[]>, url: (id: string) => string) {
  return {
    version: 2,
    start: START,
    nodes: [
      ...flow.questions.map((q) => ({
        id: q.id,
        kind: 'question' as const,
        title: q.question,
        url: url(q.id),
        answers: q.answers.map((a) => {
          const shortlist = shortlistOf(a.next);
          return { id: a.id, label: a.label, next: firstNext(a.next), ...(shortlist && { shortlist }), url: url(firstNext(a.next)) };
        }),
      })),
      ...flow.fixes.map((f) => ({
        id: f.id,
        kind: 'fix' as const,
        title: f.title,
        url: url(f.id),
        ifNotFixed: f.ifNotFixed,
        typicalPath: (paths.get(f.id) ?? []).map((s) => `${s.node}:${s.answer}`),
      })),
    ],
    edges: [
      // One edge per fix an answer ranks; `rank` 1 is where the answer goes, the rest are tried on "No".
      ...flow.questions.flatMap((q) =>
        q.answers.flatMap((a) =>
          nextIds(a.next).map((to, i) => ({ from: q.id, to, event: answerEvent(a.id), ...(shortlistOf(a.next) && { rank: i + 1 }) })),
        ),
      ),
      ...flow.fixes.flatMap((f) => [
        { from: f.id, to: RESOLVED, event: FIXED },
        { from: f.id, to: f.ifNotFixed, event: NOT_FIXED },
      ]),
    ],
    machine,
  };
}
