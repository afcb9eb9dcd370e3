import { describe, expect, it } from 'vitest';
import { FINAL_STATES, guideEvent, guidePath, isFinal, nodeUrl, stepDataUrl } from '../../src/flow/addresses';
import { answerRows } from '../../src/flow/answers';
import { validFlow } from './fixtures/flow';

describe('the guide\'s addresses', () => {
  it('the start is /guide/, every other node /guide/<id>/, under any base', () => {
    expect(guidePath()).toBe('guide/');
    expect(guidePath('start')).toBe('guide/');
    expect(guidePath('')).toBe('guide/');
    expect(nodeUrl('/', 'jwt-expired')).toBe('/guide/jwt-expired/');
    expect(nodeUrl('/help/401/', 'start')).toBe('/help/401/guide/');
    expect(nodeUrl('/help/401', 'resolved')).toBe('/help/401/guide/resolved/');
  });

  it('an answer\'s shortlist links to its first fix', () => {
    expect(nodeUrl('/', ['fix-a', 'fix-b'])).toBe('/guide/fix-a/');
  });

  it('step data sits next to each node, the start included', () => {
    expect(stepDataUrl('/help/401/', 'start')).toBe('/help/401/guide/start/step.json');
  });

  it('names the final states and the link events', () => {
    expect([...FINAL_STATES]).toEqual(['resolved', 'escalate']);
    expect(isFinal('escalate')).toBe(true);
    expect(isFinal('start')).toBe(false);
    expect(guideEvent('FIXED')).toEqual({ type: 'FIXED' });
  });
});

describe('answerRows', () => {
  const flow = validFlow();
  const question = (id: string) => flow.questions.find((q) => q.id === id);

  it('turns a trail into question and answer labels, skipping steps that no longer exist', () => {
    const trail = [
      { node: 'start', answer: 'web' },
      { node: 'gone', answer: 'x' },
      { node: 'web-q', answer: 'renamed' },
      { node: 'web-q', answer: 'loop' },
    ];
    expect(answerRows(trail, question)).toEqual([
      { node: 'start', question: 'Where?', answer: 'Website' },
      { node: 'web-q', question: 'What happens?', answer: 'Login loop' },
    ]);
  });
});
