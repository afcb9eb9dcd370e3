/**
 * npm run check:snippets: every nginx and Apache code block in the content, tested with the real server
 * (`nginx -t`, `apache2 -t`), and every Python and PHP block parsed by Python and `php -l`. Not part of `npm test`, which must run
 * where none of them is installed (YAML, JSON, JavaScript, TypeScript and shell blocks are checked there, in
 * tests/unit/content-real.test.ts); run it after changing a snippet (`apt-get install nginx apache2 php-cli` first).
 * Prints one line per block a tool refuses, with file and line, and exits non-zero if there is any.
 */
import { execFileSync, type ExecFileSyncOptions } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { contentFiles } from '../src/model/load-files';
import { fencedBlocks } from '../src/markdown/code-blocks';
import { ENVIRONMENT_ONLY, nginxCandidates, notInStockNginx } from './snippets/nginx';
import { APACHE_ENVIRONMENT_ONLY, APACHE_MODULES, apacheCandidates } from './snippets/apache';
import { forgiven } from './snippets/common';
import { phpReadings } from './snippets/php';

const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
const APACHE = process.env.APACHE ?? '/usr/sbin/apache2';
const APACHE_MODULE_DIR = process.env.APACHE_MODULE_DIR ?? '/usr/lib/apache2/modules';
const PYTHON = process.env.PYTHON ?? 'python3';
const PHP = process.env.PHP ?? 'php';
for (const [name, bin, variable] of [['nginx', NGINX, 'NGINX'], ['apache2', APACHE, 'APACHE'], ['python3', PYTHON, 'PYTHON'], ['php-cli', PHP, 'PHP']] as const) {
  try {
    execFileSync(bin, ['-v'], { stdio: 'ignore' });
  } catch {
    console.error(`No ${name} at ${bin}: install it (apt-get install ${name}) or set ${variable} to its path.`);
    process.exit(2);
  }
}

/** A tool's complaint (its stderr), or undefined when it exits 0. A failure with nothing said is never a pass. */
function complaint(bin: string, args: string[], options: ExecFileSyncOptions = {}): string | undefined {
  try {
    execFileSync(bin, args, { stdio: ['pipe', 'ignore', 'pipe'], ...options });
    return undefined;
  } catch (e) {
    return String((e as { stderr?: Buffer }).stderr ?? e).trim() || `${bin} failed without a message`;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'fix401-snippets-'));

/** nginx's complaints about one config, without the environment-only ones; [] when it passes. */
function nginxRefusals(config: string): string[] {
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config);
  const stderr = complaint(NGINX, ['-t', '-q', '-e', 'stderr', '-p', dir, '-c', file]);
  if (stderr === undefined) return [];
  const lines = stderr.split('\n').filter((l) => l.includes('[emerg] ') || l.includes('[crit] '));
  // nginx failed without saying why in its usual form: never read that as a pass.
  if (!lines.length) return [stderr];
  const message = (l: string) => {
    const text = l.slice(l.indexOf('] ') + 2).replace(/^\d+#\d+: /, '');
    // "... in /tmp/…/nginx.conf:12": the line is the wrapped config's, not the content file's, so it goes.
    return text.split(` in ${file}:`)[0]!;
  };
  return lines.map(message).filter((m) => !forgiven(ENVIRONMENT_ONLY, m));
}

const apacheBase = {
  dir,
  modules: APACHE_MODULES.map((m): [string, string] => [m, join(APACHE_MODULE_DIR, `mod_${m}.so`)]).filter(([, path]) => existsSync(path)),
};
/** httpd's complaint about one config (it stops at the first), unless environment-only; [] when it passes. */
function apacheRefusals(config: string): string[] {
  const file = join(dir, 'httpd.conf');
  writeFileSync(file, config);
  // Debian's own configs use these variables (from /etc/apache2/envvars); snippets copied from them do too.
  const env = { ...process.env, APACHE_LOG_DIR: dir, APACHE_RUN_DIR: dir, APACHE_LOCK_DIR: dir };
  const stderr = complaint(APACHE, ['-t', '-f', file], { env });
  if (stderr === undefined) return [];
  // "AH00526: Syntax error on line 12 of /tmp/…/httpd.conf:" names the wrapped config's line: keep the reason.
  const reason = stderr.split('\n').filter((l) => !/^AH00526: Syntax error on line \d+ of /.test(l)).join(' ').trim() || stderr;
  return forgiven(APACHE_ENVIRONMENT_ONLY, reason) ? [] : [reason];
}

/** Python's complaint about a snippet's syntax (the error's last line); [] when it parses. */
function pythonRefusals(code: string): string[] {
  const stderr = complaint(PYTHON, ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: code });
  return stderr === undefined ? [] : [stderr.split('\n').pop()!];
}

/** PHP's complaint about one source (`php -l`'s error line), or undefined when it parses. */
function phpComplaint(source: string): string | undefined {
  const stderr = complaint(PHP, ['-l', '-d', 'display_errors=stderr'], { input: source });
  return stderr === undefined ? undefined : (stderr.split('\n').find((l) => l.includes('error')) ?? stderr);
}
/** A reading's complaints (`phpReadings`): for each piece none of whose sources parse, its first complaint. */
function phpRefusals(reading: string[][]): string[] {
  return reading.flatMap((piece) => {
    const complaints = [];
    for (const source of piece) {
      const c = phpComplaint(source);
      if (c === undefined) return [];
      complaints.push(c);
    }
    return [complaints[0]!];
  });
}

/**
 * Per language: how many blocks were checked, and what refuses one (the refusals of each context it was tried
 * in; it passes if any context has none). The first context's refusals are reported.
 */
const checkers = {
  nginx: { name: `nginx, ${NGINX} -t`, count: 0, tries: (code: string) => nginxCandidates(code).map((config) => nginxRefusals(config).filter((m) => !notInStockNginx(code, m))) },
  apacheconf: { name: `Apache, ${APACHE} -t`, count: 0, tries: (code: string) => apacheCandidates(code, apacheBase).map(apacheRefusals) },
  python: { name: `Python, parsed by ${PYTHON}`, count: 0, tries: (code: string) => [pythonRefusals(code)] },
  php: { name: `PHP, ${PHP} -l`, count: 0, tries: (code: string) => phpReadings(code).map(phpRefusals) },
};

const failures: string[] = [];
for (const file of contentFiles('content').map((f) => join('content', f))) {
  for (const block of fencedBlocks(readFileSync(file, 'utf8'))) {
    const checker = Object.hasOwn(checkers, block.lang) ? checkers[block.lang as keyof typeof checkers] : undefined;
    if (!checker) continue;
    checker.count++;
    const tries = checker.tries(block.code);
    if (!tries.some((r) => r.length === 0)) failures.push(`${relative('.', file)}:${block.line}: ${tries[0]!.join('; ')}`);
  }
}
rmSync(dir, { recursive: true, force: true });
for (const f of failures) console.log(f);
const all = Object.values(checkers);
const total = all.reduce((n, c) => n + c.count, 0);
console.log(`${total - failures.length} of ${total} snippets accepted (${all.map((c) => `${c.count} ${c.name}`).join('; ')})`);
process.exit(failures.length ? 1 : 0);
