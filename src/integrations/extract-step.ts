/**
 * Pulls the step panel out of a built guide page. The browser swaps these
 * panels in place, so a step looks exactly as the server rendered it.
 */
export interface ExtractedStep {
  node: string;
  kind: string;
  title: string;
  docTitle: string;
  html: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

export function extractStep(page: string): ExtractedStep | undefined {
  const open = /<article\s[^>]*\bid="step"[^>]*>/.exec(page);
  if (!open) return undefined;
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(open[0])?.[1];
  const start = open.index + open[0].length;
  // Walk nested <article> tags so an article inside the step cannot end it early.
  const tag = /<(\/?)article\b[^>]*>/g;
  tag.lastIndex = start;
  let depth = 1;
  let end = -1;
  for (let m = tag.exec(page); m; m = tag.exec(page)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      end = m.index;
      break;
    }
  }
  if (end < 0) throw new Error('guide page has an unclosed <article id="step">');
  const docTitle = /<title>([\s\S]*?)<\/title>/.exec(page)?.[1] ?? '';
  return {
    node: attr('data-node') ?? '',
    kind: attr('data-kind') ?? '',
    title: decodeEntities(attr('data-title') ?? ''),
    docTitle: decodeEntities(docTitle),
    html: page.slice(start, end).trim(),
  };
}
