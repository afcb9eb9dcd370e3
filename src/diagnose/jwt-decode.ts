/**
 * Reading a JWT's structure: strip what was copied around it, split it into parts
 * and decode the base64url JSON. No judgement here; jwt-checks.ts reads the claims.
 * Uses only atob and TextDecoder so it runs in the browser and in Node.
 */

/** Far above any real token (browsers cap headers at a few KB); keeps decoding cheap. */
export const MAX_TOKEN_CHARS = 65_536;

export type JsonObject = { readonly [key: string]: unknown };

/** Strips "Authorization:", "Bearer ", quotes and any whitespace (tokens get wrapped when copied). */
export function cleanToken(input: string): string {
  let t = input.trim();
  t = t.replace(/^authorization *:\s*/i, '');
  t = t.replace(/^bearer(?: *:)?\s*/i, '');
  t = t.replace(/\s+/g, '');
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t[t.length - 1] === t[0]) t = t.slice(1, -1);
  return t;
}

export class DecodeError extends Error {}

function base64UrlToText(part: string, what: string): string {
  // "=" only at the end: counted by hand, since /=+$/ retries from every "=" on a hostile run of them.
  let end = part.length;
  while (end > 0 && part.length - end < 2 && part[end - 1] === '=') end--;
  const bare = part.slice(0, end);
  if (!/^[\w-]*$/.test(bare)) {
    throw new DecodeError(
      `The ${what} contains characters that are not base64url (only A-Z, a-z, 0-9, - and _ are allowed).`,
    );
  }
  if (bare.length % 4 === 1) throw new DecodeError(`The ${what} has an impossible base64url length; part of it is missing.`);
  const b64 = bare.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (bare.length % 4)) % 4);
  // Cannot throw: the alphabet and the length were checked above, and the padding is complete.
  const binary = atob(b64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DecodeError(`The ${what} decodes to bytes that are not UTF-8 text.`);
  }
}

export function decodeJsonPart(part: string, what: string): JsonObject {
  const text = base64UrlToText(part, what);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    // V8's JSON.parse is iterative, but a "too much recursion" elsewhere is still a failure to read, not a crash.
    throw new DecodeError(
      e instanceof SyntaxError ? `The ${what} decodes, but not to JSON.` : `The ${what} is too deeply nested to read.`,
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new DecodeError(`The ${what} is JSON but not an object.`);
  }
  return value as JsonObject;
}

export type TokenParts =
  | { readonly kind: 'jws'; readonly token: string; readonly header: JsonObject; readonly payload: JsonObject; readonly signature: string }
  | { readonly kind: 'jwe'; readonly token: string; readonly header?: JsonObject }
  | { readonly kind: 'malformed'; readonly token: string; readonly error: string };

function malformedParts(token: string, count: number): TokenParts {
  const error =
    count === 1
      ? 'A JWT has three parts separated by dots; this has none. It may be an opaque token, which only its issuer can look up, or only part of a JWT was copied.'
      : `A JWT has three parts separated by dots (or five when encrypted); this has ${count}. Part of it was probably lost when it was copied.`;
  return { kind: 'malformed', token, error };
}

/** Splits and decodes a token; never throws. */
export function readToken(input: string): TokenParts {
  if (input.length > MAX_TOKEN_CHARS) {
    return { kind: 'malformed', token: '', error: 'This is far longer than any real token; paste only the token itself.' };
  }
  const token = cleanToken(input);
  if (token === '') return { kind: 'malformed', token, error: 'Nothing to decode: the token is empty.' };
  if (/^(?:undefined|null)$/i.test(token)) {
    return {
      kind: 'malformed',
      token,
      error: `The token is the text "${token}": the code that adds the header had no token to send.`,
    };
  }
  const parts = token.split('.');
  if (parts.length === 5) {
    try {
      return { kind: 'jwe', token, header: decodeJsonPart(parts[0] ?? '', 'header') };
    } catch {
      return { kind: 'jwe', token };
    }
  }
  if (parts.length !== 3) return malformedParts(token, parts.length);
  const [h = '', p = '', signature = ''] = parts;
  try {
    return { kind: 'jws', token, header: decodeJsonPart(h, 'header'), payload: decodeJsonPart(p, 'payload'), signature };
  } catch (e) {
    if (e instanceof DecodeError) return { kind: 'malformed', token, error: e.message };
    throw e;
  }
}
