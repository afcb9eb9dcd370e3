import type { TrailStep } from './types';

/** What a view needs to know about a question, looked up by id. */
export type QuestionLookup = (id: string) => { question: string; answers: { id: string; label: string }[] } | undefined;

/** One answer given, as a person reads it. */
export interface AnswerRow {
  node: string;
  question: string;
  answer: string;
}

/**
 * The trail as rows of question and answer label, for "Your answers", the
 * support request and /map/. Steps whose question or answer no longer exists
 * are left out rather than shown as ids.
 */
export function answerRows(trail: readonly TrailStep[], question: QuestionLookup): AnswerRow[] {
  return trail.flatMap((s) => {
    const q = question(s.node);
    const a = q?.answers.find((x) => x.id === s.answer);
    return q && a ? [{ node: s.node, question: q.question, answer: a.label }] : [];
  });
}
