/** Plain data the flow is built from; produced from content, no Astro types. */
export interface Sourced {
  /** Repository-relative path of the content file, for error messages. */
  file: string;
}

export interface QuestionNode extends Sourced {
  id: string;
  question: string;
  answers: { id: string; label: string; hint?: string; next: string }[];
}

export interface FixNode extends Sourced {
  id: string;
  title: string;
  ifNotFixed: string;
}

export interface FlowInput {
  questions: QuestionNode[];
  fixes: FixNode[];
}

export const START = 'start';
export const RESOLVED = 'resolved';
export const ESCALATE = 'escalate';
export const TERMINALS = [RESOLVED, ESCALATE] as const;

export type NodeKind = 'question' | 'fix' | 'resolved' | 'escalate';

/** One answer given on the way: the node it was given on and the answer's id. */
export interface TrailStep {
  node: string;
  answer: string;
}

export interface GuideContext {
  trail: TrailStep[];
  /** Fixes the person said did not help, in the order tried. */
  tried: string[];
  /** Ticked step indexes per fix id. */
  ticked: Record<string, number[]>;
}

export class FlowError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The guide's flow is broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'FlowError';
  }
}
