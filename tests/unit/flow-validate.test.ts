import { describe, expect, it } from 'vitest';
import { assertValidFlow, MAX_ANSWERS, MAX_ANSWERS_TO_A_FIX, validateFlow } from '../../src/flow/validate';
import { FlowError } from '../../src/flow/types';
import { shortlistFlow, validFlow } from './fixtures/flow';

describe('validateFlow', () => {
  it('accepts a valid flow', () => {
    expect(validateFlow(validFlow())).toEqual([]);
  });

  it('names the file and field of an answer pointing to an unknown id, with a suggestion', () => {
    const flow = validFlow();
    flow.questions[1]!.answers[0]!.next = 'fix-cookie';
    const problems = validateFlow(flow);
    expect(problems).toContainEqual(
      'content/flow/web-q.md: answers[0].next "fix-cookie" is not a question or fix id (did you mean "fix-cookies"?)',
    );
  });

  it('rejects an ifNotFixed that is neither a fix nor escalate', () => {
    const flow = validFlow();
    flow.fixes[1]!.ifNotFixed = 'web-q';
    expect(validateFlow(flow).join('\n')).toMatch(/content\/fixes\/fix-token\.md: ifNotFixed "web-q" is not a fix id or "escalate"/);
  });

  it('rejects a question unreachable from start', () => {
    const flow = validFlow();
    flow.questions.push({ id: 'orphan', file: 'content/flow/orphan.md', question: '?', answers: [{ id: 'a', label: 'A', next: 'fix-token' }, { id: 'b', label: 'B', next: 'fix-cookies' }] });
    expect(validateFlow(flow)).toContainEqual('content/flow/orphan.md: question "orphan" cannot be reached from "start" by any answer');
  });

  it('rejects a fix no answer leads to', () => {
    const flow = validFlow();
    flow.fixes.push({ id: 'fix-lonely', file: 'content/fixes/fix-lonely.md', title: 'Lonely', ifNotFixed: 'escalate' });
    expect(validateFlow(flow).join('\n')).toMatch(/content\/fixes\/fix-lonely\.md: fix "fix-lonely" is never reached/);
  });

  it('rejects a loop of "did not fix it" that never reaches escalation', () => {
    const flow = validFlow();
    flow.fixes[1]!.ifNotFixed = 'fix-cookies';
    expect(validateFlow(flow).join('\n')).toMatch(/ifNotFixed makes a loop \(fix-cookies → fix-token → fix-cookies\)/);
  });

  it('rejects a cycle of questions with no way out', () => {
    const flow = validFlow();
    flow.questions[0]!.answers[1]!.next = 'web-q';
    flow.questions[1]!.answers[0]!.next = 'start';
    const problems = validateFlow(flow).join('\n');
    expect(problems).toMatch(/these questions only lead to each other \(start → web-q\)/);
  });

  it('names every question that cannot reach a fix, also one that only leads into the trap', () => {
    const flow = validFlow();
    flow.questions[0]!.answers[1]!.next = 'web-q';
    flow.questions[1]!.answers[0]!.next = 'start';
    flow.questions.push({ id: 'side', file: 'content/flow/side.md', question: '?', answers: [{ id: 'a', label: 'A', next: 'start' }, { id: 'b', label: 'B', next: 'web-q' }] });
    flow.questions[1]!.answers.push({ id: 'side', label: 'Side', next: 'side' });
    expect(validateFlow(flow)).toContainEqual(
      'content/flow/start.md, content/flow/web-q.md, content/flow/side.md: these questions only lead to each other (start → web-q → side); give one an answer that leads out',
    );
  });

  it('a question is out of the trap when a later one leads out, however far down the list it is', () => {
    // start → a → b → c → fix: each question leads out only through the next one, listed in reverse.
    const flow = validFlow();
    flow.questions[0]!.answers = [{ id: 'go', label: 'Go', next: 'a' }];
    flow.questions[1]!.answers = [{ id: 'loop', label: 'Loop', next: 'fix-cookies' }, { id: 'back', label: 'Back', next: 'start' }];
    flow.questions.unshift(
      { id: 'a', file: 'content/flow/a.md', question: '?', answers: [{ id: 'x', label: 'X', next: 'b' }, { id: 'y', label: 'Y', next: 'start' }] },
      { id: 'b', file: 'content/flow/b.md', question: '?', answers: [{ id: 'x', label: 'X', next: 'c' }, { id: 'y', label: 'Y', next: 'a' }] },
      { id: 'c', file: 'content/flow/c.md', question: '?', answers: [{ id: 'x', label: 'X', next: 'web-q' }, { id: 'y', label: 'Y', next: 'b' }] },
    );
    flow.fixes[1]!.ifNotFixed = 'escalate';
    flow.fixes[0]!.ifNotFixed = 'fix-token';
    flow.questions.find((q) => q.id === 'web-q')!.answers.push({ id: 'api', label: 'API', next: 'fix-token' });
    // The chain is deeper than fixes may be (that rule has its own test); no question counts as trapped.
    expect(validateFlow(flow).filter((p) => !p.includes('answers from "start"'))).toEqual([]);
  });

  it('reports every other problem beside a loop of "did not fix it"', () => {
    const flow = validFlow();
    flow.fixes[1]!.ifNotFixed = 'fix-cookies';
    flow.questions.push({ id: 'orphan', file: 'content/flow/orphan.md', question: '?', answers: [{ id: 'a', label: 'A', next: 'fix-token' }, { id: 'b', label: 'B', next: 'fix-cookies' }] });
    const problems = validateFlow(flow);
    expect(problems.join('\n')).toMatch(/ifNotFixed makes a loop/);
    expect(problems).toContainEqual('content/flow/orphan.md: question "orphan" cannot be reached from "start" by any answer');
  });

  it('the start needs no answer leading back to it to count as reached', () => {
    const flow = validFlow();
    flow.questions[1]!.answers[1]!.next = 'fix-token';
    expect(validateFlow(flow)).toEqual([]);
  });

  it('suggests the closest id for a mistyped ifNotFixed, and nothing when no id is close', () => {
    const flow = validFlow();
    flow.fixes[0]!.ifNotFixed = 'fix-tokn';
    expect(validateFlow(flow)).toEqual(['content/fixes/fix-cookies.md: ifNotFixed "fix-tokn" is not a fix id or "escalate" (did you mean "fix-token"?)']);
    flow.fixes[0]!.ifNotFixed = 'something-else-entirely';
    expect(validateFlow(flow)).toEqual(['content/fixes/fix-cookies.md: ifNotFixed "something-else-entirely" is not a fix id or "escalate"']);
    // Two typos in a short id are still a hint; three are not.
    flow.fixes[0]!.ifNotFixed = 'fx-tokn';
    expect(validateFlow(flow)[0]).toMatch(/did you mean "fix-token"/);
    flow.fixes[0]!.ifNotFixed = 'fx-tkn';
    expect(validateFlow(flow)[0]).not.toMatch(/did you mean/);
  });

  it('reserves "resolved" and "escalate" for questions and fixes alike', () => {
    for (const reserved of ['resolved', 'escalate']) {
      const flow = validFlow();
      flow.questions[1]!.id = reserved;
      flow.questions[0]!.answers[0]!.next = reserved;
      flow.fixes[1]!.id = reserved === 'resolved' ? 'escalate' : 'resolved';
      const problems = validateFlow(flow).join('\n');
      expect(problems).toMatch(new RegExp(`web-q\\.md: id "${reserved}" is reserved for the guide's own "${reserved}" page`));
      expect(problems).toMatch(/fix-token\.md: id "(resolved|escalate)" is reserved/);
    }
  });

  it('allows a cycle that has a way out (a "not sure, go back" answer)', () => {
    // web-q → start is a cycle, but start → fix-token leaves it.
    expect(validateFlow(validFlow())).toEqual([]);
  });

  it('rejects a missing start, reserved ids and ids shared between a question and a fix', () => {
    const flow = validFlow();
    flow.questions[0]!.id = 'begin';
    flow.fixes[0]!.id = 'resolved';
    flow.questions[1]!.id = 'fix-token';
    const problems = validateFlow(flow).join('\n');
    expect(problems).toMatch(/no question has id "start"/);
    expect(problems).toMatch(/fix-cookies\.md: id "resolved" is reserved/);
    expect(problems).toMatch(/web-q\.md: id "fix-token" is also used by the fix in content\/fixes\/fix-token\.md/);
  });

  it('rejects an answer that points back at its own question and duplicate answer ids', () => {
    const flow = validFlow();
    flow.questions[1]!.answers[1]!.next = 'web-q';
    flow.questions[1]!.answers[1]!.id = 'loop';
    const problems = validateFlow(flow).join('\n');
    expect(problems).toMatch(/answers\[1\]\.next points back to this same question/);
    expect(problems).toMatch(/answers\[1\]\.id "loop" is used twice/);
  });

  it('rejects a question with more answers than a phone screen can show at a glance, naming the file and field', () => {
    const flow = validFlow();
    const at = flow.questions[1]!;
    for (let i = at.answers.length; i < MAX_ANSWERS; i++) at.answers.push({ id: `more-${i}`, label: `More ${i}`, next: 'fix-token' });
    expect(validateFlow(flow), 'exactly at the limit').toEqual([]);
    at.answers.push({ id: 'one-too-many', label: 'One too many', next: 'fix-token' });
    expect(validateFlow(flow)).toEqual([`content/flow/web-q.md: answers has ${MAX_ANSWERS + 1} entries; a question offers at most ${MAX_ANSWERS} (merge some, or move them behind a follow-up question)`]);
  });

  it('rejects a fix more answers from the start than the limit, counting its fewest answers', () => {
    // A chain of questions start → q1 → q2 → …, the fix at the end of it; fix-token is also reachable from start.
    const chain = (length: number) => {
      const flow = validFlow();
      flow.fixes.push({ id: 'fix-deep', file: 'content/fixes/fix-deep.md', title: 'Deep', ifNotFixed: 'escalate' });
      flow.questions[0]!.answers.push({ id: 'deeper', label: 'Deeper', next: 'q1' });
      for (let i = 1; i < length; i++) {
        const next = i === length - 1 ? 'fix-deep' : `q${i + 1}`;
        flow.questions.push({ id: `q${i}`, file: `content/flow/q${i}.md`, question: `Q${i}?`, answers: [{ id: 'on', label: 'On', next }, { id: 'out', label: 'Out', next: 'fix-token' }] });
      }
      return flow;
    };
    expect(validateFlow(chain(MAX_ANSWERS_TO_A_FIX))).toEqual([]);
    expect(validateFlow(chain(MAX_ANSWERS_TO_A_FIX + 1))).toEqual([
      `content/fixes/fix-deep.md: fix "fix-deep" takes ${MAX_ANSWERS_TO_A_FIX + 1} answers from "start" at the fewest; keep every fix within ${MAX_ANSWERS_TO_A_FIX} (list it on an earlier answer)`,
    ]);
    // A shorter way in elsewhere (here a shortlist's later choice) is what counts.
    const shortcut = chain(MAX_ANSWERS_TO_A_FIX + 1);
    shortcut.questions[0]!.answers[1]!.next = ['fix-token', 'fix-deep'];
    expect(validateFlow(shortcut)).toEqual([]);
  });

  it('assertValidFlow is silent on a valid flow', () => {
    expect(() => assertValidFlow(validFlow())).not.toThrow();
  });

  it('a FlowError says the flow is broken and lists each problem on its own line', () => {
    const e = new FlowError(['a.md: one', 'b.md: two']);
    expect(e.name).toBe('FlowError');
    expect(e.message).toBe("The guide's flow is broken:\n  - a.md: one\n  - b.md: two");
    expect(e.problems).toEqual(['a.md: one', 'b.md: two']);
  });

  it('throws a FlowError listing every problem', () => {
    const flow = validFlow();
    flow.questions[0]!.answers[0]!.next = 'nowhere';
    expect(() => assertValidFlow(flow)).toThrow(FlowError);
    expect(() => assertValidFlow(flow)).toThrow(/start\.md: answers\[0\]\.next "nowhere"/);
  });
});

describe('validateFlow: shortlists', () => {
  const proxy = (flow: ReturnType<typeof shortlistFlow>) => flow.questions[0]!.answers[2]!;

  it('accepts a flow with shortlists whose later choices are also reachable by plain links', () => {
    expect(validateFlow(shortlistFlow())).toEqual([]);
  });

  it('rejects a question in a shortlist, an unknown id (with a suggestion) and a repeat', () => {
    const flow = shortlistFlow();
    proxy(flow).next = ['fix-nginx', 'web-q', 'fix-ingres', 'fix-nginx'];
    expect(validateFlow(flow)).toEqual([
      'content/flow/start.md: answers[2].next[1] "web-q" is a question; a shortlist lists fixes only (point the answer at the question alone)',
      'content/flow/start.md: answers[2].next[2] "fix-ingres" is not a fix id (did you mean "fix-ingress"?)',
      'content/flow/start.md: answers[2].next[3] "fix-nginx" is listed twice in this shortlist',
    ]);
  });

  it('rejects a shortlist of one or of more than five', () => {
    const flow = shortlistFlow();
    proxy(flow).next = ['fix-nginx'];
    expect(validateFlow(flow).join('\n')).toMatch(/answers\[2\]\.next lists 1 fix id\(s\); a shortlist needs 2 to 5/);
    proxy(flow).next = ['fix-nginx', 'fix-ingress', 'fix-header', 'fix-token', 'fix-cookies', 'fix-nginx'];
    expect(validateFlow(flow).join('\n')).toMatch(/answers\[2\]\.next lists 6 fix id\(s\)/);
  });

  it('counts a later shortlist choice as reached by answers (JavaScript), but requires a plain-link route too', () => {
    const flow = shortlistFlow();
    flow.fixes.push({ id: 'fix-extra', file: 'content/fixes/fix-extra.md', title: 'Extra', ifNotFixed: 'escalate' });
    proxy(flow).next = ['fix-nginx', 'fix-extra', 'fix-ingress'];
    const problems = validateFlow(flow);
    expect(problems.join('\n')).not.toMatch(/never reached/);
    expect(problems).toEqual([
      'content/fixes/fix-extra.md: fix "fix-extra" is only ever a later choice in a shortlist (content/flow/start.md answers[2].next), which needs JavaScript; make it the first choice of some answer or the ifNotFixed of a fix on the way, so plain links reach it too',
    ]);
    // An ifNotFixed on the way makes it reachable without JavaScript.
    flow.fixes.find((f) => f.id === 'fix-ingress')!.ifNotFixed = 'fix-extra';
    expect(validateFlow(flow)).toEqual([]);
  });
});
