/**
 * A content mistake must stop the real build with a message a content author
 * can act on: the file and the field. Each case breaks one copy of content/.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'fix401-broken-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function buildWith(name: string, breakIt: (dir: string) => void): { ok: boolean; output: string } {
  const dir = join(work, name);
  cpSync('content', dir, { recursive: true });
  breakIt(dir);
  const r = spawnSync('astro', ['build'], {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CONTENT_DIR: dir, OUT_DIR: join(work, `${name}-dist`), ASTRO_CACHE_DIR: join(work, `${name}-cache`) },
    encoding: 'utf8',
  });
  // Colour codes (CI forces them on) would split "title: is required" around escape sequences.
  return { ok: r.status === 0, output: `${r.stdout}\n${r.stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
}
const edit = (file: string, from: RegExp | string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

describe('the build refuses broken content', { timeout: 120_000 }, () => {
  it('a missing required field names the file and the field', () => {
    const r = buildWith('missing-field', (d) => edit(join(d, 'fixes/jwt-expired.md'), /^title:.*\n/m, ''));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/fixes\/jwt-expired\.md/);
    expect(r.output).toMatch(/title: is required/);
  });

  it('an answer pointing to an unknown id names the file, the answer and a suggestion', () => {
    const r = buildWith('unknown-next', (d) => edit(join(d, 'flow/api-always.md'), 'next: bearer-token-missing', 'next: bearer-token-mising'));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/api-always\.md: answers\[0\]\.next "bearer-token-mising" is not a question or fix id \(did you mean "bearer-token-missing"\?\)/);
  });

  it('two files with the same id name both files', () => {
    const r = buildWith('duplicate-id', (d) => {
      cpSync(join(d, 'examples/bad-cache.md'), join(d, 'examples/bad-cache-copy.md'));
    });
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/examples\/bad-cache(-copy)?\.md: id "bad-cache" is already used in .*examples\/bad-cache(-copy)?\.md/);
  });

  it('a published id that disappears without an alias fails, pointing at ids.lock', () => {
    const r = buildWith('lost-id', (d) => edit(join(d, 'examples/bad-cache.md'), /^id: bad-cache$/m, 'id: cached-login-page'));
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/ids\.lock: "examples\/bad-cache" was published but no entry has it/);
  });
});
