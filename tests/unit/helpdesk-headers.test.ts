import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ASSET_HEADERS,
  connectSrc,
  headersFile,
  metaDirectives,
  readSettings,
  securityHeaders,
  type Header,
} from '../../src/lib/security-headers';
import { EMBED_MODE_HASH, EMBED_MODE_SCRIPT } from '../../src/lib/embed-mode';
import { createHash } from 'node:crypto';

/** The add_header lines of one nginx block: the server level, or a location's. */
function nginxBlocks(readme: string): { server: Header[]; astro: Header[] } {
  const block = /```nginx\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README has no nginx block');
  const server: Header[] = [];
  const astro: Header[] = [];
  let where: 'server' | 'astro' | 'other' = 'server';
  for (const line of block.split('\n')) {
    const t = line.trim();
    if (t.startsWith('location /_astro/')) where = 'astro';
    else if (t.startsWith('location ')) where = 'other';
    else if (t === '}' && where !== 'server') where = 'server';
    const m = /^add_header ([\w-]+) "((?:[^"\\]|\\.)*)" always;$/.exec(t);
    if (!m) continue;
    if (where === 'other') throw new Error(`add_header in an unexpected location: ${t}`);
    (where === 'server' ? server : astro).push([m[1]!, m[2]!.replaceAll('\\"', '"')]);
  }
  return { server, astro };
}

const sorted = (h: readonly Header[]) => [...h].map(([n, v]) => `${n}: ${v}`).sort();

describe('headers in one place', () => {
  const defaults = readSettings({});

  it("the README's nginx block sends exactly the list, at server level and again in /_astro/", () => {
    const { server, astro } = nginxBlocks(readFileSync('README.md', 'utf8'));
    expect(sorted(server)).toEqual(sorted(securityHeaders(defaults)));
    expect(sorted(astro)).toEqual(sorted([...ASSET_HEADERS, ...securityHeaders(defaults)]));
  });

  it('by default nobody may frame the guide, twice over', () => {
    const h = Object.fromEntries(securityHeaders(defaults));
    expect(h['Content-Security-Policy']).toContain("frame-ancestors 'none'");
    expect(h['X-Frame-Options']).toBe('DENY');
    expect(h['Cross-Origin-Opener-Policy']).toBe('same-origin');
    expect(h['Permissions-Policy']).toContain('camera=()');
  });

  it('EMBED_ORIGINS writes frame-ancestors and drops X-Frame-Options (it cannot name origins)', () => {
    const s = readSettings({ EMBED_ORIGINS: ' https://help.example  http://127.0.0.1:4410/ https://help.example ' });
    expect(s.embedOrigins).toEqual(['https://help.example', 'http://127.0.0.1:4410']);
    const h = Object.fromEntries(securityHeaders(s));
    expect(h['Content-Security-Policy']).toContain('frame-ancestors https://help.example http://127.0.0.1:4410');
    expect(h['X-Frame-Options']).toBeUndefined();
    const file = headersFile(s);
    expect(file).toContain('\n/*\n');
    expect(file).toContain('frame-ancestors https://help.example http://127.0.0.1:4410');
    expect(file).not.toContain('X-Frame-Options');
  });

  it.each(['help.example', 'https://help.example/path', 'https://user@help.example', "'self'", 'javascript:alert(1)', 'https://a.example;script-src *'])(
    'a malformed origin fails the build: %s',
    (value) => {
      expect(() => readSettings({ EMBED_ORIGINS: value })).toThrow(/EMBED_ORIGINS/);
    },
  );

  it('connect-src follows OUTCOME_ENDPOINT and is self only by default', () => {
    expect(connectSrc(defaults)).toBe("connect-src 'self'");
    const s = readSettings({ OUTCOME_ENDPOINT: 'https://stats.example/fix401/events' });
    expect(connectSrc(s)).toBe("connect-src 'self' https://stats.example");
    expect(metaDirectives(s)).toContain("connect-src 'self' https://stats.example");
    expect(() => readSettings({ OUTCOME_ENDPOINT: '/relative' })).toThrow(/OUTCOME_ENDPOINT/);
    expect(() => readSettings({ OUTCOME_ENDPOINT: 'https://u:p@stats.example/' })).toThrow(/OUTCOME_ENDPOINT/);
  });

  it('SUPPORT_EMAIL must be one plain address', () => {
    expect(readSettings({ SUPPORT_EMAIL: 'help@support.example' }).supportEmail).toBe('help@support.example');
    for (const bad of ['help', 'a@b', 'a@b.example?cc=x@y.example', 'a b@c.example', 'x@y.example,z@w.example']) {
      expect(() => readSettings({ SUPPORT_EMAIL: bad }), bad).toThrow(/SUPPORT_EMAIL/);
    }
  });

  it('the one inline script matches the hash the CSP allows', () => {
    expect(EMBED_MODE_HASH).toBe(`sha256-${createHash('sha256').update(EMBED_MODE_SCRIPT).digest('base64')}`);
    expect(() => new Function(EMBED_MODE_SCRIPT)).not.toThrow();
  });
});
