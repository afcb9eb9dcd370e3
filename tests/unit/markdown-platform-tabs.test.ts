import { describe, expect, it } from 'vitest';
import type { Element, ElementContent } from 'hast';
import { markdownToHtml } from 'satteri';
import { findPlatformRuns, platformTabs, wrapPlatformRuns } from '../../src/markdown/platform-tabs';

const h = (tag: string, text: string): Element => ({ type: 'element', tagName: tag, properties: {}, children: [{ type: 'text', value: text }] });
const nl: ElementContent = { type: 'text', value: '\n' };
const html = (md: string) => (markdownToHtml(md, { hastPlugins: [platformTabs()] } as never) as { html: string }).html;

describe('findPlatformRuns', () => {
  it('wraps a run of platform headings up to the next section, intro and trailing whitespace outside', () => {
    const nodes = [h('h2', 'Fix it'), nl, h('p', 'intro'), h('h3', 'nginx'), h('p', 'n'), h('h3', 'Apache'), h('p', 'a'), nl, h('h2', 'Next')];
    const [run, ...rest] = findPlatformRuns(nodes);
    expect(rest).toEqual([]);
    expect(run).toEqual({
      start: 3,
      end: 7,
      panels: [
        { key: 'nginx', name: 'nginx', from: 3, to: 5 },
        { key: 'apache', name: 'Apache', from: 5, to: 7 },
      ],
    });
  });

  it('leaves a single platform heading, and headings that are not exactly a platform, alone', () => {
    expect(findPlatformRuns([h('h3', 'nginx'), h('p', 'x'), h('h3', 'Your own snippet'), h('h3', 'Apache')])).toEqual([]);
    expect(findPlatformRuns([h('h3', 'nginx on Debian'), h('h3', 'Apache')])).toEqual([]);
  });

  it('accepts the extra names and normalises keys (case, spaces, punctuation)', () => {
    const [run] = findPlatformRuns([h('h3', 'Kubernetes ingress-nginx'), h('h3', '.NET HttpClient'), h('h3', 'samsung internet'), h('h3', 'Keycloak')]);
    expect(run!.panels.map((p) => [p.key, p.name])).toEqual([
      ['kubernetes-ingress-nginx', 'Kubernetes ingress-nginx'],
      ['net-httpclient', '.NET HttpClient'],
      ['samsung-internet', 'Samsung Internet'],
      ['keycloak', 'Keycloak'],
    ]);
  });

  it('keeps ####s inside a panel, ends a run at a non-platform ### or a repeated platform', () => {
    const nodes = [h('h3', 'Chrome'), h('h4', 'Desktop'), h('p', 'c'), h('h3', 'Firefox'), h('h3', 'Chrome'), h('h3', 'Safari'), h('h3', 'Other'), h('p', 'o')];
    const runs = findPlatformRuns(nodes);
    expect(runs.map((r) => [r.start, r.end, r.panels.map((p) => p.key)])).toEqual([
      [0, 4, ['chrome', 'firefox']],
      [4, 6, ['chrome', 'safari']],
    ]);
  });

  it('starts a new run in each section', () => {
    const runs = findPlatformRuns([h('h3', 'iPhone'), h('h3', 'Android'), h('h2', 'Computer'), h('h3', 'Chrome'), h('h3', 'Edge')]);
    expect(runs.map((r) => r.panels.map((p) => p.key))).toEqual([['iphone', 'android'], ['chrome', 'edge']]);
  });
});

describe('wrapPlatformRuns', () => {
  it('returns a new list with the run inside <platform-tabs>, one panel per platform', () => {
    const nodes = [h('p', 'intro'), h('h3', 'curl'), h('p', 'c'), h('h3', 'fetch'), h('p', 'f')];
    const out = wrapPlatformRuns(nodes);
    expect(out).toHaveLength(2);
    const tabs = out[1] as Element;
    expect(tabs.tagName).toBe('platform-tabs');
    expect(tabs.children.map((p) => (p as Element).properties.dataPlatform)).toEqual(['curl', 'fetch']);
    expect((tabs.children[0] as Element).children).toEqual([nodes[1], nodes[2]]);
    expect(nodes).toHaveLength(5);
  });
});

describe('platformTabs (satteri plugin)', () => {
  it('renders the run with its headings kept, in order', () => {
    const out = html('## Delete cookies\n\nIntro.\n\n### iPhone\n\n**Settings** > [Safari](/x/)\n\n### Android\n\n```sh\nrm -rf cookies\n```\n\n## Check\n\nDone.\n');
    expect(out).toContain('<p>Intro.</p>\n<platform-tabs class="platform-tabs"><div class="platform-panel" data-platform="iphone"><h3>iPhone</h3>');
    expect(out).toContain('<p><strong>Settings</strong> &gt; <a href="/x/">Safari</a></p>');
    expect(out).toContain('<div class="platform-panel" data-platform="android"><h3>Android</h3>');
    expect(out).toContain('rm -rf cookies');
    expect(out).toMatch(/<\/div><\/platform-tabs>\n<h2>Check<\/h2>/);
  });

  it('changes nothing without a run', () => {
    const md = '## A\n\n### nginx\n\ntext\n\n### Notes\n\nmore\n';
    expect(html(md)).toBe((markdownToHtml(md) as { html: string }).html);
  });
});
