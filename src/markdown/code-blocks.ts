import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

/** Names people know their snippet by; anything else shows as Prism's language id. */
const LANGUAGE_LABELS: Record<string, string> = {
  nginx: 'nginx', apacheconf: 'Apache', apache: 'Apache', caddy: 'Caddyfile', http: 'HTTP', sh: 'Shell', bash: 'Shell',
  shell: 'Shell', console: 'Shell', powershell: 'PowerShell', ps1: 'PowerShell', js: 'JavaScript', javascript: 'JavaScript',
  ts: 'TypeScript', typescript: 'TypeScript', json: 'JSON', yaml: 'YAML', yml: 'YAML', xml: 'XML', python: 'Python',
  py: 'Python', php: 'PHP', ruby: 'Ruby', rb: 'Ruby', go: 'Go', java: 'Java', csharp: 'C#', cs: 'C#', ini: 'INI',
  toml: 'TOML', sql: 'SQL', html: 'HTML', dockerfile: 'Dockerfile', hcl: 'HCL', kotlin: 'Kotlin', properties: 'Properties',
  batch: 'Command Prompt',
};
/** Labelled but left plain: Prism has no grammar for them, and the label still tells readers which file it is. */
export const UNHIGHLIGHTED: ReadonlySet<string> = new Set(['caddy']);
const UNLABELLED = new Set(['', 'plaintext', 'text', 'txt', 'plain']);

export function languageLabel(lang: unknown): string | undefined {
  const id = typeof lang === 'string' ? lang.toLowerCase() : '';
  return UNLABELLED.has(id) ? undefined : (LANGUAGE_LABELS[id] ?? id);
}

/**
 * Every code block: focusable (it scrolls sideways on a phone; WCAG 2.1.1) and
 * framed by a bar with its language and a Copy button. The button is rendered
 * hidden: <code-copy> (src/components/code-copy.ts) shows it once it can work;
 * without JavaScript people select the text.
 */
export function codeBlock(pre: Element): Element {
  const code = pre.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const classes = code?.properties?.className;
  const fromClass = (Array.isArray(classes) ? classes : []).map(String).find((c) => c.startsWith('language-'))?.slice(9);
  const label = languageLabel(pre.properties?.dataLanguage ?? fromClass);
  const bar: ElementContent[] = [
    ...(label ? [{ type: 'element', tagName: 'span', properties: { className: ['code-lang'] }, children: [{ type: 'text', value: label }] } as Element] : []),
    {
      type: 'element',
      tagName: 'button',
      properties: { type: 'button', className: ['code-copy-button', 'secondary'], hidden: true, ariaLabel: label ? `Copy ${label} code` : 'Copy code' },
      children: [{ type: 'text', value: 'Copy' }],
    },
  ];
  return {
    type: 'element',
    tagName: 'code-copy',
    properties: { className: ['code-block'] },
    children: [
      { type: 'element', tagName: 'div', properties: { className: ['code-bar'] }, children: bar },
      { ...pre, properties: { ...pre.properties, tabIndex: 0 } },
    ],
  };
}

function plainCopy(n: ElementContent): ElementContent {
  if (n.type === 'element')
    return { type: 'element', tagName: n.tagName, properties: { ...n.properties }, children: n.children.map(plainCopy) };
  if ('value' in n) return { type: n.type, value: n.value } as ElementContent;
  return { ...n };
}

export const codeBlocks = () =>
  defineHastPlugin({
    name: 'fix401-code-blocks',
    element: {
      filter: ['pre'],
      visit(node, ctx) {
        ctx.replaceNode(node, codeBlock(plainCopy(node) as Element) as never);
      },
    },
  });

/** A fenced code block of a Markdown text: its language, the 1-based line of its opening fence, and its code. */
export interface FencedBlock {
  line: number;
  lang: string;
  code: string;
}

/** The blocks of a Markdown text with the 1-based line each ends on (its closing fence, or the text's last line). */
function scanFences(markdown: string): { block: FencedBlock; end: number }[] {
  const found: { block: FencedBlock; end: number }[] = [];
  const lines = markdown.split('\n');
  let open: { fence: string; indent: number; block: FencedBlock; lines: string[] } | undefined;
  lines.forEach((text, i) => {
    const trimmed = text.trimStart();
    const fence = trimmed.startsWith('```') ? '`' : trimmed.startsWith('~~~') ? '~' : undefined;
    let run = 0;
    while (fence && trimmed[run] === fence) run++;
    const rest = trimmed.slice(run).trim();
    if (open) {
      if (fence === open.fence[0] && run >= open.fence.length && !rest) {
        open.block.code = open.lines.join('\n');
        found.push({ block: open.block, end: i + 1 });
        open = undefined;
      } else {
        const lead = text.length - text.trimStart().length;
        open.lines.push(text.slice(Math.min(lead, open.indent)));
      }
      return;
    }
    if (!fence) return;
    const lang = rest.split(/\s/)[0] ?? '';
    open = { fence: fence.repeat(run), indent: text.length - trimmed.length, block: { line: i + 1, lang, code: '' }, lines: [] };
  });
  // An unclosed fence runs to the end of the text (CommonMark).
  if (open) found.push({ block: { ...open.block, code: open.lines.join('\n') }, end: lines.length });
  return found;
}

/**
 * Every fenced code block of a Markdown text, so content checks can name a block by file and line: one the
 * highlighter would leave plain ("alloy") instead of a build warning nobody reads, or a config snippet the
 * server itself refuses. Closing fences are the same run of the same character, at least as long, with
 * nothing after it (CommonMark); a block inside a list item loses the opening fence's indentation.
 */
export const fencedBlocks = (markdown: string): FencedBlock[] => scanFences(markdown).map(({ block }) => block);

/** The 1-based lines that are code (fences included): a `#` there is a comment, not a heading. */
export function fencedLineNumbers(markdown: string): Set<number> {
  const lines = new Set<number>();
  for (const { block, end } of scanFences(markdown)) for (let n = block.line; n <= end; n++) lines.add(n);
  return lines;
}

/** A line that stands for omitted lines in a snippet ("...", "…", "# …"): prose, not code. */
export const isOmissionLine = (line: string): boolean => /^\s*(?:#\s*)?(?:\.\.\.|…)\s*$/.test(line);

/** The language of every fenced code block that names one, with its 1-based line. */
export function fencedLanguages(markdown: string): { line: number; lang: string }[] {
  return fencedBlocks(markdown).flatMap(({ line, lang }) => (lang ? [{ line, lang }] : []));
}
