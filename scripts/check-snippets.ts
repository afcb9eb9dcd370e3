/**
 * npm run check:snippets: every nginx code block in the content, tested with the real nginx (`nginx -t`).
 * Not part of `npm test`, which must run where nginx is not installed; run it after changing a snippet
 * (`apt-get install nginx` first). Prints one line per block that nginx refuses, with file and line, and
 * exits non-zero if there is any.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { contentFiles } from '../src/model/load-files';
import { fencedBlocks } from '../src/markdown/code-blocks';
import { ENVIRONMENT_ONLY, nginxCandidates, plusOnly } from './snippets/nginx';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
try {
  execFileSync(NGINX, ['-v'], { stdio: 'ignore' });
} catch {
  console.error(`No nginx at ${NGINX}: install it (apt-get install nginx) or set NGINX to its path.`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'fix401-nginx-'));
/** nginx's complaints about one config, without the environment-only ones; [] when it passes. */
function refusals(config: string): string[] {
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config);
  try {
    execFileSync(NGINX, ['-t', '-q', '-e', 'stderr', '-p', dir, '-c', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    return [];
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? e);
    const lines = stderr.split('\n').filter((l) => l.includes('[emerg] ') || l.includes('[crit] '));
    // nginx failed without saying why in its usual form: never read that as a pass.
    if (!lines.length) return [stderr.trim() || 'nginx -t failed without a message'];
    const message = (l: string) => {
      const text = l.slice(l.indexOf('] ') + 2).replace(/^\d+#\d+: /, '');
      // "... in /tmp/…/nginx.conf:12": the line is the wrapped config's, not the content file's, so it goes.
      return text.split(` in ${file}:`)[0]!;
    };
    return lines.map(message).filter((m) => !ENVIRONMENT_ONLY.some((re) => re.test(m)));
  }
}

let blocks = 0;
const failures: string[] = [];
for (const file of contentFiles('content').map((f) => join('content', f))) {
  for (const block of fencedBlocks(readFileSync(file, 'utf8'))) {
    if (block.lang !== 'nginx') continue;
    blocks++;
    const tries = nginxCandidates(block.code).map((config) => refusals(config).filter((m) => !plusOnly(block.code, m)));
    if (tries.some((r) => r.length === 0)) continue;
    failures.push(`${relative('.', file)}:${block.line}: ${tries[0]!.join('; ')}`);
  }
}
rmSync(dir, { recursive: true, force: true });
for (const f of failures) console.log(f);
console.log(`nginx snippets: ${blocks - failures.length} of ${blocks} accepted by ${NGINX} -t`);
process.exit(failures.length ? 1 : 0);
