import type { GuideMachineConfig } from './machine';
import type { FlowInput, TrailStep } from './types';

/**
 * What the browser needs to run the guide: the machine config plus the labels
 * to write "Your answers" and the support request. Built from the same content
 * as the pages; embedded as JSON so a step change needs no request.
 */
export interface GuideData {
  machine: GuideMachineConfig;
  questions: Record<string, { q: string; a: Record<string, { label: string; next: string }> }>;
  fixes: Record<string, { title: string; steps: string[] }>;
  paths: Record<string, TrailStep[]>;
  base: string;
}

export function guideData(
  flow: FlowInput,
  machine: GuideMachineConfig,
  paths: Map<string, TrailStep[]>,
  stepsText: (fixId: string) => string[],
  base: string,
): GuideData {
  return {
    machine,
    questions: Object.fromEntries(
      flow.questions.map((q) => [q.id, { q: q.question, a: Object.fromEntries(q.answers.map((a) => [a.id, { label: a.label, next: a.next }])) }]),
    ),
    fixes: Object.fromEntries(flow.fixes.map((f) => [f.id, { title: f.title, steps: stepsText(f.id) }])),
    paths: Object.fromEntries(paths),
    base,
  };
}

/** JSON that is safe inside <script type="application/json">: no "</script>" can close it early. */
export const embedJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
