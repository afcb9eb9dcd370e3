import { describe, expect, it } from 'vitest';
import { aliasTarget } from '../../src/lib/anchor-target';

const ids = new Set(['new-name', 'other']);
const exists = (id: string) => ids.has(id);

describe('following an old section anchor', () => {
  it('leads an alias to its heading, and leaves live anchors and unknown ones alone', () => {
    const aliases = [{ 'old-name': 'new-name' }];
    expect(aliasTarget('#old-name', aliases, exists)).toBe('new-name');
    expect(aliasTarget('#other', aliases, exists)).toBeUndefined();
    expect(aliasTarget('#nothing', aliases, exists)).toBeUndefined();
    expect(aliasTarget('', aliases, exists)).toBeUndefined();
  });

  it('ignores a hostile hash: bad escapes, inherited names, targets the page does not have', () => {
    expect(aliasTarget('#%E0%A4%A', [{}], exists)).toBeUndefined();
    expect(aliasTarget('#constructor', [{}], exists)).toBeUndefined();
    expect(aliasTarget('#__proto__', [JSON.parse('{"__proto__": "new-name"}') as Record<string, string>], exists)).toBe('new-name');
    expect(aliasTarget('#x', [{ x: 'gone' }], exists)).toBeUndefined();
  });
});

describe('the attribute a page carries', () => {
  it('is the map as JSON, or absent when there is none (or the cache has none)', async () => {
    const { anchorAliasesAttr } = await import('../../src/lib/anchor-target');
    expect(anchorAliasesAttr({ a: 'b' })).toBe('{"a":"b"}');
    expect(anchorAliasesAttr({})).toBeUndefined();
    expect(anchorAliasesAttr(undefined)).toBeUndefined();
  });
});
