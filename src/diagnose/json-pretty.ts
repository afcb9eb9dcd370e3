/**
 * Pretty-printed JSON for the token view, bounded: JSON.stringify(value, null, 2)
 * recurses once per level (a payload nested 10,000 deep overflows the stack) and
 * writes every byte (2,000 levels become 8 MB of indentation). Here the depth and
 * the output are capped, and the result says when it was cut.
 */
export const MAX_PRETTY_DEPTH = 20;
export const MAX_PRETTY_CHARS = 20_000;

export interface Pretty {
  readonly text: string;
  /** Why part of the value is not shown, or undefined when all of it is. */
  readonly truncated?: 'depth' | 'size';
}

class Writer {
  readonly parts: string[] = [];
  size = 0;
  full = false;
  depthCut = false;
  constructor(readonly maxChars: number) {}
  write(s: string): void {
    if (this.full) return;
    if (this.size + s.length > this.maxChars) {
      this.parts.push(s.slice(0, this.maxChars - this.size));
      this.full = true;
      return;
    }
    this.parts.push(s);
    this.size += s.length;
  }
}

function writeValue(w: Writer, value: unknown, depth: number, maxDepth: number): void {
  if (w.full) return;
  if (value === null || typeof value !== 'object') {
    w.write(JSON.stringify(value) ?? 'null');
    return;
  }
  const isArray = Array.isArray(value);
  const entries: [string | undefined, unknown][] = isArray
    ? value.map((v) => [undefined, v])
    : Object.entries(value as Record<string, unknown>);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return w.write(open + close);
  if (depth >= maxDepth) {
    w.depthCut = true;
    return w.write(`${open}…${close}`);
  }
  const pad = '  '.repeat(depth + 1);
  w.write(`${open}\n`);
  entries.forEach(([key, v], i) => {
    if (w.full) return;
    w.write(pad + (key === undefined ? '' : `${JSON.stringify(key)}: `));
    writeValue(w, v, depth + 1, maxDepth);
    w.write(i < entries.length - 1 ? ',\n' : '\n');
  });
  w.write('  '.repeat(depth) + close);
}

/** Like JSON.stringify(value, null, 2), but never deeper than maxDepth levels nor longer than maxChars. */
export function prettyJson(value: unknown, maxDepth = MAX_PRETTY_DEPTH, maxChars = MAX_PRETTY_CHARS): Pretty {
  const w = new Writer(maxChars);
  writeValue(w, value, 0, maxDepth);
  const text = w.parts.join('') + (w.full ? '…' : '');
  if (w.full) return { text, truncated: 'size' };
  return w.depthCut ? { text, truncated: 'depth' } : { text };
}
