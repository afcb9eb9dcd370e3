import { beforeEach, describe, expect, it } from 'vitest';
import { challengeParam, parseChallenges } from '../../src/diagnose';
import { MAX_CHALLENGES } from '../../src/diagnose/www-authenticate';

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
