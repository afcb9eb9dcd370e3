import type { Element, ElementContent, RootContent } from 'hast';
import { defineHastPlugin } from 'satteri';
import { platformKey, platformName } from './platforms';

/**
 * Platform alternatives as tabs. Inside a `##` section, a run of two or more
 * consecutive `###` headings that each name exactly one platform ("nginx",
 * "Apache", "iPhone"...) is wrapped, panel by panel, in
 *
 *   <platform-tabs class="platform-tabs">
 *     <div class="platform-panel" data-platform="nginx"><h3>nginx</h3>...</div>
 *     ...
 *   </platform-tabs>
 *
 * The headings stay, so without JavaScript every alternative shows in order
 * under its heading; the <platform-tabs> element (src/components/platform-tabs.ts)
 * upgrades the container to WAI-ARIA tabs.
 */

type Node = RootContent | ElementContent;

const isElement = (n: Node | undefined): n is Element => n?.type === 'element';
const headingLevel = (n: Node | undefined): number | undefined =>
  isElement(n) && /^h[1-6]$/.test(n.tagName) ? Number(n.tagName[1]) : undefined;

export function textOf(n: Node): string {
  if (n.type === 'text') return n.value;
  return 'children' in n ? n.children.map((c) => textOf(c as Node)).join('') : '';
}

export interface PlatformRun {
  /** Index of the first `###` of the run among the siblings. */
  start: number;
  /** Index one past the last node of the last panel. */
  end: number;
  /** Each panel: its platform key, display name and [from, to) sibling range (heading included). */
  panels: { key: string; name: string; from: number; to: number }[];
}

/**
 * Finds the tab runs among one level of siblings (a document's top level).
 * A panel runs from its `###` to the next heading of level 3 or higher; a run
 * ends at a `##` (or `#`), at a `###` that names no platform, or at a platform
 * named twice. Runs of one panel are left alone.
 */
export function findPlatformRuns(nodes: readonly Node[]): PlatformRun[] {
  const runs: PlatformRun[] = [];
  let current: PlatformRun | undefined;
  const close = (at: number) => {
    if (current) {
      current.panels[current.panels.length - 1]!.to = at;
      current.end = at;
      if (current.panels.length >= 2) runs.push(current);
    }
    current = undefined;
  };
  nodes.forEach((node, i) => {
    const level = headingLevel(node);
    if (level === undefined || level > 3) return;
    const name = level === 3 ? platformName(textOf(node)) : undefined;
    if (!name) return close(i);
    const key = platformKey(name);
    if (current?.panels.some((p) => p.key === key)) close(i);
    if (current) current.panels[current.panels.length - 1]!.to = i;
    else current = { start: i, end: i, panels: [] };
    current.panels.push({ key, name, from: i, to: i });
  });
  close(nodes.length);
  // Trailing whitespace text between the last panel and the next section stays outside.
  for (const run of runs) {
    while (run.end > run.start && nodes[run.end - 1]?.type === 'text' && !(nodes[run.end - 1] as { value: string }).value.trim()) run.end--;
    run.panels[run.panels.length - 1]!.to = run.end;
  }
  return runs;
}

/** The container for one run, built from (copies of) the run's nodes. */
export function tabsElement(run: PlatformRun, nodes: readonly Node[], copy: (n: Node) => ElementContent = (n) => n as ElementContent): Element {
  return {
    type: 'element',
    tagName: 'platform-tabs',
    properties: { className: ['platform-tabs'] },
    children: run.panels.map((p) => ({
      type: 'element',
      tagName: 'div',
      properties: { className: ['platform-panel'], dataPlatform: p.key },
      children: nodes.slice(p.from, p.to).map(copy),
    })),
  };
}

/** Pure form over a plain hast child list: returns a new list with every run wrapped. */
export function wrapPlatformRuns(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  let at = 0;
  for (const run of findPlatformRuns(nodes)) {
    out.push(...nodes.slice(at, run.start), tabsElement(run, nodes));
    at = run.end;
  }
  return [...out, ...nodes.slice(at)];
}

/**
 * satteri hands out lazily materialised nodes that cannot be re-parented, so
 * the nodes moved into a container are plain copies.
 */
function plainCopy(n: Node): ElementContent {
  if (n.type === 'element')
    return { type: 'element', tagName: n.tagName, properties: { ...n.properties }, children: n.children.map((c) => plainCopy(c)) };
  if ('value' in n) return { type: n.type, value: n.value } as ElementContent;
  return { ...(n as object) } as ElementContent;
}

export const platformTabs = () =>
  defineHastPlugin({
    name: 'fix401-platform-tabs',
    after(root, ctx) {
      const nodes = root.children as readonly Node[];
      for (const run of findPlatformRuns(nodes)) {
        ctx.replaceNode(nodes[run.start] as never, tabsElement(run, nodes, plainCopy) as never);
        for (const n of nodes.slice(run.start + 1, run.end)) ctx.removeNode(n as never);
      }
    },
  });
