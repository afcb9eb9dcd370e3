/**
 * The guide's DOM updates: each function changes one part of the page from
 * data it is given, and knows nothing about the machine or storage.
 */
import type { AnswerRow } from '../flow/answers';

/** A server-rendered step panel, as guide/<id>/step.json holds it. */
export interface StepHtml {
  title: string;
  kind: string;
  html: string;
  docTitle: string;
}

/** The panel currently on screen, read back so Back to it needs no request. */
export const currentStep = (article: HTMLElement): StepHtml => ({
  title: article.dataset.title ?? '',
  kind: article.dataset.kind ?? '',
  html: article.innerHTML,
  docTitle: document.title,
});

/** Swaps `step` in: panel, document title, focus on its h1 (scrolled to the top), and the announcement. */
export function showStep(article: HTMLElement, node: string, step: StepHtml, announce: Element | null) {
  // The fix that just worked says who fixed it, so the resolved panel can show only that half.
  const audience = article.querySelector<HTMLElement>('[data-audience]')?.dataset.audience;
  article.innerHTML = step.html;
  const resolved = article.querySelector<HTMLElement>('[data-resolved]');
  if (resolved && audience) resolved.dataset.for = audience === 'visitor' ? 'visitor' : 'builder';
  article.dataset.node = node;
  article.dataset.kind = step.kind;
  article.dataset.title = step.title;
  article.className = `step step-${step.kind}`;
  document.title = step.docTitle;
  focusHeading(article);
  if (announce) announce.textContent = `${step.kind === 'question' ? 'Question' : 'Step'}: ${step.title}`;
}

/** The h1 in view and focused, so keyboard and screen-reader users start at the new step. */
export function focusHeading(article: HTMLElement) {
  window.scrollTo({ top: 0 });
  article.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
}

/** After "Change": the answer given before is marked, so the person sees what they had picked. */
export function markPrevious(article: HTMLElement, answerId: string | undefined) {
  const link = answerId ? article.querySelector<HTMLAnchorElement>(`a[data-answer="${CSS.escape(answerId)}"]`) : null;
  if (!link) return;
  link.setAttribute('aria-current', 'true');
  link.dataset.previous = '';
  link.append(span('answer-hint', 'Your answer before'));
}

/** With JavaScript, "No" goes to the next try for this person's answers: the link and the line under it say where. */
export function pointNotFixed(article: HTMLElement, next: { id: string; url: string; title?: string }, typical = false) {
  const no = article.querySelector<HTMLAnchorElement>('a[data-event="NOT_FIXED"]');
  if (!no || no.dataset.next === next.id) return;
  no.href = next.url;
  no.dataset.next = next.id;
  const line = article.querySelector('[data-next-line]');
  if (line) line.textContent = next.title ? `Next: ${next.title} (the next likely cause for ${typical ? 'the usual answers' : 'your answers'})` : 'Next: we will write the support request for you.';
}

/** The label over "Also likely": the person's own answers, or the usual ones when the page was opened from a link. */
export const ALSO_LIKELY = {
  yours: 'Also likely for your answers:',
  typical: 'Also likely for the usual answers that lead here:',
} as const;

/**
 * The rest of the shortlist after the next try, as links to the fixes' own pages, so someone who recognises their
 * cause by its title need not click "No" through the others first. Replaces the server-rendered list (FixStep.astro),
 * which is worked out for the usual answers and the no-JavaScript "No".
 */
export function listAlsoLikely(article: HTMLElement, fixes: { url: string; title: string }[], label: string) {
  article.querySelector('.also-likely')?.remove();
  const did = article.querySelector('.did-it');
  if (!did || fixes.length === 0) return;
  const box = document.createElement('div');
  box.className = 'also-likely';
  const heading = box.appendChild(document.createElement('p'));
  heading.id = 'also-likely-title';
  heading.className = 'muted';
  heading.textContent = label;
  // One link per line: on a phone, links run together in a sentence are hard to hit.
  const list = box.appendChild(document.createElement('ul'));
  list.setAttribute('aria-labelledby', heading.id);
  for (const fix of fixes) {
    const link = list.appendChild(document.createElement('li')).appendChild(document.createElement('a'));
    link.href = fix.url;
    link.textContent = fix.title;
  }
  did.append(box);
}

export function setTicks(article: HTMLElement, ticks: number[]) {
  for (const box of article.querySelectorAll<HTMLInputElement>('input[data-step]')) box.checked = ticks.includes(Number(box.dataset.step));
}

export interface AnswersView {
  rows: AnswerRow[];
  /** The usual way here (opened from a link), not this person's own answers. */
  typical: boolean;
  /** The page is the first question. */
  first: boolean;
  tried: string[];
  url: (node: string) => string;
}

/** Mirrors YourAnswers.astro: the person's own answers, or the typical path when opened cold. */
export function renderAnswers(holder: Element, view: AnswersView) {
  const typical = view.typical && view.rows.length > 0;
  const section = document.createElement('section');
  section.className = 'your-answers';
  section.setAttribute('aria-labelledby', 'answers-title');
  const h2 = section.appendChild(document.createElement('h2'));
  h2.id = 'answers-title';
  h2.textContent = typical ? 'The usual way here' : 'Your answers';
  if (typical) section.appendChild(para('Opened from a link? These are the answers that usually lead here. Change any of them.'));
  if (!view.rows.length) section.appendChild(para(view.first ? 'This is the first question.' : 'No answers to show on this page.'));
  else {
    const ol = section.appendChild(document.createElement('ol'));
    ol.className = 'answer-list';
    for (const r of view.rows) {
      const li = ol.appendChild(document.createElement('li'));
      li.append(span('q', r.question), span('a', r.answer));
      const change = li.appendChild(document.createElement('a'));
      change.href = view.url(r.node);
      change.dataset.change = r.node;
      change.append('Change', span('visually-hidden', ` your answer to “${r.question}”`));
    }
  }
  for (const title of view.tried) section.appendChild(span('tried small', `Tried: ${title}`));
  holder.replaceChildren(section);
}

function para(text: string) {
  const p = document.createElement('p');
  p.className = 'muted small';
  p.textContent = text;
  return p;
}

function span(className: string, text: string) {
  const s = document.createElement('span');
  s.className = className;
  s.textContent = text;
  return s;
}
