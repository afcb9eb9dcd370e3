import { describe, expect, it } from 'vitest';
import { publishFlow } from '../../src/flow/publish';
import { compileFlow } from '../../src/flow/machine';
import { typicalPaths } from '../../src/flow/paths';
import { validFlow } from './fixtures/flow';

const flow = validFlow();
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
