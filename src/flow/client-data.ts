import type { FlowInput, Next } from './types';

/**
 * What the browser needs to run the guide: the flow itself, minus file paths
 * and hints. The browser compiles it with the same compileFlow() the build
 * uses, so the machine it runs is the one /flow.json publishes, and each page
 * carries a few KB instead of the whole compiled config.
 */
export interface GuideData {
  flow: {
    questions: { id: string; question: string; answers: { id: string; label: string; next: Next }[] }[];
    fixes: { id: string; title: string; ifNotFixed: string }[];
  };
  base: string;
}

export function guideData(flow: FlowInput, base: string): GuideData {
  return {
    flow: {
      questions: flow.questions.map((q) => ({ id: q.id, question: q.question, answers: q.answers.map(({ id, label, next }) => ({ id, label, next })) })),
      fixes: flow.fixes.map(({ id, title, ifNotFixed }) => ({ id, title, ifNotFixed })),
    },
    base,
  };
}

/** Back to the shape the pure flow functions take; the file is only used in build-time error messages. */
export function flowInput(data: GuideData): FlowInput {
  return {
    questions: data.flow.questions.map((q) => ({ ...q, file: `content/flow/${q.id}` })),
    fixes: data.flow.fixes.map((f) => ({ ...f, file: `content/fixes/${f.id}` })),
  };
}

/** JSON that is safe inside <script type="application/json">: no "</script>" can close it early. */
export const embedJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
