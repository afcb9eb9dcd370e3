import { closest, distance } from 'fastest-levenshtein';
import { ESCALATE, firstNext, FlowError, nextIds, RESOLVED, START, type FixNode, type FlowInput, type QuestionNode } from './types';

/** A question shows at most this many answers: more cannot be scanned at a glance on a phone. */
export const MAX_ANSWERS = 7;
/** Every fix is at most this many answers from the start (a shortlist's later choices count as reached by the answer). */
export const MAX_ANSWERS_TO_A_FIX = 4;

/**
 * Checks the flow as a graph. Each problem names the file and the field so a
 * content author can fix it without reading TypeScript.
 * Returns the problems; `assertValidFlow` throws them.
 */
export function validateFlow(input: FlowInput): string[] {
  const problems: string[] = [];
  const questions = new Map(input.questions.map((q) => [q.id, q]));
  const fixes = new Map(input.fixes.map((f) => [f.id, f]));
  const known = (id: string) => questions.has(id) || fixes.has(id);

  for (const q of input.questions) {
    if (fixes.has(q.id)) problems.push(`${q.file}: id "${q.id}" is also used by the fix in ${fixes.get(q.id)!.file}`);
    if (q.id === RESOLVED || q.id === ESCALATE) problems.push(`${q.file}: id "${q.id}" is reserved for the guide's own "${q.id}" page`);
    if (q.answers.length > MAX_ANSWERS)
      problems.push(`${q.file}: answers has ${q.answers.length} entries; a question offers at most ${MAX_ANSWERS} (merge some, or move them behind a follow-up question)`);
    const seen = new Set<string>();
    q.answers.forEach((a, i) => {
      if (seen.has(a.id)) problems.push(`${q.file}: answers[${i}].id "${a.id}" is used twice in this question`);
      seen.add(a.id);
      if (typeof a.next === 'string') {
        if (a.next === q.id) problems.push(`${q.file}: answers[${i}].next points back to this same question`);
        else if (!known(a.next))
          problems.push(`${q.file}: answers[${i}].next "${a.next}" is not a question or fix id${hint(a.next, [...questions.keys(), ...fixes.keys()])}`);
      } else problems.push(...shortlistProblems(`${q.file}: answers[${i}].next`, a.next, questions, fixes));
    });
  }
  for (const f of input.fixes) {
    if (f.id === RESOLVED || f.id === ESCALATE) problems.push(`${f.file}: id "${f.id}" is reserved for the guide's own "${f.id}" page`);
    if (f.ifNotFixed !== ESCALATE && !fixes.has(f.ifNotFixed))
      problems.push(`${f.file}: ifNotFixed "${f.ifNotFixed}" is not a fix id or "escalate"${hint(f.ifNotFixed, [...fixes.keys()])}`);
  }
  if (!questions.has(START)) problems.push(`content/flow/: no question has id "${START}", so the guide has no beginning`);
  if (problems.length) return problems; // the graph checks below assume every reference resolves

  // "No" on a fix must always lead, eventually, to escalation: a loop of fixes would strand people.
  for (const f of input.fixes) {
    const chain = [f.id];
    let next = f.ifNotFixed;
    while (next !== ESCALATE) {
      if (chain.includes(next)) {
        problems.push(`${f.file}: ifNotFixed makes a loop (${[...chain, next].join(' → ')}) that never reaches "escalate"`);
        break;
      }
      chain.push(next);
      next = fixes.get(next)!.ifNotFixed;
    }
  }

  // Reachability by answers: every fix must be somebody's answer (first choice or in a shortlist), not just a fallback.
  const reached = walk(questions, (q) => q.answers.flatMap((a) => nextIds(a.next)));
  for (const q of input.questions)
    if (!reached.has(q.id)) problems.push(`${q.file}: question "${q.id}" cannot be reached from "${START}" by any answer`);
  for (const f of input.fixes)
    if (!reached.has(f.id)) problems.push(`${f.file}: fix "${f.id}" is never reached: no answer in content/flow/ has next: ${f.id} (or lists it)`);

  // Without JavaScript only plain links exist: an answer's first choice, and each fix's "No" (its ifNotFixed).
  // A fix that is only a later shortlist entry must also be reachable that way, or no-JS readers never see it.
  const plain = walk(questions, (q) => q.answers.map((a) => firstNext(a.next)), fixes);
  for (const f of input.fixes) {
    if (!reached.has(f.id) || plain.has(f.id)) continue;
    const where = input.questions.flatMap((q) => q.answers.flatMap((a, i) => (nextIds(a.next).includes(f.id) ? [`${q.file} answers[${i}].next`] : [])));
    problems.push(
      `${f.file}: fix "${f.id}" is only ever a later choice in a shortlist (${where.join(', ')}), which needs JavaScript; ` +
        `make it the first choice of some answer or the ifNotFixed of a fix on the way, so plain links reach it too`,
    );
  }

  // Depth: `reached` counts the answers on the shortest way to each fix (a shortlist's later choices included).
  for (const f of input.fixes) {
    const n = reached.get(f.id);
    if (n !== undefined && n > MAX_ANSWERS_TO_A_FIX)
      problems.push(`${f.file}: fix "${f.id}" takes ${n} answers from "${START}" at the fewest; keep every fix within ${MAX_ANSWERS_TO_A_FIX} (list it on an earlier answer)`);
  }

  // Questions from which no run of answers reaches a fix trap people: they only lead to each other.
  const trapped = trappedQuestions(input.questions);
  if (trapped.length)
    problems.push(
      `${trapped.map((q) => q.file).join(', ')}: these questions only lead to each other (${trapped.map((q) => q.id).join(' → ')}); give one an answer that leads out`,
    );
  return problems;
}

/** A shortlist: 2-5 distinct fix ids (questions cannot be ranked against fixes). */
function shortlistProblems(where: string, list: string[], questions: Map<string, QuestionNode>, fixes: Map<string, FixNode>): string[] {
  const problems: string[] = [];
  if (list.length < 2 || list.length > 5)
    problems.push(`${where} lists ${list.length} fix id(s); a shortlist needs 2 to 5 (for one, write next: <id> without brackets)`);
  const seen = new Set<string>();
  list.forEach((id, j) => {
    if (seen.has(id)) problems.push(`${where}[${j}] "${id}" is listed twice in this shortlist`);
    seen.add(id);
    if (questions.has(id)) problems.push(`${where}[${j}] "${id}" is a question; a shortlist lists fixes only (point the answer at the question alone)`);
    else if (!fixes.has(id)) problems.push(`${where}[${j}] "${id}" is not a fix id${hint(id, [...fixes.keys()])}`);
  });
  return problems;
}

/**
 * Every node reachable from the start through `edges` of questions (and, if given, fixes' ifNotFixed), with
 * the fewest edges that reach it: breadth first, so the first time a node is seen is its fewest.
 */
function walk(questions: Map<string, QuestionNode>, edges: (q: QuestionNode) => string[], fixes?: Map<string, FixNode>): Map<string, number> {
  const reached = new Map<string, number>([[START, 0]]);
  const queue = [START];
  while (queue.length) {
    const id = queue.shift()!;
    const q = questions.get(id);
    const out = q ? edges(q) : fixes?.has(id) ? [fixes.get(id)!.ifNotFixed] : [];
    for (const next of out) {
      if (reached.has(next)) continue;
      reached.set(next, reached.get(id)! + 1);
      queue.push(next);
    }
  }
  return reached;
}

export function assertValidFlow(input: FlowInput): void {
  const problems = validateFlow(input);
  if (problems.length) throw new FlowError(problems);
}

/**
 * Questions that cannot reach any fix by plain links (each answer's first choice): walked backwards
 * from every answer that leads to a fix, whatever is not reached can only lead to other questions.
 */
function trappedQuestions(questions: QuestionNode[]): QuestionNode[] {
  const isQuestion = new Set(questions.map((q) => q.id));
  const leadsOut = new Set(questions.filter((q) => q.answers.some((a) => !isQuestion.has(firstNext(a.next)))).map((q) => q.id));
  let grew = true;
  while (grew) {
    grew = false;
    for (const q of questions)
      if (!leadsOut.has(q.id) && q.answers.some((a) => leadsOut.has(firstNext(a.next)))) {
        leadsOut.add(q.id);
        grew = true;
      }
  }
  return questions.filter((q) => !leadsOut.has(q.id));
}

/** "Did you mean" for a mistyped id: the closest known id, if it is within a typo or two (a quarter of its length). */
function hint(wrong: string, ids: string[]): string {
  const best = ids.length ? closest(wrong, ids) : '';
  return best && distance(wrong, best) <= Math.max(2, Math.floor(wrong.length / 4)) ? ` (did you mean "${best}"?)` : '';
}
