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

/** Options that take a value (curl has no --opt=value form): their value is never the URL. */
const VALUE_OPTIONS = new Set(
  [
    '-H --header -X --request -u --user -b --cookie -d --data --data-raw --data-binary',
    '--data-urlencode --data-ascii --json -o --output -A --user-agent -e --referer -x --proxy -U',
    '--proxy-user -c --cookie-jar -F --form -w --write-out -m --max-time --connect-timeout --resolve',
    '--cacert --cert --key -T --upload-file -r --range --retry --url -K --config --oauth2-bearer',
    '--connect-to --interface --limit-rate -E -D --dump-header --trace --trace-ascii --stderr',
    '--max-redirs --unix-socket --abstract-unix-socket --netrc-file --proxy-header --output-dir',
    '--retry-delay --retry-max-time --max-filesize --capath --cert-type --key-type --pass --noproxy',
    '--preproxy --socks5 --socks5-hostname --request-target --aws-sigv4 --url-query --variable -z --time-cond',
    '-Y --speed-limit -y --speed-time -Q --quote -t --telnet-option -P --ftp-port',
  ]
    .join(' ')
    .split(' '),
);
/** The one-letter ones, which may sit at the end of a group of short flags (`-sSLX POST`) or carry their value (`-XPOST`). */
const SHORT_WITH_VALUE = new Set([...VALUE_OPTIONS].filter((o) => /^-\w$/.test(o)).map((o) => o[1]));
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

/**
 * One command-line word as curl reads it: a long option, or a group of short flags (`-sSL`) that ends
 * at the first flag taking a value, which takes the rest of the word (`-XPOST`) or the next word.
 */
interface Option {
  readonly flags: string[];
  readonly valued?: string;
  /** The value written in the same word, if any. */
  readonly attached?: string;
}
function optionOf(word: string): Option {
  if (word.startsWith('--')) return VALUE_OPTIONS.has(word) ? { flags: [], valued: word } : { flags: [word] };
  const flags: string[] = [];
  for (let k = 1; k < word.length; k++) {
    const letter = word[k]!;
    if (SHORT_WITH_VALUE.has(letter)) {
      const attached = word.slice(k + 1);
      return { flags, valued: `-${letter}`, ...(attached && { attached }) };
    }
    flags.push(`-${letter}`);
  }
  return { flags };
}

export function parseCurlCommand(command: string): CurlCommand {
  const words = shellWords(command);
  const headers: Array<readonly [string, string, string]> = [];
  let url: string | undefined;
  let method: string | undefined;
  let hasBody = false;
  let head = false;
  let get = false;
  let upload = false;
  const start = words.findIndex((w) => /^curl(?:\.exe)?$/.test(w));
  for (let i = start + 1; i < words.length; i++) {
    const word = words[i] ?? '';
    if (!word.startsWith('-') || word === '-') {
      if (url === undefined && word !== '-') url = asUrl(word);
      continue;
    }
    const { flags, valued, attached } = optionOf(word);
    for (const flag of flags) {
      if (flag === '-I' || flag === '--head') head = true;
      // -G sends the -d data as a query string, with GET.
      if (flag === '-G' || flag === '--get') get = true;
    }
    if (valued === undefined) continue;
    const value = attached ?? words[++i];
    if (value === undefined) break;
    if (BODY_OPTIONS.has(valued)) hasBody = true;
    if (valued === '-H' || valued === '--header') {
      const header = splitHeader(value);
      if (header) headers.push([header[0], header[1], value]);
    } else if (valued === '-X' || valued === '--request') {
      method = value.toUpperCase();
    } else if (valued === '-T' || valued === '--upload-file') {
      upload = true;
    } else if (valued === '-u' || valued === '--user') {
      headers.push(['Authorization', 'Basic (credentials given with curl -u)', `${valued} …`]);
    } else if (valued === '--oauth2-bearer') {
      headers.push(['Authorization', `Bearer ${value}`, `${valued} ${value}`]);
    } else if ((valued === '-b' || valued === '--cookie') && value.includes('=')) {
      headers.push(['Cookie', value, `${valued} ${value}`]);
    } else if (valued === '--url' && url === undefined) {
      url = asUrl(value);
    }
  }
  method ??= head ? 'HEAD' : get ? 'GET' : upload ? 'PUT' : hasBody ? 'POST' : 'GET';
  return { headers, method, ...(url !== undefined && { url }) };
}
