import { beforeEach, describe, expect, it } from 'vitest';
import { analyze, decodeJwt, MAX_INPUT_CHARS, MAX_LINE_CHARS, parseChallenges, parseInput, type Analysis } from '../../src/diagnose';
import { CORPUS, makeJwt, NOW } from './fixtures/diagnose-corpus';

beforeEach(() => {
  expect.hasAssertions();
});

/** Generous bounds: measured runs take a few to a few hundred ms; a catastrophic regex takes minutes. */
const BUDGET_MS = 3000;

function timed(text: string): { result: Analysis; ms: number } {
  const start = performance.now();
  const result = analyze(text, NOW);
  return { result, ms: performance.now() - start };
}

/** Findings are data: only strings, and nothing in a title or detail that a page could parse as markup. */
function expectPlainData(result: Analysis): void {
  for (const f of result.findings) {
    for (const value of Object.values(f)) expect(typeof value).toBe('string');
    expect(f.title).not.toMatch(/[<>]/);
    expect(f.detail).not.toMatch(/[<>]/);
    expect(f.title).not.toMatch(/[\u0000-\u001F]/);
  }
  for (const n of result.notices) expect(n).not.toMatch(/[<>]/);
  expect(JSON.parse(JSON.stringify(result.findings))).toEqual(result.findings);
}

const SCRIPTY = `<script>alert(1)</script>`;
const HOSTILE_HTML = `* Connected to app.example.com (192.0.2.1) port 443
> GET /<img src=x onerror=alert(1)> HTTP/1.1
> Host: app.example.com
> Authorization: Bearer ${SCRIPTY}
> Origin: https://evil.example
>
< HTTP/1.1 401 <b>Unauthorized</b>
< WWW-Authenticate: Bearer realm="${SCRIPTY}", error="${SCRIPTY}", error_description="${SCRIPTY}", scope="<svg onload=alert(1)>"
< WWW-Authenticate: <script>
< Set-Cookie: <script>=1; Domain=<evil>.com; Path=/<x>; SameSite=None
< Set-Cookie: __Host-<b>=1
< Location: javascript:alert(1)
< Via: 1.1 <iframe src=javascript:alert(1)>
< Server: cloudflare
< cf-ray: <script>alert(1)</script>
< cf-mitigated: <script>
< Cache-Control: public, max-age=60
< X-Cache: HIT <script>
<
<html><body>${SCRIPTY}Jwt is missing<center>nginx</center></body></html>
Access to fetch at '${SCRIPTY}' from origin '${SCRIPTY}' has been blocked by CORS policy: preflight ${SCRIPTY}`;

describe('hostile input', () => {
  it('reads a paste larger than 1 MB only up to the cap, with a notice', () => {
    const filler = 'X-Filler: ' + 'f'.repeat(100) + '\n';
    const text = `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="r"\n${filler.repeat(Math.ceil((MAX_INPUT_CHARS * 1.5) / filler.length))}`;
    const { result, ms } = timed(text);
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(result.notices.some((n) => /larger than 1 MB; only the first 1 MB was read/.test(n))).toBe(true);
    expect(result.findings.map((f) => f.id)).toContain('challenge-basic');
  });

  it('removes binary bytes, says so, and still reads the text around them', () => {
    const binary = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 37) % 256)).join('');
    const text = `${binary}\nHTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic\u0000\u0001 realm="x"\n${binary}`;
    const { result } = timed(text);
    expect(result.notices.some((n) => /binary data/.test(n))).toBe(true);
    expect(result.findings.map((f) => f.id)).toContain('challenge-basic');
    expectPlainData(result);
  });

  it('keeps HTML and script out of titles and details; quotes stay the raw line as plain strings', () => {
    const { result } = timed(HOSTILE_HTML);
    expect(result.findings.length).toBeGreaterThan(5);
    expectPlainData(result);
    const quotes = result.findings.map((f) => f.quote);
    expect(quotes).toContain(
      `< WWW-Authenticate: Bearer realm="${SCRIPTY}", error="${SCRIPTY}", error_description="${SCRIPTY}", scope="<svg onload=alert(1)>"`,
    );
    expect(result.findings.find((f) => f.id === 'bearer-unknown-error')?.title).toBe(
      'The API answered with the Bearer error "‹script›alert(1)‹/script›"',
    );
    expect(result.summary.challenges[0]?.realm).toBe(SCRIPTY);
  });

  it('keeps every corpus title and detail free of markup characters', () => {
    for (const sample of CORPUS) expectPlainData(analyze(sample.text, NOW));
  });

  it('finishes an endless header line quickly and says it was cut', () => {
    const text = `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="${'a'.repeat(20_000_000)}`;
    const { result, ms } = timed(text);
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(result.notices.some((n) => /longer than 8 KB/.test(n))).toBe(true);
    expect(result.findings.map((f) => f.id)).toContain('challenge-malformed');
  });

  it.each([
    [
      'many header lines',
      `HTTP/1.1 401 Unauthorized\n${'WWW-Authenticate: Bearer realm="x", error="invalid_token"\n'.repeat(20_000)}`,
    ],
    ['many cookies', `HTTP/1.1 200 OK\n${'Set-Cookie: a=b; Domain=evil.com; SameSite=None\n'.repeat(20_000)}`],
    ['commas', `HTTP/1.1 401 X\nWWW-Authenticate: ${','.repeat(1_000_000)}`],
    ['equals signs', `HTTP/1.1 401 X\nWWW-Authenticate: Bearer ${'a='.repeat(500_000)}`],
    ['open quotes and backslashes', `HTTP/1.1 401 X\nWWW-Authenticate: Bearer ${'a="\\'.repeat(300_000)}`],
    ['bare words', `HTTP/1.1 401 X\n${('WWW-Authenticate: ' + 'x '.repeat(4000) + '\n').repeat(120)}`],
    ['spaces', `${' '.repeat(1_000_000)}x`],
    ['tabs in headers', `HTTP/1.1 401 X\n${('X-A:' + '\t'.repeat(8000) + '\n').repeat(120)}`],
    ['console-like lines', `${'GET https://a 401 '.repeat(60_000)}`],
    ['long signature lines', `${('invalid signature ' + 'y'.repeat(8100) + '\n').repeat(128)}`],
    ['curl continuations', 'curl -H "x: y" \\\n'.repeat(50_000)],
    ['curl quotes', `curl ${"'".repeat(500_000)}`],
    ['long curl continuations', `curl ${`-H 'a: ${'b'.repeat(8000)}' \\\n`.repeat(130)}`],
    ['nested JSON', `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`],
    ['status lines', 'HTTP/1.1 401 Unauthorized\n'.repeat(60_000)],
    ['redirect chain', `HTTP/1.1 302 Found\nLocation: /a\n\n`.repeat(40_000)],
  ])('stays linear on %s', (_name, text) => {
    const { result, ms } = timed(text);
    expect(ms).toBeLessThan(BUDGET_MS);
    expectPlainData(result);
    expect(result.notices.filter((n) => n.includes('check failed'))).toEqual([]);
  });

  it('cannot pollute prototypes through header, cookie or param names', () => {
    const text = `HTTP/1.1 401 Unauthorized
WWW-Authenticate: Bearer __proto__="polluted", constructor="x", prototype="y"
Set-Cookie: __proto__=polluted; Path=/
Set-Cookie: constructor=x
__proto__: polluted`;
    const { result } = timed(text);
    expectPlainData(result);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('decodes a JWT carrying markup as data', () => {
    const r = decodeJwt(makeJwt({ sub: SCRIPTY, exp: '<b>' }, { alg: '<script>' }), { now: NOW });
    expect(r.payload?.['sub']).toBe(SCRIPTY);
    for (const f of r.findings) {
      expect(f.title).not.toMatch(/[<>]/);
      expect(f.detail).not.toMatch(/[<>]/);
    }
  });

  it('caps folded (obs-fold) header values at the line cap and says so', () => {
    const text = `HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Bearer realm="api"\n${Array.from({ length: 60_000 }, (_, i) => ` ,p${i}=`).join('\n')}`;
    const { result, ms } = timed(text);
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(result.notices).toContain('1 folded header value was longer than 8 KB; only the first 8 KB of each were read.');
    expect(result.notices.some((n) => /more than 20,000 lines; only the first 20,000 \(the first \d+ KB\) were read/.test(n))).toBe(true);
    const parsed = parseInput(text);
    expect(parsed.responses[0]?.headers[0]?.[1].length).toBeLessThanOrEqual(MAX_LINE_CHARS);
  });

  it('reads at most 8 KB of a challenge header and keeps one note per distinct problem, capped', () => {
    const value = `Bearer realm="api"${Array.from({ length: 20_000 }, (_, i) => ` ,p${i}=`).join('')}`;
    const start = performance.now();
    const r = parseChallenges(value);
    expect(performance.now() - start).toBeLessThan(BUDGET_MS);
    expect(r.problems[0]).toBe('The header is longer than 8 KB; only the first 8 KB were read.');
    expect(r.problems.length).toBeLessThanOrEqual(20);
    expect(new Set(r.problems).size).toBe(r.problems.length);
  });
});
