/**
 * Mutants that survived in src/diagnose (share D): the size cap of the pretty
 * JSON view, and what cleanToken strips from a pasted token.
 */
import { describe, expect, it } from 'vitest';
import { decodeJwt, MAX_PRETTY_CHARS, MAX_PRETTY_DEPTH, prettyJson } from '../../src/diagnose';
import { makeJwt, NOW } from './fixtures/diagnose-corpus';

describe('prettyJson size cap (json-pretty.ts)', () => {
  it('keeps output of exactly the cap whole, and cuts one character more with a closing …', () => {
    // '{\n' + '  "blob": ' + '"' + blob + '"' + '\n' + '}' is the blob plus 16 characters.
    const fits = { blob: 'a'.repeat(MAX_PRETTY_CHARS - 16) };
    const exact = JSON.stringify(fits, null, 2);
    expect(exact.length).toBe(MAX_PRETTY_CHARS);
    expect(prettyJson(fits)).toEqual({ text: exact });

    const over = { blob: 'a'.repeat(MAX_PRETTY_CHARS - 15) };
    const full = JSON.stringify(over, null, 2);
    expect(prettyJson(over)).toEqual({ text: `${full.slice(0, MAX_PRETTY_CHARS)}…`, truncated: 'size' });
  });

  it('ends a cut text with … right where the cap fell, inside a key', () => {
    expect(prettyJson({ blob: 'a'.repeat(50) }, MAX_PRETTY_DEPTH, 10)).toEqual({
      text: '{\n  "blob"…',
      truncated: 'size',
    });
  });
});

describe('cleanToken prefixes (jwt-decode.ts)', () => {
  it('strips "Authorization:" only at the start, so an X-Authorization header line stays unreadable', () => {
    const jwt = makeJwt({ sub: '1', exp: Math.floor(NOW.getTime() / 1000) + 600 });
    const r = decodeJwt(`X-Authorization: Bearer ${jwt}`, { now: NOW });
    expect(r.kind).toBe('malformed');
    expect(r.token).toBe(`X-Authorization:Bearer${jwt}`);
    expect(r.error).toBe(
      'The header contains characters that are not base64url (only A-Z, a-z, 0-9, - and _ are allowed).',
    );
  });
});
