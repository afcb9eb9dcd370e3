/**
 * A pasted `curl ...` command (typed, or "Copy as cURL" from the browser). It tells
 * us the URL with its scheme and the headers the person meant to send, which a
 * bare curl -v transcript does not always show.
 */

export interface CurlCommand {
  readonly url?: string;
  readonly method?: string;
  /** [name, value, the argument as written]. */
  readonly headers: ReadonlyArray<readonly [string, string, string]>;
}

const CURL_START = /^\s*(?:[$#]\s+)?curl(?:\.exe)?\s/;

export function isCurlCommand(line: string): boolean {
  return CURL_START.test(line);
}

/** Bash line continuation as written by "Copy as cURL (bash)". */
export function continuesOnNextLine(line: string): boolean {
  return /\\\s*$/.test(line);
}

const VALUE_OPTIONS = new Set(
  [
    '-H --header -X --request -u --user -b --cookie -d --data --data-raw --data-binary',
    '--data-urlencode --data-ascii --json -o --output -A --user-agent -e --referer -x --proxy -U',
    '--proxy-user -c --cookie-jar -F --form -w --write-out -m --max-time --connect-timeout --resolve',
    '--cacert --cert --key -T --upload-file -r --range --retry --url -K --config --oauth2-bearer',
    '--connect-to --interface --limit-rate -E',
  ]
    .join(' ')
    .split(' '),
);
const BODY_OPTIONS = new Set(
  ['-d --data --data-raw --data-binary --data-urlencode --data-ascii --json -F --form'].join(' ').split(' '),
);

function ansiC(ch: string): string {
  switch (ch) {
    case 'n':
      return '\n';
    case 't':
      return '\t';
    case 'r':
      return '\r';
    default:
      return ch;
  }
}

/** POSIX-shell-ish word splitting: '...', "...", $'...', backslash escapes. Linear, never throws. */
export function shellWords(command: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  const n = command.length;
  while (i < n) {
    const ch = command[i] ?? '';
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      i++;
    } else if (ch === "'") {
      const end = command.indexOf("'", i + 1);
      word += end < 0 ? command.slice(i + 1) : command.slice(i + 1, end);
      inWord = true;
      i = end < 0 ? n : end + 1;
    } else if (ch === '$' && command[i + 1] === "'") {
      i += 2;
      while (i < n && command[i] !== "'") {
        if (command[i] === '\\' && i + 1 < n) {
          word += ansiC(command[i + 1] ?? '');
          i += 2;
        } else {
          word += command[i];
          i++;
        }
      }
      inWord = true;
      i++;
    } else if (ch === '"') {
      i++;
      while (i < n && command[i] !== '"') {
        if (command[i] === '\\' && i + 1 < n && '"\\$`'.includes(command[i + 1] ?? '')) {
          word += command[i + 1];
          i += 2;
        } else {
          word += command[i];
          i++;
        }
      }
      inWord = true;
      i++;
    } else if (ch === '\\' && i + 1 < n) {
      const next = command[i + 1] ?? '';
      if (next !== '\n') word += next;
      inWord = inWord || next !== '\n';
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i++;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function splitHeader(arg: string): [string, string] | undefined {
  const colon = arg.indexOf(':');
  if (colon <= 0) return undefined;
  const name = arg.slice(0, colon).trim();
  if (!/^[!#$%&'*+.^\w`|~-]+$/.test(name)) return undefined;
  return [name, arg.slice(colon + 1).trim()];
}

function asUrl(word: string): string | undefined {
  if (/^https?:\/\//i.test(word)) return word;
  // curl itself assumes http:// for a bare host, so do we.
  if (/^(?:localhost|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?::\d+)?(?:[/?#]|$)/.test(word)) return `http://${word}`;
  return undefined;
}

export function parseCurlCommand(command: string): CurlCommand {
  const words = shellWords(command);
  const headers: Array<readonly [string, string, string]> = [];
  let url: string | undefined;
  let method: string | undefined;
  let hasBody = false;
  let head = false;
  const start = words.findIndex((w) => /^curl(?:\.exe)?$/.test(w));
  for (let i = start + 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word.startsWith('-X') && word.length > 2 && !word.startsWith('--')) {
      method = word.slice(2).toUpperCase();
      continue;
    }
    if (word === '-I' || word === '--head') head = true;
    if (VALUE_OPTIONS.has(word)) {
      const value = words[i + 1];
      i++;
      if (value === undefined) break;
      if (BODY_OPTIONS.has(word)) hasBody = true;
      if (word === '-H' || word === '--header') {
        const header = splitHeader(value);
        if (header) headers.push([header[0], header[1], value]);
      } else if (word === '-X' || word === '--request') {
        method = value.toUpperCase();
      } else if (word === '-u' || word === '--user') {
        headers.push(['Authorization', 'Basic (credentials given with curl -u)', `${word} …`]);
      } else if (word === '--oauth2-bearer') {
        headers.push(['Authorization', `Bearer ${value}`, `${word} ${value}`]);
      } else if ((word === '-b' || word === '--cookie') && value.includes('=')) {
        headers.push(['Cookie', value, `${word} ${value}`]);
      } else if (word === '--url' && url === undefined) {
        url = asUrl(value);
      }
      continue;
    }
    if (!word.startsWith('-') && url === undefined) url = asUrl(word);
  }
  method ??= head ? 'HEAD' : hasBody ? 'POST' : 'GET';
  return { headers, method, ...(url !== undefined && { url }) };
}
