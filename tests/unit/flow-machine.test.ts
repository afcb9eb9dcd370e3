import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compileFlow, createGuideMachine, eventsFor, replay, answerEvent, FIXED, NOT_FIXED, TICK } from '../../src/flow/machine';
import { typicalPaths } from '../../src/flow/paths';
import { validFlow } from './fixtures/flow';

describe('compileFlow', () => {
  it('produces plain JSON: one state per node plus resolved and escalate', () => {
    const config = compileFlow(validFlow());
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(Object.keys(config.states).sort()).toEqual(['escalate', 'fix-cookies', 'fix-token', 'resolved', 'start', 'web-q']);
    expect(config.states.start!.on![answerEvent('web')]!.target).toBe('web-q');
    expect(config.states['fix-cookies']!.on![NOT_FIXED]!.target).toBe('fix-token');
    expect(config.states['fix-token']!.on![NOT_FIXED]!.target).toBe('escalate');
    expect(config.states.resolved!.type).toBe('final');
  });

  it('refuses to compile a broken flow', () => {
    const flow = validFlow();
    flow.fixes[0]!.ifNotFixed = 'missing';
    expect(() => compileFlow(flow)).toThrow(/ifNotFixed "missing"/);
  });
});

describe('the guide machine', () => {
  const machine = createGuideMachine(compileFlow(validFlow()));

  it('walks answers to a fix, records the trail, then NOT_FIXED moves on and ends in escalation', () => {
    const actor = createActor(machine).start();
    actor.send({ type: answerEvent('web') });
    actor.send({ type: answerEvent('loop') });
    expect(actor.getSnapshot().value).toBe('fix-cookies');
    expect(actor.getSnapshot().context.trail).toEqual([
      { node: 'start', answer: 'web' },
      { node: 'web-q', answer: 'loop' },
    ]);
    actor.send({ type: NOT_FIXED });
    expect(actor.getSnapshot().value).toBe('fix-token');
    actor.send({ type: NOT_FIXED });
    expect(actor.getSnapshot().value).toBe('escalate');
    expect(actor.getSnapshot().status).toBe('done');
    expect(actor.getSnapshot().context.tried).toEqual(['fix-cookies', 'fix-token']);
  });

  it('FIXED ends in resolved', () => {
    const actor = createActor(machine).start();
    actor.send({ type: answerEvent('api') });
    actor.send({ type: FIXED });
    expect(actor.getSnapshot().value).toBe('resolved');
  });

  it('ignores an answer that does not belong to the current question', () => {
    const actor = createActor(machine).start();
    actor.send({ type: answerEvent('loop') });
    expect(actor.getSnapshot().value).toBe('start');
  });

  it('TICK records ticked steps per fix and unticks', () => {
    const actor = createActor(machine).start();
    actor.send({ type: answerEvent('api') });
    actor.send({ type: TICK, step: 2, checked: true });
    actor.send({ type: TICK, step: 0, checked: true });
    actor.send({ type: TICK, step: 2, checked: false });
    expect(actor.getSnapshot().context.ticked).toEqual({ 'fix-token': [0] });
    expect(actor.getSnapshot().value).toBe('fix-token');
  });

  it('replays a stored context to the state it leads to, and refuses a stale one', () => {
    const context = { trail: [{ node: 'start', answer: 'web' }, { node: 'web-q', answer: 'loop' }], tried: ['fix-cookies'] };
    expect(eventsFor(context).map((e) => e.type)).toEqual(['ANSWER.web', 'ANSWER.loop', 'NOT_FIXED']);
    expect(replay(machine, context)).toBe('fix-token');
    expect(replay(machine, { trail: [{ node: 'start', answer: 'gone' }], tried: [] })).toBeUndefined();
  });
});

describe('typicalPaths', () => {
  it('gives the fewest answers to each node, preferring answers listed first', () => {
    const paths = typicalPaths(validFlow());
    expect(paths.get('start')).toEqual([]);
    expect(paths.get('fix-token')).toEqual([{ node: 'start', answer: 'api' }]);
    expect(paths.get('fix-cookies')).toEqual([
      { node: 'start', answer: 'web' },
      { node: 'web-q', answer: 'loop' },
    ]);
  });

  it('a typical path replays to its node; a trail that skips the start does not', () => {
    const flow = validFlow();
    const machine = createGuideMachine(compileFlow(flow));
    expect(replay(machine, { trail: typicalPaths(flow).get('fix-cookies')!, tried: [] })).toBe('fix-cookies');
    expect(replay(machine, { trail: [{ node: 'web-q', answer: 'loop' }], tried: [] })).toBeUndefined();
  });
});

describe('the browser copy of the flow', () => {
  it('compiles to exactly the machine the build publishes', async () => {
    const { guideData, flowInput } = await import('../../src/flow/client-data');
    const flow = validFlow();
    const shipped = JSON.parse(JSON.stringify(guideData(flow, '/')));
    expect(compileFlow(flowInput(shipped))).toEqual(compileFlow(flow));
    expect(JSON.stringify(shipped)).not.toContain('content/flow/');
  });
});
