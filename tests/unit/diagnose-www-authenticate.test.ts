import { beforeEach, describe, expect, it } from 'vitest';
import { challengeParam, parseChallenges } from '../../src/diagnose';
import { MAX_CHALLENGE_CHARS, MAX_CHALLENGES } from '../../src/diagnose/www-authenticate';

beforeEach(() => {
  expect.hasAssertions();
});

const plain = (value: string) =>
  parseChallenges(value).challenges.map((c) => ({ scheme: c.scheme, token68: c.token68, params: { ...c.params } }));

describe('parseChallenges', () => {
  it('reads a Basic challenge with realm and charset (RFC 7617)', () => {
    expect(parseChallenges('Basic realm="WallyWorld", charset="UTF-8"')).toEqual({
      challenges: [{ scheme: 'Basic', params: expect.objectContaining({ realm: 'WallyWorld', charset: 'UTF-8' }) }],
      problems: [],
    });
  });

  it('reads several challenges in one header (the RFC 9110 section 11.6.1 example)', () => {
    expect(plain('Newauth realm="apps", type=1, title="Login to \\"apps\\"", Basic realm="simple"')).toEqual([
      { scheme: 'Newauth', token68: undefined, params: { realm: 'apps', type: '1', title: 'Login to "apps"' } },
      { scheme: 'Basic', token68: undefined, params: { realm: 'simple' } },
    ]);
  });

  it('reads RFC 6750 Bearer params, including escapes and a space-separated scope', () => {
    const [c] = parseChallenges(
      'Bearer realm="example", error="insufficient_scope", error_description="needs \\"orders\\" \\\\ scope", scope="read:orders write:orders"',
    ).challenges;
    expect(c && challengeParam(c, 'error')).toBe('insufficient_scope');
    expect(c && challengeParam(c, 'error_description')).toBe('needs "orders" \\ scope');
    expect(c && challengeParam(c, 'SCOPE')).toBe('read:orders write:orders');
  });

  it('reads token68 and bare schemes', () => {
    expect(plain('Negotiate')).toEqual([{ scheme: 'Negotiate', token68: undefined, params: {} }]);
    expect(plain('Negotiate YIIBzgYGKwYBBQUCoIIBwjCC+/a==')).toEqual([
      { scheme: 'Negotiate', token68: 'YIIBzgYGKwYBBQUCoIIBwjCC+/a==', params: {} },
    ]);
    expect(plain('Negotiate, NTLM')).toEqual([
      { scheme: 'Negotiate', token68: undefined, params: {} },
      { scheme: 'NTLM', token68: undefined, params: {} },
    ]);
  });

  it('accepts unquoted token values, whitespace around "=", and any case in names', () => {
    expect(plain('Bearer REALM = example ,Error=invalid_token')).toEqual([
      { scheme: 'Bearer', token68: undefined, params: { realm: 'example', error: 'invalid_token' } },
    ]);
  });

  it('keeps commas inside quoted strings', () => {
    expect(plain('Basic realm="a, b", Bearer realm="c"').map((c) => c.params['realm'])).toEqual(['a, b', 'c']);
  });

  it('is lenient about a missing comma but reports it', () => {
    const r = parseChallenges('Bearer realm="a" error="invalid_token"');
    expect(r.challenges[0] && challengeParam(r.challenges[0], 'error')).toBe('invalid_token');
    expect(r.problems).toEqual(['Parameters must be separated by commas.']);
  });

  it('reports an unterminated quote, a duplicate param, a param with no value and a missing scheme', () => {
    expect(parseChallenges('Basic realm="oops').problems).toEqual(['A quoted value is missing its closing quote.']);
    expect(parseChallenges('Basic realm="a", realm="b"').problems).toEqual([
      'The parameter "realm" appears twice in one challenge.',
    ]);
    expect(parseChallenges('Bearer realm="a", error=, scope="x"').problems).toEqual([
      'The parameter "error" has no value.',
    ]);
    // Right after the scheme, "realm=" is a valid token68, not an empty param.
    expect(plain('Bearer realm=')).toEqual([{ scheme: 'Bearer', token68: 'realm=', params: {} }]);
    expect(parseChallenges('realm="x"').problems[0]).toMatch(/auth-scheme/);
    expect(parseChallenges('').problems).toEqual(['The header is empty.']);
  });

  it('reports challenges without a comma between them, and caps how many it reads', () => {
    const r = parseChallenges('Basic realm="a" Bearer realm="b"');
    expect(r.challenges.map((c) => c.scheme)).toEqual(['Basic', 'Bearer']);
    expect(r.problems).toContain('Challenges must be separated by commas.');
    const many = parseChallenges('Negotiate, '.repeat(100));
    expect(many.challenges).toHaveLength(MAX_CHALLENGES);
    expect(many.problems).toEqual([`More than ${MAX_CHALLENGES} challenges; the rest were not read.`]);
  });

  it('treats "__proto__" as an ordinary parameter name', () => {
    const [c] = parseChallenges('Bearer __proto__="x", constructor="y"').challenges;
    expect(c && challengeParam(c, '__proto__')).toBe('x');
    expect(c && challengeParam(c, 'constructor')).toBe('y');
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('stays fast on long hostile values', () => {
    const inputs = [
      `Bearer ${'a="\\'.repeat(200_000)}`,
      ','.repeat(1_000_000),
      `Bearer ${'a='.repeat(400_000)}`,
      `Basic ${'"'.repeat(500_000)}`,
      `${'x '.repeat(400_000)}`,
    ];
    for (const input of inputs) {
      const start = performance.now();
      parseChallenges(input);
      expect(performance.now() - start).toBeLessThan(1500);
    }
  });
});

const plainOf = (challenges: ReturnType<typeof parseChallenges>['challenges']) =>
  challenges.map((c) => ({ scheme: c.scheme, token68: c.token68, params: { ...c.params } }));
/** The challenges (params copied out of their null-prototype objects) and the problems, for exact comparison. */
const parsed = (value: string) => {
  const r = parseChallenges(value);
  return { challenges: plainOf(r.challenges), problems: r.problems };
};
const UNEXPECTED = (what: string) => `Unexpected character "${what}" where a scheme or parameter name belongs.`;

describe('parseChallenges: exact results for whitespace, recovery and token68 edges', () => {
  it('reads a tab after the scheme and after a comma as whitespace, with no problems', () => {
    expect(parsed('Bearer\trealm="a",\terror="b"')).toEqual({
      challenges: [{ scheme: 'Bearer', token68: undefined, params: { realm: 'a', error: 'b' } }],
      problems: [],
    });
  });

  it('reports no problem for spaces around "=" and before a comma, or for unquoted token values', () => {
    expect(parsed('Bearer realm = example ,error=invalid_token')).toEqual({
      challenges: [{ scheme: 'Bearer', token68: undefined, params: { realm: 'example', error: 'invalid_token' } }],
      problems: [],
    });
  });

  it('reports no problem for a bare scheme at the end, before a comma, or before a trailing ", "', () => {
    expect(parsed('Negotiate').problems).toEqual([]);
    expect(parsed('Negotiate, NTLM')).toEqual({
      challenges: [
        { scheme: 'Negotiate', token68: undefined, params: {} },
        { scheme: 'NTLM', token68: undefined, params: {} },
      ],
      problems: [],
    });
    expect(parsed('Negotiate, NTLM, ')).toEqual(parsed('Negotiate, NTLM'));
    expect(parsed('Basic realm="a", ')).toEqual({
      challenges: [{ scheme: 'Basic', token68: undefined, params: { realm: 'a' } }],
      problems: [],
    });
  });

  it('keeps a lone backslash at the end of an unterminated quote, but reads "\\"" at the end as an escaped quote', () => {
    // The escape needs a character after the backslash: one before the end (escaped quote) reads it, one at the end does not.
    expect(parsed('Basic realm="a\\"')).toEqual({
      challenges: [{ scheme: 'Basic', token68: undefined, params: { realm: 'a"' } }],
      problems: ['A quoted value is missing its closing quote.'],
    });
    expect(parsed('Basic realm="a\\')).toEqual({
      challenges: [{ scheme: 'Basic', token68: undefined, params: { realm: 'a\\' } }],
      problems: ['A quoted value is missing its closing quote.'],
    });
  });

  it('after a param with no value, skips to the next comma outside quotes and reads the params after it', () => {
    expect(parsed('Bearer error=@"a,b", realm="x"')).toEqual({
      challenges: [{ scheme: 'Bearer', token68: undefined, params: { error: '', realm: 'x' } }],
      problems: ['The parameter "error" has no value.'],
    });
  });

  it('ends a token68 at a comma or at spaces before one, and leaves out an empty token68', () => {
    const expected = {
      challenges: [
        { scheme: 'Negotiate', token68: 'abc==', params: {} },
        { scheme: 'NTLM', token68: undefined, params: {} },
      ],
      problems: [],
    };
    expect(parsed('Negotiate abc==, NTLM')).toEqual(expected);
    expect(parsed('Negotiate abc== , NTLM')).toEqual(expected);
    // No token68 key at all (not even undefined) when there is none: after a trailing space, before a comma, or none.
    for (const value of ['Basic ', 'Basic , Bearer', 'Negotiate']) {
      const r = parseChallenges(value);
      expect(r.challenges.map((c) => Object.keys(c))).toEqual(r.challenges.map(() => ['scheme', 'params']));
      expect(r.problems).toEqual([]);
    }
    expect(Object.keys(parseChallenges('Negotiate abc==').challenges[0] ?? {})).toEqual(['scheme', 'params', 'token68']);
  });

  it('names an unexpected character where a name belongs (a quote as "a quote"), skips past it and reads on', () => {
    const challenges = [{ scheme: 'Basic', token68: undefined, params: { realm: 'a', charset: 'UTF-8' } }];
    expect(parsed('Basic realm="a", @bad, charset="UTF-8"')).toEqual({ challenges, problems: [UNEXPECTED('@')] });
    expect(parsed('Basic realm="a", "oops, sorry", charset="UTF-8"')).toEqual({
      challenges,
      problems: [UNEXPECTED('a quote')],
    });
    // Right after a closing quote: the skip starts after the bad character, not back at the quote.
    expect(parsed('Basic realm="a"@bad, charset="UTF-8"')).toEqual({
      challenges,
      problems: ['Parameters must be separated by commas.', UNEXPECTED('@')],
    });
  });

  it('says a scheme must be followed by a space when another character follows it', () => {
    expect(parsed('Bearer;realm="x"')).toEqual({
      challenges: [{ scheme: 'Bearer', token68: undefined, params: {} }],
      problems: ['The scheme "Bearer" must be followed by a space.', UNEXPECTED(';')],
    });
  });

  it('reports a scheme right after a bare scheme as a missing comma', () => {
    expect(parsed('Basic Bearer realm="x"')).toEqual({
      challenges: [
        { scheme: 'Basic', token68: undefined, params: {} },
        { scheme: 'Bearer', token68: undefined, params: { realm: 'x' } },
      ],
      problems: ['Challenges must be separated by commas.'],
    });
  });

  it('skips a leading param to the next comma, and does not also call a header with other problems empty', () => {
    const missing = 'The header starts with a parameter; the auth-scheme (e.g. Basic or Bearer) is missing.';
    expect(parsed('realm="x"')).toEqual({ challenges: [], problems: [missing] });
    expect(parsed('realm="x, y", Basic realm="z"')).toEqual({
      challenges: [{ scheme: 'Basic', token68: undefined, params: { realm: 'z' } }],
      problems: [missing],
    });
  });

  it(`reads a header of exactly ${MAX_CHALLENGE_CHARS} characters whole, and cuts one of a character more`, () => {
    const realm = 'a'.repeat(MAX_CHALLENGE_CHARS - 'Bearer realm=""'.length);
    const atLimit = `Bearer realm="${realm}"`;
    expect(atLimit).toHaveLength(MAX_CHALLENGE_CHARS);
    expect(parsed(atLimit)).toEqual({
      challenges: [{ scheme: 'Bearer', token68: undefined, params: { realm } }],
      problems: [],
    });
    // One more character: the cut falls on the closing quote.
    expect(parsed(`Bearer realm="${realm}a"`)).toEqual({
      challenges: [{ scheme: 'Bearer', token68: undefined, params: { realm: `${realm}a` } }],
      problems: [
        'The header is longer than 8 KB; only the first 8 KB were read.',
        'A quoted value is missing its closing quote.',
      ],
    });
  });
});
