import { describe, expect, it } from 'vitest';
import { textFragment } from '../../src/search/text-fragment';

describe('text fragments for results that matched an error', () => {
  it('encodes the directive characters a term must not hold', () => {
    expect(textFragment('no org id')).toBe('#:~:text=no%20org%20id');
    expect(textFragment('invalid_client, secret-expired & more')).toBe('#:~:text=invalid_client%2C%20secret%2Dexpired%20%26%20more');
    expect(textFragment('  spaced\n  out  ')).toBe('#:~:text=spaced%20out');
  });

  it('gives a long error by its first and last words', () => {
    const long = 'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription.';
    expect(textFragment(long)).toBe('#:~:text=Access%20denied%20due%20to,an%20active%20subscription.');
  });

  it('adds nothing for text too short to find', () => {
    expect(textFragment('401')).toBe('');
    expect(textFragment('')).toBe('');
  });

  it('keeps any text inside the fragment: nothing can close it or start a query', () => {
    const f = textFragment('a#b?c=d&e</script>');
    expect(f.startsWith('#:~:text=')).toBe(true);
    expect(f.slice(9)).not.toMatch(/[#?&<>=]/);
  });
});
