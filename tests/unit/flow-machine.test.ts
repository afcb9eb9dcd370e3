import { describe, expect, it } from 'vitest';
import { createActor, initialTransition, transition } from 'xstate';
import fc from 'fast-check';
import { compileFlow, createGuideMachine, replay as replayXState, answerEvent, FIXED, NOT_FIXED, TICK, guideEvent, nodesAfter, type GuideEvent, type TransitionConfig } from '../../src/flow/machine';
import { eventsFor, replayTrail as replay, step } from '../../src/flow/step';
import { typicalPaths } from '../../src/flow/paths';
import { alsoLikely, nextTry, untriedShortlist } from '../../src/flow/types';
import { chainFlow, shortlistFlow, validFlow } from './fixtures/flow';
import { validateFlow } from '../../src/flow/validate';
import { embedJson } from '../../src/flow/client-data';

const single = (t: TransitionConfig | TransitionConfig[] | undefined) => {
  if (!t || Array.isArray(t)) throw new Error('expected one unguarded transition');
  return t;
};

describe('compileFlow', () => {
  it('produces plain JSON: one state per node plus resolved and escalate', () => {
    const config = compileFlow(validFlow());
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(Object.keys(config.states).sort()).toEqual(['escalate', 'fix-cookies', 'fix-token', 'resolved', 'start', 'web-q']);
    expect(single(config.states.start!.on![answerEvent('web')]).target).toBe('web-q');
    expect(single(config.states['fix-cookies']!.on![NOT_FIXED]).target).toBe('fix-token');
    expect(single(config.states['fix-token']!.on![NOT_FIXED]).target).toBe('escalate');
    expect(config.states.resolved!.type).toBe('final');
  });

  it('does not validate (the build does, once), so the browser can compile without the validator', () => {
    const flow = validFlow();
    flow.fixes[0]!.ifNotFixed = 'missing';
    expect(single(compileFlow(flow).states['fix-cookies']!.on![NOT_FIXED]).target).toBe('missing');
  });

  it('compiles a shortlist into the answer action and guarded NOT_FIXED transitions, still plain JSON', () => {
    const config = compileFlow(shortlistFlow());
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
    expect(config.states.start!.on![answerEvent('proxy')]).toEqual({
      target: 'fix-nginx',
      actions: [{ type: 'answer', params: { node: 'start', answer: 'proxy', shortlist: ['fix-nginx', 'fix-ingress', 'fix-header'] } }],
    });
    const no = config.states['fix-nginx']!.on![NOT_FIXED] as TransitionConfig[];
    expect(no.map((t) => t.target)).toEqual(['fix-ingress', 'fix-header', 'escalate', 'fix-ingress']);
    expect(no[0]!.guard).toEqual({ type: 'isNextTry', params: { from: 'fix-nginx', target: 'fix-ingress' } });
    expect(no.at(-1)!.guard).toBeUndefined();
    expect(config.states['fix-nginx']!.meta.ifNotFixed).toBe('fix-ingress');
    // A fix no shortlist can be active on keeps one plain transition.
    expect(single(config.states['fix-cookies']!.on![NOT_FIXED]).target).toBe('fix-token');
    expect(nodesAfter(config, 'fix-nginx').sort()).toEqual(['escalate', 'fix-header', 'fix-ingress', 'resolved']);
  });
});

describe('the guide machine', () => {
  const config = compileFlow(validFlow());
  const machine = createGuideMachine(config);

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
    expect(eventsFor(context).map((e: GuideEvent) => e.type)).toEqual(['ANSWER.web', 'ANSWER.loop', 'NOT_FIXED']);
    expect(replay(config, context)?.node).toBe('fix-token');
    expect(replay(config, { trail: [{ node: 'start', answer: 'gone' }], tried: [] })).toBeUndefined();
  });
});

describe('the guide machine with shortlists', () => {
  const config = compileFlow(shortlistFlow());
  const machine = createGuideMachine(config);
  const walk = (...types: string[]) => {
    const actor = createActor(machine).start();
    const seen: string[] = [];
    for (const type of types) {
      actor.send(guideEvent(type)!);
      seen.push(String(actor.getSnapshot().value));
    }
    return { seen, snapshot: actor.getSnapshot() };
  };

  it('an answer with a shortlist shows its first fix and sets the shortlist; "No" walks the rest in rank order', () => {
    const { seen, snapshot } = walk('ANSWER.proxy', NOT_FIXED, NOT_FIXED);
    expect(seen).toEqual(['fix-nginx', 'fix-ingress', 'fix-header']);
    expect(snapshot.context.shortlist).toEqual(['fix-nginx', 'fix-ingress', 'fix-header']);
    expect(snapshot.context.tried).toEqual(['fix-nginx', 'fix-ingress']);
  });

  it('after the shortlist, follows the fix\'s ifNotFixed chain skipping what was tried, then escalates', () => {
    // fix-header → fix-nginx (tried) → fix-ingress (tried) → escalate.
    expect(walk('ANSWER.proxy', NOT_FIXED, NOT_FIXED, NOT_FIXED).seen.at(-1)).toBe('escalate');
    // apache: [fix-header, fix-nginx], then fix-nginx's own chain (fix-ingress), then escalate.
    expect(walk('ANSWER.apache', NOT_FIXED, NOT_FIXED, NOT_FIXED).seen).toEqual(['fix-header', 'fix-nginx', 'fix-ingress', 'escalate']);
  });

  it('an answer without a shortlist leaves the shortlist as it was (empty on the way to a question)', () => {
    const { seen, snapshot } = walk('ANSWER.web', 'ANSWER.loop', NOT_FIXED);
    expect(seen).toEqual(['web-q', 'fix-cookies', 'fix-token']);
    expect(snapshot.context.shortlist).toEqual([]);
  });

  it('replays a stored trail with a shortlist to the same node and rebuilds the shortlist', () => {
    const stored = { trail: [{ node: 'start', answer: 'proxy' }], tried: ['fix-nginx', 'fix-ingress'] };
    const result = replay(config, stored);
    expect(result?.node).toBe('fix-header');
    expect(result?.context.shortlist).toEqual(['fix-nginx', 'fix-ingress', 'fix-header']);
    expect(replayXState(machine, stored)).toEqual(result);
    expect(replay(config, { ...stored, tried: ['fix-nginx', 'fix-ingress', 'fix-header', 'x', 'y'] })).toBeUndefined();
  });

  it('nextTry: shortlist first, then the chain skipping tried, then escalate', () => {
    const chain: Record<string, string> = { a: 'b', b: 'c', c: 'escalate', x: 'a' };
    const ifNotFixed = (id: string) => chain[id] ?? 'escalate';
    expect(nextTry({ shortlist: ['x', 'c', 'a'], tried: [] }, 'x', ifNotFixed)).toBe('c');
    expect(nextTry({ shortlist: ['x', 'c', 'a'], tried: ['c'] }, 'x', ifNotFixed)).toBe('a');
    expect(nextTry({ shortlist: ['x', 'c'], tried: ['c'] }, 'x', ifNotFixed)).toBe('a');
    expect(nextTry({ shortlist: [], tried: ['b'] }, 'a', ifNotFixed)).toBe('c');
    expect(nextTry({ shortlist: [], tried: ['b', 'c'] }, 'a', ifNotFixed)).toBe('escalate');
    // A loop in a hand-made chain still ends.
    expect(nextTry({ shortlist: [], tried: ['b'] }, 'a', (id) => (id === 'a' ? 'b' : 'a'))).toBe('escalate');
  });

  it('untriedShortlist: the rest of the shortlist in rank order, without the current fix or any tried one', () => {
    expect(untriedShortlist({ shortlist: ['x', 'c', 'a', 'd'], tried: [] }, 'x')).toEqual(['c', 'a', 'd']);
    expect(untriedShortlist({ shortlist: ['x', 'c', 'a', 'd'], tried: ['x', 'a'] }, 'c')).toEqual(['d']);
    // A fix reached from its ifNotFixed chain, not the shortlist, still sees what is left of the shortlist.
    expect(untriedShortlist({ shortlist: ['x', 'c'], tried: ['x', 'c'] }, 'q')).toEqual([]);
  });

  it('alsoLikely: the untried shortlist without the fix "No" names on its own line', () => {
    expect(alsoLikely({ shortlist: ['x', 'c', 'a', 'd'], tried: [] }, 'x', 'c')).toEqual(['a', 'd']);
    // Without JavaScript "No" goes to ifNotFixed, which may sit anywhere in the list, or not in it at all.
    expect(alsoLikely({ shortlist: ['x', 'c', 'a', 'd'], tried: [] }, 'x', 'a')).toEqual(['c', 'd']);
    expect(alsoLikely({ shortlist: ['x', 'c'], tried: [] }, 'x', 'escalate')).toEqual(['c']);
  });

  it('guideEvent accepts only the events the guide knows', () => {
    expect(guideEvent('ANSWER.x')).toEqual({ type: 'ANSWER.x' });
    expect(guideEvent(NOT_FIXED)).toEqual({ type: NOT_FIXED });
    expect(guideEvent(TICK)).toBeUndefined();
    expect(guideEvent('nonsense')).toBeUndefined();
    expect(guideEvent(undefined)).toBeUndefined();
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
    const config = compileFlow(flow);
    expect(replay(config, { trail: typicalPaths(flow).get('fix-cookies')!, tried: [] })?.node).toBe('fix-cookies');
    expect(replay(config, { trail: [{ node: 'web-q', answer: 'loop' }], tried: [] })).toBeUndefined();
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

  it('names each node\'s content file again, so a problem found in the copy still points at a file', async () => {
    const { guideData, flowInput } = await import('../../src/flow/client-data');
    const input = flowInput(JSON.parse(JSON.stringify(guideData(validFlow(), '/'))));
    expect(input.questions.map((q) => q.file)).toEqual(input.questions.map((q) => `content/flow/${q.id}`));
    expect(input.fixes.map((f) => f.file)).toEqual(input.fixes.map((f) => `content/fixes/${f.id}`));
  });

  it('embeds as JSON that no "</script>" inside it can close early, and reads back the same', () => {
    const value = { title: 'Fix </script><script>alert(1)</script> <b>', n: [1, '<'] };
    const json = embedJson(value);
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('step(): the browser\'s transition function agrees with XState', () => {
  const flows = { valid: validFlow(), shortlists: shortlistFlow() };
  for (const [name, flow] of Object.entries(flows)) {
    it(`on random event sequences over the ${name} flow`, () => {
      const config = compileFlow(flow);
      const machine = createGuideMachine(config);
      const answers = flow.questions.flatMap((q) => q.answers.map((a) => answerEvent(a.id)));
      const event = fc.oneof(
        fc.constantFrom(...answers, FIXED, NOT_FIXED).map((type) => guideEvent(type)!),
        fc.record({ type: fc.constant(TICK), step: fc.nat(4), checked: fc.boolean() }) as fc.Arbitrary<GuideEvent>,
      );
      fc.assert(
        fc.property(fc.array(event, { maxLength: 12 }), (events) => {
          let [snapshot] = initialTransition(machine);
          let mine = { node: 'start', context: snapshot.context };
          for (const e of events) {
            [snapshot] = transition(machine, snapshot, e);
            mine = step(config, mine.node, mine.context, e) ?? mine;
            expect(mine.node).toBe(String(snapshot.value));
            expect(mine.context).toEqual(snapshot.context);
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('"did not fix it" follows the content: the compiled machine agrees with nextTry()', () => {
  // nextTry() is the rule written once over the content's own ifNotFixed; the machine compiles it into
  // static guarded transitions. Any context a person can reach must give the same next fix.
  const flows = { shortlists: shortlistFlow(), chains: chainFlow() };
  for (const [name, flow] of Object.entries(flows)) {
    it(`on random walks over the ${name} flow, and never offers a fix twice`, () => {
      expect(validateFlow(flow)).toEqual([]);
      const config = compileFlow(flow);
      const machine = createGuideMachine(config);
      const ifNotFixed = (id: string) => flow.fixes.find((f) => f.id === id)?.ifNotFixed ?? 'escalate';
      const answers = flow.questions.flatMap((q) => q.answers.map((a) => answerEvent(a.id)));
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...answers, NOT_FIXED, NOT_FIXED, NOT_FIXED), { maxLength: 10 }), (types) => {
          let [snapshot] = initialTransition(machine);
          for (const type of types) {
            const from = String(snapshot.value);
            const before = snapshot.context;
            [snapshot] = transition(machine, snapshot, guideEvent(type)!);
            if (type !== NOT_FIXED || !ifNotFixed(from) || config.states[from]?.meta.kind !== 'fix') continue;
            expect(String(snapshot.value)).toBe(nextTry(before, from, ifNotFixed));
            expect(snapshot.context.tried).toEqual([...before.tried, from]);
            if (snapshot.value !== 'escalate') expect(before.tried).not.toContain(snapshot.value);
          }
        }),
        { numRuns: 400 },
      );
    });
  }

  it('a fix reached only down a chain skips a fix already tried, rather than offering it again', () => {
    const machine = createGuideMachine(compileFlow(chainFlow()));
    const actor = createActor(machine).start();
    const seen: string[] = [];
    for (const type of ['ANSWER.both', NOT_FIXED, NOT_FIXED, NOT_FIXED, NOT_FIXED]) {
      actor.send(guideEvent(type)!);
      seen.push(String(actor.getSnapshot().value));
    }
    // fix-extra's own "No" is fix-token, tried first: the guide escalates instead.
    expect(seen).toEqual(['fix-token', 'fix-nginx', 'fix-ingress', 'fix-extra', 'escalate']);
  });
});

describe('the compiled machine, state by state', () => {
  it('records "did not fix it" and ticks on the fix itself', () => {
    const config = compileFlow(validFlow());
    const no = config.states['fix-cookies']!.on![NOT_FIXED] as TransitionConfig;
    expect(no.actions).toEqual([{ type: 'notFixed', params: { fix: 'fix-cookies' } }]);
    expect(config.states['fix-cookies']!.on![TICK]).toEqual({ actions: [{ type: 'tick', params: { fix: 'fix-cookies' } }] });
    expect(config.states['fix-cookies']!.on![FIXED]).toEqual({ target: 'resolved', actions: [] });
  });

  it('names the two final states for readers of /flow.json', () => {
    const config = compileFlow(validFlow());
    expect(config.states.resolved).toEqual({ type: 'final', meta: { kind: 'resolved', title: 'Fixed' } });
    expect(config.states.escalate).toEqual({ type: 'final', meta: { kind: 'escalate', title: 'Ask for help' } });
  });

  it('a new machine starts with nothing answered, tried or ticked', () => {
    expect(createActor(createGuideMachine(compileFlow(validFlow()))).start().getSnapshot().context).toEqual({ trail: [], shortlist: [], tried: [], ticked: {} });
  });

  it('"did not fix it" twice on the same fix keeps it once, last; ticks stay in number order', () => {
    const config = compileFlow(validFlow());
    let at = step(config, 'fix-cookies', { trail: [], shortlist: [], tried: ['fix-cookies', 'fix-token'], ticked: {} }, { type: NOT_FIXED })!;
    expect(at.context.tried).toEqual(['fix-token', 'fix-cookies']);
    at = step(config, 'fix-token', { ...at.context, ticked: { 'fix-token': [10] } }, { type: TICK, step: 2, checked: true })!;
    at = step(config, 'fix-token', at.context, { type: TICK, step: 7, checked: true })!;
    expect(at.context.ticked['fix-token']).toEqual([2, 7, 10]);
  });

  it('XState replay refuses an answer the question does not have and any event after the end', () => {
    const machine = createGuideMachine(compileFlow(validFlow()));
    expect(replayXState(machine, { trail: [{ node: 'start', answer: 'web' }, { node: 'web-q', answer: 'gone' }], tried: [] })).toBeUndefined();
    expect(replayXState(machine, { trail: [{ node: 'start', answer: 'api' }], tried: ['fix-token', 'fix-token'] })).toBeUndefined();
    expect(replayXState(machine, { trail: [{ node: 'start', answer: 'api' }], tried: ['fix-token'] })?.node).toBe('escalate');
  });
});
