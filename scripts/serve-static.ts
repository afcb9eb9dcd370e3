/**
 * A minimal static server for the builds under test, as a static host serves them: DIR at BASE on
 * PORT, with the build's _headers and its 404 page for unknown paths.
 * `--also URL=FILE` serves one more file outside the build (the browser tests serve axe-core this way,
 * so the browser caches it and its compiled code instead of compiling 0.5 MB again on every page).
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const args = process.argv.slice(2);
const also = new Map(
  args.flatMap((a, i) => (args[i - 1] === '--also' ? [a.split('=') as [string, string]] : [])),
);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [dir = 'dist-base', base = '/', port = '4401'] = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--also');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
};

function fileFor(pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rel = normalize(decodeURIComponent(pathname.slice(base.length))).replace(/^(?:\.\.[/\\])+/, '');
  const path = join(dir, rel);
  if (existsSync(path) && statSync(path).isFile()) return path;
  if (existsSync(join(path, 'index.html'))) return join(path, 'index.html');
  return undefined;
}

/**
 * The build's _headers file as [path pattern, headers] blocks, so tests run under the headers a static
 * host sends. A pattern is a path, or a prefix ending in `*`.
 */
function headerBlocks(): [string, Record<string, string>][] {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return [];
  const blocks: [string, Record<string, string>][] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) blocks.push([line.trim(), {}]);
    else if (blocks.length && /^\s+[\w-]+:/.test(line)) {
      const [name, ...value] = line.trim().split(':');
      blocks.at(-1)![1][name!] = value.join(':').trim();
    }
  }
  return blocks;
}
// --plain drops the site-wide policy (`/*`) but keeps the rest, such as the year-long cache of hashed
// assets: without it every page load of the browser suite fetched the same scripts and styles again.
const BLOCKS = headerBlocks().filter(([pattern]) => !(flags.has('--plain') && pattern === '/*'));
const matches = (pattern: string, path: string) => (pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern);
/** The headers for one path, relative to BASE, as a static host merges the blocks that match it. */
const headersFor = (rel: string) => Object.assign({}, ...BLOCKS.filter(([pattern]) => matches(pattern, rel)).map(([, h]) => h)) as Record<string, string>;

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === base.replace(/\/$/, '')) {
    res.writeHead(301, { Location: base }).end();
    return;
  }
  const extra = also.get(url.pathname);
  if (extra) {
    res.writeHead(200, { 'Content-Type': TYPES[extname(extra)] ?? 'application/octet-stream', 'Cache-Control': 'max-age=3600' });
    createReadStream(extra).pipe(res);
    return;
  }
  const file = fileFor(url.pathname);
  const path = file ?? join(dir, '404.html');
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  // Compress text as every static host and CDN does, so the bench's Lighthouse sees real transfer sizes.
  const gzip = !flags.has('--plain') && type !== 'application/octet-stream' && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(file ? 200 : 404, { ...headersFor(`/${url.pathname.slice(base.length)}`), 'Content-Type': type, Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
  if (req.method === 'HEAD') res.end();
  else if (gzip) createReadStream(path).pipe(createGzip()).pipe(res);
  else createReadStream(path).pipe(res);
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`));
