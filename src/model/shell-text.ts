/**
 * Shell snippets are pasted, often before the reader has replaced every placeholder. A placeholder written
 * as a bare `<key-id>` is shell syntax: `cmd --key <key-id>` reads its input from a file named `key-id`
 * and writes its output over a file named after the next word, and at the end of a line it is a syntax
 * error. Quoted (`"<key-id>"`) it is a harmless literal the command refuses. This finds the bare ones.
 */

/** The bare `<placeholder>` words of one shell line: outside quotes and comments, not `<<` or `<(`. */
export function barePlaceholders(line: string): string[] {
  const found: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break;
    if (c === '\\') i++;
    else if (c === "'" || c === '"') quote = c;
    else if (c === '<' && line[i + 1] !== '<' && line[i + 1] !== '(') {
      const word = /^<[A-Za-z][\w.:/-]*>/.exec(line.slice(i))?.[0];
      if (word) found.push(word);
    }
  }
  return found;
}

/** "line N: <word>" for each bare placeholder in a shell snippet. */
export const barePlaceholderLines = (code: string): string[] =>
  code.split('\n').flatMap((line, i) => barePlaceholders(line).map((w) => `line ${i + 1}: ${w}`));
