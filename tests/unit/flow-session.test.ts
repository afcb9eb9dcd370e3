import { describe, expect, it } from 'vitest';
import { compileFlow } from '../../src/flow/compile';
import { typicalPaths } from '../../src/flow/paths';
import { arrival, change, restart } from '../../src/flow/session';
import { asContext, asTicks } from '../../src/components/guide-store';
import { asHistoryState } from '../../src/components/guide-history';
import { shortlistFlow } from './fixtures/flow';

const flow = shortlistFlow();
const config = compileFlow(flow);
const paths = typicalPaths(flow);
const proxy = { node: 'start', answer: 'proxy' };

describe('arrival: the context a guide page starts with', () => {
  it('keeps a stored trail that still leads here, rebuilding its shortlist', () => {
    const stored = { trail: [proxy], shortlist: [], tried: ['fix-nginx'], ticked: { 'fix-nginx': [1] } };
    const a = arrival(config, paths, 'fix-ingress', stored);
    expect(a.typical).toBe(false);
    expect(a.context).toEqual({ ...stored, shortlist: ['fix-nginx', 'fix-ingress', 'fix-header'] });
  });

  it('falls back to the usual way here when the stored trail leads elsewhere (stale), keeping ticks', () => {
    const stored = { trail: [{ node: 'start', answer: 'web' }], shortlist: [], tried: [], ticked: { x: [0] } };
    const a = arrival(config, paths, 'fix-ingress', stored);
    expect(a.typical).toBe(true);
    expect(a.context).toEqual({ trail: [proxy], shortlist: ['fix-nginx', 'fix-ingress', 'fix-header'], tried: [], ticked: { x: [0] } });
  });

  it('from the home page, the usual answer is the person\'s own; the start and final pages are never "typical"', () => {
    expect(arrival(config, paths, 'web-q', undefined, true).typical).toBe(false);
    expect(arrival(config, paths, 'web-q', undefined).typical).toBe(true);
    expect(arrival(config, paths, 'start', undefined).typical).toBe(false);
    const stored = { trail: [proxy], shortlist: [], tried: ['fix-nginx'], ticked: {} };
    expect(arrival(config, paths, 'escalate', stored)).toEqual({ context: stored, typical: false });
  });
});

describe('change and restart', () => {
  it('Change rewinds to the question, replays what came before and names the answer being changed', () => {
    const context = { trail: [{ node: 'start', answer: 'web' }, { node: 'web-q', answer: 'loop' }], shortlist: [], tried: ['fix-cookies'], ticked: { a: [1] } };
    expect(change(config, context, 'web-q')).toEqual({
      context: { trail: [{ node: 'start', answer: 'web' }], shortlist: [], tried: [], ticked: { a: [1] } },
      previous: 'loop',
    });
    expect(change(config, context, 'start').previous).toBe('web');
  });

  it('Change on a question not in the trail starts from the first question, with nothing to name', () => {
    const context = { trail: [proxy], shortlist: ['fix-nginx', 'fix-ingress', 'fix-header'], tried: ['fix-nginx'], ticked: { a: [1] } };
    expect(change(config, context, 'web-q')).toEqual({ context: { trail: [], shortlist: [], tried: [], ticked: { a: [1] } }, previous: undefined });
  });

  it('Change on a stale trail (content changed since) keeps the answers before the question, without a shortlist', () => {
    const stale = [{ node: 'start', answer: 'gone' }, { node: 'web-q', answer: 'loop' }];
    const context = { trail: stale, shortlist: ['x', 'y'], tried: ['x'], ticked: {} };
    expect(change(config, context, 'web-q')).toEqual({ context: { trail: [stale[0]], shortlist: [], tried: [], ticked: {} }, previous: 'loop' });
  });

  it('Start again forgets answers and tries, not ticks', () => {
    expect(restart({ trail: [proxy], shortlist: ['a', 'b'], tried: ['a'], ticked: { a: [0] } })).toEqual({ trail: [], shortlist: [], tried: [], ticked: { a: [0] } });
  });
});

describe('stored state is checked before use', () => {
  it('accepts what the guide writes, and an older context without a shortlist', () => {
    const good = { trail: [proxy], shortlist: ['a', 'b'], tried: ['a'], ticked: { a: [0, 2] } };
    expect(asContext(JSON.parse(JSON.stringify(good)))).toEqual(good);
    expect(asContext({ trail: [], tried: [], ticked: {} })).toEqual({ trail: [], shortlist: [], tried: [], ticked: {} });
  });

  it.each([
    ['{}', {}],
    ['[]', []],
    ['5', 5],
    ['null', null],
    ['a trail with null', { trail: [null], tried: [] }],
    ['a trail step without answer', { trail: [{ node: 'start' }], tried: [] }],
    ['tried as a string', { trail: [], tried: 'x' }],
    ['ticks that are not indexes', { trail: [], tried: [], ticked: { a: ['x'] } }],
    ['a shortlist of numbers', { trail: [], tried: [], shortlist: [1] }],
  ])('rejects %s', (_name, value) => {
    expect(asContext(value)).toBeUndefined();
  });

  it('ticks: small non-negative integers only', () => {
    expect(asTicks([0, 3])).toEqual([0, 3]);
    for (const bad of [{}, 5, [-1], [1.5], ['1'], [null]]) expect(asTicks(bad), JSON.stringify(bad)).toBeUndefined();
  });

  it('a history entry counts only if the guide wrote it', () => {
    expect(asHistoryState({ node: 'start', context: { trail: [], tried: [], ticked: {} } })?.node).toBe('start');
    expect(asHistoryState({ node: 'start' })).toBeUndefined();
    expect(asHistoryState(null)).toBeUndefined();
    expect(asHistoryState('start')).toBeUndefined();
  });
});

describe('guide storage', () => {
  const fake = () => {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k), m };
  };

  it('ignores and clears a malformed stored trail or ticks, and keeps a good one', async () => {
    const session = fake();
    const local = fake();
    Object.assign(globalThis, { sessionStorage: session, localStorage: local });
    const { loadContext, loadTicks, saveContext } = await import('../../src/components/guide-store');
    for (const raw of ['{}', '[]', '5', '{"trail":[null]}', 'not json']) {
      session.m.set('fix401:context', raw);
      expect(loadContext(), raw).toBeUndefined();
      expect(session.m.has('fix401:context'), raw).toBe(false);
    }
    local.m.set('fix401:ticks:a', '{}');
    expect(loadTicks('a')).toEqual([]);
    expect(local.m.has('fix401:ticks:a')).toBe(false);
    saveContext({ trail: [proxy], shortlist: [], tried: [], ticked: {} });
    expect(loadContext()?.trail).toEqual([proxy]);
  });
});
