import { describe, expect, it } from 'vitest';
import { answerLines, mailtoLink, supportRequest, type SummaryLookup } from '../../src/flow/summary';
import { publishFlow } from '../../src/flow/publish';
import { compileFlow } from '../../src/flow/machine';
import { typicalPaths } from '../../src/flow/paths';
import { validFlow } from './fixtures/flow';

const flow = validFlow();
const lookup: SummaryLookup = {
  question: (id) => flow.questions.find((q) => q.id === id),
  fix: (id) => {
    const f = flow.fixes.find((x) => x.id === id);
    return f && { title: f.title, steps: ['Open a private window', 'Clear cookies for the site', 'Sign in again'] };
  },
};
const env = { url: 'https://fix401.example/guide/escalate/', time: new Date('2026-11-28T10:00:00Z'), browser: 'TestBrowser/1.0' };

describe('support request', () => {
  it('lists the answers given, as question and answer labels', () => {
    expect(answerLines({ trail: [{ node: 'start', answer: 'web' }, { node: 'web-q', answer: 'loop' }] }, lookup)).toEqual([
      { question: 'Where?', answer: 'Website' },
      { question: 'What happens?', answer: 'Login loop' },
    ]);
  });

  it('writes answers, fixes tried with the steps ticked, URL, time and browser', () => {
    const text = supportRequest(
      { trail: [{ node: 'start', answer: 'web' }, { node: 'web-q', answer: 'loop' }], tried: ['fix-cookies', 'fix-token'], ticked: { 'fix-cookies': [0, 2] } },
      lookup,
      env,
    );
    expect(text).toContain('- Where? Website');
    expect(text).toContain('- What happens? Login loop');
    expect(text).toContain('- Clear cookies\n    done: Open a private window\n    done: Sign in again');
    expect(text).toContain('- Renew token');
    expect(text).not.toContain('done: Clear cookies for the site');
    expect(text).toContain('- Page: https://fix401.example/guide/escalate/');
    expect(text).toContain('- Time: 2026-11-28T10:00:00.000Z (UTC)');
    expect(text).toContain('- Browser: TestBrowser/1.0');
  });

  it('skips trail steps and fixes that no longer exist instead of printing ids', () => {
    const text = supportRequest({ trail: [{ node: 'gone', answer: 'x' }], tried: ['gone-fix'], ticked: {} }, lookup, env);
    expect(text).not.toContain('gone');
    expect(text).not.toContain('What I answered');
  });

  it('builds a mailto link with the body encoded', () => {
    const link = mailtoLink('Line 1\nLine & 2');
    expect(link).toBe('mailto:?subject=HTTP%20401%20Unauthorized%3A%20request%20for%20help&body=Line%201%0ALine%20%26%202');
  });
});

describe('/flow.json', () => {
  it('publishes nodes with URLs, answers, edges, typical paths and the machine', () => {
    const machine = compileFlow(flow);
    const published = publishFlow(flow, machine, typicalPaths(flow), (id) => `/guide/${id}/`);
    expect(published.start).toBe('start');
    expect(published.nodes.find((n) => n.id === 'web-q')).toMatchObject({ kind: 'question', url: '/guide/web-q/' });
    expect(published.nodes.find((n) => n.id === 'fix-cookies')).toMatchObject({ kind: 'fix', ifNotFixed: 'fix-token', typicalPath: ['start:web', 'web-q:loop'] });
    expect(published.edges).toContainEqual({ from: 'start', to: 'web-q', event: 'ANSWER.web' });
    expect(published.edges).toContainEqual({ from: 'fix-token', to: 'escalate', event: 'NOT_FIXED' });
    expect(published.machine).toBe(machine);
  });
});
