/**
 * WWW-Authenticate / Proxy-Authenticate parser (RFC 9110 section 11.6.1):
 *
 *   challenge  = auth-scheme [ 1*SP ( token68 / #auth-param ) ]
 *   auth-param = token BWS "=" BWS ( token / quoted-string )
 *   token68    = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
 *
 * Written by hand because the auth-header package reads several challenges in
 * one header as one challenge, rejects a bare scheme ("Negotiate"), and its
 * regex slows down sharply on long hostile values. This scanner moves forward
 * on every step, so it is linear, and it is lenient: servers get this header
 * wrong often, and a diagnosis tool must still read what they meant.
 */

export interface Challenge {
  /** As written; compare with `scheme.toLowerCase()`. */
  readonly scheme: string;
  readonly token68?: string;
  /** Lowercased param names; a null-prototype object, so "__proto__" is just a name. */
  readonly params: Readonly<Record<string, string>>;
}

export interface ChallengeParse {
  readonly challenges: Challenge[];
  /** Plain-text notes on syntax errors; empty for a well-formed header. */
  readonly problems: string[];
}

/** Real headers carry one to three challenges; a cap keeps hostile input from building huge arrays. */
export const MAX_CHALLENGES = 64;
/** As long as a header line may be (input-sanitize.ts MAX_LINE_CHARS): folded or HAR values get no more. */
export const MAX_CHALLENGE_CHARS = 8_192;
/** Distinct syntax notes kept; one bad header repeated a thousand times needs only a few. */
const MAX_PROBLEMS = 20;

const TCHAR = /[!#$%&'*+\-.^\w`|~]/;
const TOKEN68_CHAR = /[\w\-.~+/]/;

function isTchar(ch: string | undefined): boolean {
  return ch !== undefined && TCHAR.test(ch);
}

interface Draft {
  scheme: string;
  token68?: string;
  params: Record<string, string>;
}

/** A cursor over the header value; every method moves forward or leaves i where it was. */
class Scanner {
  i = 0;
  readonly n: number;
  // A Set: de-duplicating with Array.includes made a header of distinct bad params quadratic.
  readonly problems = new Set<string>();
  constructor(readonly s: string) {
    this.n = s.length;
  }
  get ch(): string | undefined {
    return this.s[this.i];
  }
  problem(text: string): void {
    if (this.problems.size < MAX_PROBLEMS) this.problems.add(text);
  }
  skipWs(): void {
    while (this.i < this.n && (this.ch === ' ' || this.ch === '\t')) this.i++;
  }
  readToken(): string {
    const start = this.i;
    while (this.i < this.n && isTchar(this.ch)) this.i++;
    return this.s.slice(start, this.i);
  }
  /** At an opening quote: the unescaped content, with the cursor after the closing quote. */
  readQuoted(): string {
    const { s, n } = this;
    this.i++;
    const parts: string[] = [];
    let from = this.i;
    while (this.i < n && s[this.i] !== '"') {
      if (s[this.i] === '\\' && this.i + 1 < n) {
        parts.push(s.slice(from, this.i));
        from = this.i + 1;
        this.i += 2;
      } else this.i++;
    }
    parts.push(s.slice(from, this.i));
    if (this.i >= n) this.problem('A quoted value is missing its closing quote.');
    else this.i++;
    return parts.join('');
  }
  /** Recovery: skip to the next comma that is not inside a quoted string. */
  skipToComma(): void {
    while (this.i < this.n && this.ch !== ',') {
      if (this.ch === '"') this.readQuoted();
      else this.i++;
    }
  }
  /** token68 directly after the scheme, or undefined (and i unchanged) if params follow instead. */
  tryToken68(): string | undefined {
    const start = this.i;
    while (this.i < this.n && TOKEN68_CHAR.test(this.ch ?? '')) this.i++;
    if (this.i === start) return undefined;
    while (this.i < this.n && this.ch === '=') this.i++;
    const end = this.i;
    this.skipWs();
    if (this.i >= this.n || this.ch === ',') return this.s.slice(start, end);
    this.i = start;
    return undefined;
  }
}

export function parseChallenges(value: string): ChallengeParse {
  const sc = new Scanner(value.length > MAX_CHALLENGE_CHARS ? value.slice(0, MAX_CHALLENGE_CHARS) : value);
  if (sc.s !== value) sc.problem('The header is longer than 8 KB; only the first 8 KB were read.');
  const { s, n } = sc;
  const challenges: Draft[] = [];
  let current: Draft | undefined;
  const problem = (text: string) => sc.problem(text);

  let commaSinceLast = true;
  while (sc.i < n) {
    sc.skipWs();
    if (s[sc.i] === ',') {
      sc.i++;
      commaSinceLast = true;
      continue;
    }
    if (sc.i >= n) break;
    const name = sc.readToken();
    if (name === '') {
      problem(`Unexpected character "${s[sc.i] === '"' ? 'a quote' : s[sc.i]}" where a scheme or parameter name belongs.`);
      if (s[sc.i] === '"') sc.readQuoted();
      else sc.i++;
      sc.skipToComma();
      continue;
    }
    const afterName = sc.i;
    sc.skipWs();
    if (current && s[sc.i] === '=') {
      sc.i++;
      sc.skipWs();
      let paramValue: string;
      if (s[sc.i] === '"') paramValue = sc.readQuoted();
      else {
        paramValue = sc.readToken();
        if (paramValue === '') {
          problem(`The parameter "${name}" has no value.`);
          sc.skipToComma();
        }
      }
      const key = name.toLowerCase();
      if (key in current.params) problem(`The parameter "${key}" appears twice in one challenge.`);
      else current.params[key] = paramValue;
      sc.skipWs();
      if (sc.i < n && s[sc.i] !== ',') problem('Parameters must be separated by commas.');
      commaSinceLast = false;
      continue;
    }
    if (!current && s[sc.i] === '=') {
      problem('The header starts with a parameter; the auth-scheme (e.g. Basic or Bearer) is missing.');
      sc.i++;
      sc.skipToComma();
      continue;
    }
    // A token not followed by "=" starts a new challenge.
    if (current && !commaSinceLast) problem('Challenges must be separated by commas.');
    if (challenges.length >= MAX_CHALLENGES) {
      problem(`More than ${MAX_CHALLENGES} challenges; the rest were not read.`);
      break;
    }
    commaSinceLast = false;
    sc.i = afterName;
    current = { scheme: name, params: Object.create(null) as Record<string, string> };
    challenges.push(current);
    if (s[sc.i] === ' ' || s[sc.i] === '\t') {
      sc.skipWs();
      const t68 = sc.tryToken68();
      if (t68 !== undefined) current.token68 = t68;
    } else if (sc.i < n && s[sc.i] !== ',') {
      problem(`The scheme "${name}" must be followed by a space.`);
    }
  }
  if (challenges.length === 0 && sc.problems.size === 0) problem('The header is empty.');
  return {
    challenges: challenges.map((c) => ({
      scheme: c.scheme,
      params: c.params,
      ...(c.token68 !== undefined && { token68: c.token68 }),
    })),
    problems: [...sc.problems],
  };
}

/** Case-insensitive param lookup. */
export function challengeParam(challenge: Challenge, name: string): string | undefined {
  return challenge.params[name.toLowerCase()];
}
