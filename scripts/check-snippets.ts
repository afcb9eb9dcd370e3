/**
 * npm run check:snippets: every nginx and Apache code block in the content, tested with the real server
 * (`nginx -t`, `apache2 -t`), and every Python block parsed by Python. Not part of `npm test`, which must run
 * where none of them is installed (YAML, JSON, JavaScript and TypeScript blocks are checked there, in
 * tests/unit/content-real.test.ts); run it after changing a snippet (`apt-get install nginx apache2` first). Prints one line per block the server refuses,
 * with file and line, and exits non-zero if there is any.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { contentFiles } from '../src/model/load-files';
import { fencedBlocks } from '../src/markdown/code-blocks';
import { ENVIRONMENT_ONLY, nginxCandidates, plusOnly } from './snippets/nginx';
import { APACHE_ENVIRONMENT_ONLY, APACHE_MODULES, apacheCandidates } from './snippets/apache';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const APACHE = process.env.APACHE ?? '/usr/sbin/apache2';
const APACHE_MODULE_DIR = process.env.APACHE_MODULE_DIR ?? '/usr/lib/apache2/modules';
const PYTHON = process.env.PYTHON ?? 'python3';
for (const [name, bin] of [['nginx', NGINX], ['apache2', APACHE], ['python3', PYTHON]] as const) {
  try {
    execFileSync(bin, ['-v'], { stdio: 'ignore' });
  } catch {
    console.error(`No ${name} at ${bin}: install it (apt-get install ${name}) or set ${{ nginx: 'NGINX', apache2: 'APACHE', python3: 'PYTHON' }[name]} to its path.`);
    process.exit(2);
  }
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

const apacheBase = {
  dir,
  modules: APACHE_MODULES.map((m): [string, string] => [m, join(APACHE_MODULE_DIR, `mod_${m}.so`)]).filter(([, path]) => existsSync(path)),
};
/** httpd's complaint about one config (it stops at the first), unless environment-only; [] when it passes. */
function apacheRefusals(config: string): string[] {
  const file = join(dir, 'httpd.conf');
  writeFileSync(file, config);
  try {
    // Debian's own configs use these variables (from /etc/apache2/envvars); snippets copied from them do too.
    const env = { ...process.env, APACHE_LOG_DIR: dir, APACHE_RUN_DIR: dir, APACHE_LOCK_DIR: dir };
    execFileSync(APACHE, ['-t', '-f', file], { stdio: ['ignore', 'ignore', 'pipe'], env });
    return [];
  } catch (e) {
    const stderr = String((e as { stderr?: Buffer }).stderr ?? e).trim();
    // "AH00526: Syntax error on line 12 of /tmp/…/httpd.conf:" names the wrapped config's line: keep the reason.
    const reason = stderr.split('\n').filter((l) => !/^AH00526: Syntax error on line \d+ of /.test(l)).join(' ').trim() || stderr || 'apache2 -t failed without a message';
    return APACHE_ENVIRONMENT_ONLY.some((re) => re.test(reason)) ? [] : [reason];
  }
}

/** Python's complaint about a snippet's syntax; [] when it parses. */
function pythonRefusals(code: string): string[] {
  try {
    execFileSync(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code, stdio: ['pipe', 'ignore', 'pipe'] });
    return [];
  } catch (e) {
    return [String((e as { stderr?: Buffer }).stderr ?? e).trim().split('\n').pop() || 'python3 failed without a message'];
  }
}

let blocks = 0;
let apacheBlocks = 0;
let pythonBlocks = 0;
const failures: string[] = [];
for (const file of contentFiles('content').map((f) => join('content', f))) {
  for (const block of fencedBlocks(readFileSync(file, 'utf8'))) {
    if (block.lang === 'apacheconf') {
      apacheBlocks++;
      const tries = apacheCandidates(block.code, apacheBase).map(apacheRefusals);
      if (!tries.some((r) => r.length === 0)) failures.push(`${relative('.', file)}:${block.line}: ${tries.map((r) => r[0]).join(' | ')}`);
      continue;
    }
    if (block.lang === 'python') {
      pythonBlocks++;
      const refused = pythonRefusals(block.code);
      if (refused.length) failures.push(`${relative('.', file)}:${block.line}: ${refused[0]}`);
      continue;
    }
    if (block.lang !== 'nginx') continue;
    blocks++;
    const tries = nginxCandidates(block.code).map((config) => refusals(config).filter((m) => !plusOnly(block.code, m)));
    if (tries.some((r) => r.length === 0)) continue;
    failures.push(`${relative('.', file)}:${block.line}: ${tries[0]!.join('; ')}`);
  }
}
rmSync(dir, { recursive: true, force: true });
for (const f of failures) console.log(f);
const total = blocks + apacheBlocks + pythonBlocks;
console.log(`${total - failures.length} of ${total} snippets accepted (${blocks} nginx, ${NGINX} -t; ${apacheBlocks} Apache, ${APACHE} -t; ${pythonBlocks} Python, parsed by ${PYTHON})`);
process.exit(failures.length ? 1 : 0);
