import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendJourney, checkDetail, MAX_JOURNEY, outcome, parseJourney, type OutcomeInput } from '../../src/lib/outcomes';

describe('outcome events carry ids only', () => {
  it('builds each event type from ids', () => {
    expect(outcome({ type: 'step-shown', node: 'start' })).toEqual({ type: 'step-shown', node: 'start', embedded: false });
    expect(outcome({ type: 'answer-chosen', node: 'start', answer: 'api' }, true)).toEqual({ type: 'answer-chosen', node: 'start', answer: 'api', embedded: true });
    expect(outcome({ type: 'fixed', fix: 'jwt-expired' })).toMatchObject({ type: 'fixed', fix: 'jwt-expired' });
    expect(outcome({ type: 'not-fixed', fix: 'jwt-expired' })).toMatchObject({ type: 'not-fixed', fix: 'jwt-expired' });
    expect(outcome({ type: 'escalated' })).toEqual({ type: 'escalated', embedded: false });
    expect(outcome({ type: 'escalated', fix: 'jwt-expired' })).toMatchObject({ fix: 'jwt-expired' });
    expect(outcome({ type: 'search-result-chosen', result: 'cookie-domain-mismatch', rank: 2 })).toMatchObject({ result: 'cookie-domain-mismatch', rank: 2 });
    expect(outcome({ type: 'finding-shown', finding: 'token-expired', status: 401 })).toMatchObject({ finding: 'token-expired', status: 401 });
    expect(outcome({ type: 'finding-shown', finding: 'token-expired' })).toEqual({ type: 'finding-shown', finding: 'token-expired', embedded: false });
  });

  it.each([
    { type: 'step-shown', node: 'Bearer eyJhbGciOi.x.y' },
    { type: 'step-shown', node: 'my password' },
    { type: 'step-shown', node: 'ABC' },
    { type: 'step-shown', node: '' },
    { type: 'step-shown', node: 'a'.repeat(81) },
    { type: 'answer-chosen', node: 'start' },
    { type: 'step-shown', node: 'start', query: 'typed text' },
    { type: 'search-result-chosen', result: 'x', rank: 0 },
    { type: 'search-result-chosen', result: 'x', rank: 1.5 },
    { type: 'finding-shown', finding: 'token-expired', status: 4010 },
    { type: 'finding-shown', finding: 'token-expired', status: '401' },
    { type: 'launch-rockets', node: 'start' },
  ])('refuses anything that is not an id of the allowed shape: %o', (input) => {
    expect(outcome(input as unknown as OutcomeInput)).toBeUndefined();
  });

  it('no typed text survives: any string with a character outside a slug is refused', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }), (s) => {
        const d = outcome({ type: 'step-shown', node: s });
        if (d) expect(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && s.length <= 80).toBe(true);
        else expect(d).toBeUndefined();
      }),
    );
  });

  it('the journey keeps the last events, re-checked when read back', () => {
    let j = parseJourney(null);
    for (let i = 0; i < MAX_JOURNEY + 5; i++) j = appendJourney(j, outcome({ type: 'step-shown', node: `n-${i}` })!);
    expect(j).toHaveLength(MAX_JOURNEY);
    expect(j.at(-1)).toMatchObject({ node: `n-${MAX_JOURNEY + 4}` });
    const stored = JSON.stringify([...j.slice(0, 2), { type: 'step-shown', node: 'secret token', embedded: false }, 5, null]);
    expect(parseJourney(stored)).toHaveLength(2);
    for (const bad of ['{}', '5', 'not json', '[null]', '{"trail":[null]}']) expect(Array.isArray(parseJourney(bad))).toBe(true);
    expect(checkDetail({ type: 'fixed', fix: 'x' })).toBeUndefined(); // embedded missing
  });
});
