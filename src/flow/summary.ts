import { answerRows } from './answers';
import type { GuideContext } from './types';

/** What the support request needs to know about the content, looked up by id. */
export interface SummaryLookup {
  question(id: string): { question: string; answers: { id: string; label: string }[] } | undefined;
  fix(id: string): { title: string; steps: string[] } | undefined;
}

export interface Environment {
  url: string;
  time: Date;
  browser: string;
}

export interface AnswerLine {
  question: string;
  answer: string;
}

export function answerLines(context: Pick<GuideContext, 'trail'>, lookup: SummaryLookup): AnswerLine[] {
  return answerRows(context.trail, (id) => lookup.question(id)).map(({ question, answer }) => ({ question, answer }));
}

/**
 * The support request the escalation page writes for the person. It only
 * ever contains what the guide itself recorded (answer labels, fix titles,
 * step text), so a token or password cannot end up in it.
 */
export function supportRequest(context: Pick<GuideContext, 'trail' | 'tried' | 'ticked'>, lookup: SummaryLookup, env: Environment): string {
  const lines: string[] = ['I am getting an HTTP 401 Unauthorized error and need help.', ''];
  const answers = answerLines(context, lookup);
  if (answers.length) {
    lines.push('What I answered:');
    for (const a of answers) lines.push(`- ${a.question} ${a.answer}`);
    lines.push('');
  }
  const tried = context.tried.flatMap((id) => {
    const fix = lookup.fix(id);
    return fix ? [{ id, fix }] : [];
  });
  if (tried.length) {
    lines.push('What I tried (none of it fixed it):');
    for (const { id, fix } of tried) {
      lines.push(`- ${fix.title}`);
      for (const i of context.ticked[id] ?? []) {
        const step = fix.steps[i];
        if (step) lines.push(`    done: ${step}`);
      }
    }
    lines.push('');
  }
  lines.push(
    'Details:',
    `- Page: ${env.url}`,
    `- Time: ${env.time.toISOString()} (UTC)`,
    `- Browser: ${env.browser}`,
    '',
    'Where it fails (please fill in): the exact URL, the account or client id (not the password or token), and a request id from the response if there is one.',
  );
  return lines.join('\n');
}

/** A mailto: link with the request as the body; the address is left for the person to fill in. */
export function mailtoLink(body: string, subject = 'HTTP 401 Unauthorized: request for help'): string {
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
