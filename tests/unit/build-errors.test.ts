/**
 * A content mistake must stop the real build with a message a content author
 * can act on: the file and the field.
 *
 * Two runs instead of one build per mistake (each full build is most of a
 * minute on a small machine): a schema mistake stops Astro's content sync, so
 * `astro sync` (the same loaders and schemas a build runs first) proves it; the
 * cross-file checks all run together when the first page loads the site and
 * report every problem at once, so one real build with three mistakes planted
 * in one copy of content/ proves all three.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'fix401-broken-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runWith(command: 'sync' | 'build', name: string, breakIt: (dir: string) => void): Promise<{ ok: boolean; output: string }> {
  const dir = join(work, name);
  cpSync('content', dir, { recursive: true });
  breakIt(dir);
  const child = spawn('astro', [command], {
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CONTENT_DIR: dir, OUT_DIR: join(work, `${name}-dist`), ASTRO_CACHE_DIR: join(work, `${name}-cache`) },
  });
  const out: Buffer[] = [];
  child.stdout.on('data', (d: Buffer) => out.push(d));
  child.stderr.on('data', (d: Buffer) => out.push(d));
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      // Colour codes (CI forces them on) would split "title: is required" around escape sequences.
      resolve({ ok, output: Buffer.concat(out).toString('utf8').replace(/\x1b\[[0-9;]*m/g, '') });
    };
    child.on('error', (e) => {
      out.push(Buffer.from(String(e)));
      done(false);
    });
    child.on('close', (code) => done(code === 0));
  });
}
const edit = (file: string, from: RegExp | string, to: string) => {
  const before = readFileSync(file, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`${file}: nothing to break (${String(from)}); update this test`);
  writeFileSync(file, after);
};

// Both runs start as the file loads and run side by side: run one after the other, they were the unit
// phase's longest file (~25 s beside the builds of `npm test`), with the other worker long done.
const schemaBroken = runWith('sync', 'missing-field', (d) => edit(join(d, 'fixes/jwt-expired.md'), /^title:.*\n/m, ''));
const crossFileBroken = runWith('build', 'cross-file', (d) => {
  edit(join(d, 'flow/check-status.md'), 'next: actually-403-forbidden', 'next: actually-403-forbiden');
  cpSync(join(d, 'examples/plugin-block.md'), join(d, 'examples/plugin-block-copy.md'));
  edit(join(d, 'examples/bad-cache.md'), /^id: bad-cache$/m, 'id: cached-login-page');
});

describe('the build refuses broken content', { timeout: 180_000 }, () => {
  it('a missing required field names the file and the field', async () => {
    const r = await schemaBroken;
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/fixes\/jwt-expired\.md/);
    expect(r.output).toMatch(/title: is required/);
  });

  it('an answer pointing to an unknown id names the file, the answer and a suggestion', async () => {
    const r = await crossFileBroken;
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/check-status\.md: answers\[1\]\.next "actually-403-forbiden" is not a question or fix id \(did you mean "actually-403-forbidden"\?\)/);
  });

  it('two files with the same id name both files', async () => {
    const r = await crossFileBroken;
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/examples\/plugin-block(-copy)?\.md: id "plugin-block" is already used in .*examples\/plugin-block(-copy)?\.md/);
  });

  it('a published id that disappears without an alias fails, pointing at ids.lock', async () => {
    const r = await crossFileBroken;
    expect(r.ok).toBe(false);
    expect(r.output).toMatch(/ids\.lock: "examples\/bad-cache" was published but no entry has it/);
  });
});
