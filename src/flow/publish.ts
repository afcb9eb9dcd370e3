import type { GuideMachineConfig } from './machine';
import { START, type FlowInput, type TrailStep } from './types';

/** The public /flow.json: for help desks and integrations that want the tree as data. */
export function publishFlow(flow: FlowInput, machine: GuideMachineConfig, paths: Map<string, TrailStep[]>, url: (id: string) => string) {
  return {
    version: 1,
    start: START,
    nodes: [
      ...flow.questions.map((q) => ({
        id: q.id,
        kind: 'question' as const,
        title: q.question,
        url: url(q.id),
        answers: q.answers.map((a) => ({ id: a.id, label: a.label, next: a.next, url: url(a.next) })),
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
      ...flow.questions.flatMap((q) => q.answers.map((a) => ({ from: q.id, to: a.next, event: `ANSWER.${a.id}` }))),
      ...flow.fixes.flatMap((f) => [
        { from: f.id, to: 'resolved', event: 'FIXED' },
        { from: f.id, to: f.ifNotFixed, event: 'NOT_FIXED' },
      ]),
    ],
    machine,
  };
}
