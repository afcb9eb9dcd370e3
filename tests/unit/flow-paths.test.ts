/**
 * The path generation the browser tests use (tests/e2e/lib/flow.ts), run on
 * the real content without a build: with JavaScript (the machine, shortlists
 * included) and with plain links only, every fix is reachable.
 */
import { describe, expect, it } from 'vitest';
import { loadContentDir } from '../../src/model/load-files';
import { flowInputOf } from '../../src/model/flow-input';
import { compileFlow } from '../../src/flow/compile';
import { typicalPaths } from '../../src/flow/paths';
import { publishFlow } from '../../src/flow/publish';
import { nodeUrl } from '../../src/flow/addresses';
import { plainLinkPaths, shortestPaths, type PublishedFlow } from '../e2e/lib/flow';
import { shortlistFlow } from './fixtures/flow';

const { content } = loadContentDir('content');
const real = flowInputOf(content);

describe.each([
  ['the real content', real],
  ['the shortlist fixture', shortlistFlow()],
])('paths through %s', (_name, flow) => {
  const machine = compileFlow(flow);
  const published = publishFlow(flow, machine, typicalPaths(flow), (id) => nodeUrl('/', id)) as unknown as PublishedFlow;

  it('reach every fix, resolved and escalate with JavaScript', () => {
    const reached = new Set(shortestPaths(machine).map((p) => p.target));
    for (const f of flow.fixes) expect(reached, f.id).toContain(f.id);
    expect(reached).toContain('resolved');
    expect(reached).toContain('escalate');
  });

  it('reach every fix by plain links (first choices and ifNotFixed)', () => {
    const reached = new Set(plainLinkPaths(published).map((p) => p.target));
    for (const f of flow.fixes) expect(reached, f.id).toContain(f.id);
  });
});

it('a fix only a shortlist\'s later choice is reached by an answer and then "No"', () => {
  const flow = shortlistFlow();
  const toIngress = shortestPaths(compileFlow(flow)).find((p) => p.target === 'fix-ingress');
  expect(toIngress?.events).toEqual(['ANSWER.proxy', 'NOT_FIXED']);
});
