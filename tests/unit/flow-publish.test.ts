import { describe, expect, it } from 'vitest';
import { publishFlow } from '../../src/flow/publish';
import { compileFlow } from '../../src/flow/machine';
import { typicalPaths } from '../../src/flow/paths';
import { shortlistFlow, validFlow } from './fixtures/flow';

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

  it('an answer lists its shortlist only when it has one; every fix has its "fixed" and "not fixed" edges', () => {
    const flow = shortlistFlow();
    const published = publishFlow(flow, compileFlow(flow), typicalPaths(flow), (id) => `/guide/${id}/`);
    const start = published.nodes.find((n) => n.id === 'start')!;
    expect(start.kind === 'question' && start.answers).toEqual([
      { id: 'web', label: 'Website', next: 'web-q', url: '/guide/web-q/' },
      { id: 'api', label: 'API', next: 'fix-token', url: '/guide/fix-token/' },
      { id: 'proxy', label: 'Behind a proxy', next: 'fix-nginx', shortlist: ['fix-nginx', 'fix-ingress', 'fix-header'], url: '/guide/fix-nginx/' },
      { id: 'apache', label: 'Apache', next: 'fix-header', shortlist: ['fix-header', 'fix-nginx'], url: '/guide/fix-header/' },
    ]);
    // A shortlist is published in rank order: 1 is where the answer goes, the rest are tried on "No".
    expect(published.edges.filter((e) => e.event === 'ANSWER.proxy')).toEqual([
      { from: 'start', to: 'fix-nginx', event: 'ANSWER.proxy', rank: 1 },
      { from: 'start', to: 'fix-ingress', event: 'ANSWER.proxy', rank: 2 },
      { from: 'start', to: 'fix-header', event: 'ANSWER.proxy', rank: 3 },
    ]);
    expect(published.edges.filter((e) => e.event === 'ANSWER.web')).toEqual([{ from: 'start', to: 'web-q', event: 'ANSWER.web' }]);
    for (const f of flow.fixes) {
      expect(published.edges).toContainEqual({ from: f.id, to: 'resolved', event: 'FIXED' });
      expect(published.edges).toContainEqual({ from: f.id, to: f.ifNotFixed, event: 'NOT_FIXED' });
    }
  });
});
