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

const TCHAR = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;
const TOKEN68_CHAR = /[A-Za-z0-9\-._~+/]/;

function isTchar(ch: string | undefined): boolean {
  return ch !== undefined && TCHAR.test(ch);
}

interface Draft {
  scheme: string;
  token68?: string;
  params: Record<string, string>;
}

export function parseChallenges(value: string): ChallengeParse {
  const s = value;
  const n = s.length;
  const challenges: Draft[] = [];
  const problems: string[] = [];
  const problem = (text: string) => {
    if (!problems.includes(text)) problems.push(text);
  };
  let i = 0;
  let current: Draft | undefined;

  const skipWs = () => {
    while (i < n && (s[i] === ' ' || s[i] === '\t')) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && isTchar(s[i])) i++;
    return s.slice(start, i);
  };
  const readQuoted = (): string => {
    // s[i] is the opening quote
    i++;
    let out = '';
    while (i < n && s[i] !== '"') {
      if (s[i] === '\\' && i + 1 < n) {
        out += s[i + 1];
        i += 2;
      } else {
        out += s[i];
        i++;
      }
    }
    if (i >= n) problem('A quoted value is missing its closing quote.');
    else i++;
    return out;
  };
  // Recovery: skip to the next comma that is not inside a quoted string.
  const skipToComma = () => {
    while (i < n && s[i] !== ',') {
      if (s[i] === '"') readQuoted();
      else i++;
    }
  };
  /** token68 directly after the scheme, or undefined (and i unchanged) if params follow instead. */
  const tryToken68 = (): string | undefined => {
    const start = i;
    while (i < n && TOKEN68_CHAR.test(s[i] ?? '')) i++;
    if (i === start) return undefined;
    while (i < n && s[i] === '=') i++;
    const end = i;
    skipWs();
    if (i >= n || s[i] === ',') return s.slice(start, end);
    i = start;
    return undefined;
  };

  let commaSinceLast = true;
  while (i < n) {
    skipWs();
    if (s[i] === ',') {
      i++;
      commaSinceLast = true;
      continue;
    }
    if (i >= n) break;
    const name = readToken();
    if (name === '') {
      problem(`Unexpected character "${s[i] === '"' ? 'a quote' : s[i]}" where a scheme or parameter name belongs.`);
      if (s[i] === '"') readQuoted();
      else i++;
      skipToComma();
      continue;
    }
    const afterName = i;
    skipWs();
    if (current && s[i] === '=') {
      i++;
      skipWs();
      let paramValue: string;
      if (s[i] === '"') paramValue = readQuoted();
      else {
        paramValue = readToken();
        if (paramValue === '') {
          problem(`The parameter "${name}" has no value.`);
          skipToComma();
        }
      }
      const key = name.toLowerCase();
      if (key in current.params) problem(`The parameter "${key}" appears twice in one challenge.`);
      else current.params[key] = paramValue;
      skipWs();
      if (i < n && s[i] !== ',') problem('Parameters must be separated by commas.');
      commaSinceLast = false;
      continue;
    }
    if (!current && s[i] === '=') {
      problem('The header starts with a parameter; the auth-scheme (e.g. Basic or Bearer) is missing.');
      i++;
      skipToComma();
      continue;
    }
    // A token not followed by "=" starts a new challenge.
    if (current && !commaSinceLast) problem('Challenges must be separated by commas.');
    if (challenges.length >= MAX_CHALLENGES) {
      problem(`More than ${MAX_CHALLENGES} challenges; the rest were not read.`);
      break;
    }
    commaSinceLast = false;
    i = afterName;
    current = { scheme: name, params: Object.create(null) as Record<string, string> };
    challenges.push(current);
    if (s[i] === ' ' || s[i] === '\t') {
      skipWs();
      const t68 = tryToken68();
      if (t68 !== undefined) current.token68 = t68;
    } else if (i < n && s[i] !== ',') {
      problem(`The scheme "${name}" must be followed by a space.`);
    }
  }
  if (challenges.length === 0 && problems.length === 0) problem('The header is empty.');
  return {
    challenges: challenges.map((c) => ({
      scheme: c.scheme,
      params: c.params,
      ...(c.token68 !== undefined && { token68: c.token68 }),
    })),
    problems,
  };
}

/** Case-insensitive param lookup. */
export function challengeParam(challenge: Challenge, name: string): string | undefined {
  return challenge.params[name.toLowerCase()];
}
