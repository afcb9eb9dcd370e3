/**
 * A minimal static server for a second build (dist-base/, built under a
 * sub-path): `astro preview` allows one server per project at a time.
 * Serves DIR at BASE on PORT, with the site's 404 page for unknown paths.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';

const [dir = 'dist-base', base = '/', port = '4401'] = process.argv.slice(2);
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

/** The `/*` block of the build's _headers file, so tests run under the same headers a static host sends. */
function siteHeaders(): Record<string, string> {
  const file = join(dir, '_headers');
  if (!existsSync(file)) return {};
  const headers: Record<string, string> = {};
  let inAll = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (/^\S/.test(line) && !line.startsWith('#')) inAll = line.trim() === '/*';
    else if (inAll && /^\s+[\w-]+:/.test(line)) {
      const [name, ...value] = line.trim().split(':');
      headers[name!] = value.join(':').trim();
    }
  }
  return headers;
}
const HEADERS = siteHeaders();

createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === base.replace(/\/$/, '')) {
    res.writeHead(301, { Location: base }).end();
    return;
  }
  const file = fileFor(url.pathname);
  const path = file ?? join(dir, '404.html');
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  // Compress text as every static host and CDN does, so the bench's Lighthouse sees real transfer sizes.
  const gzip = type !== 'application/octet-stream' && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(file ? 200 : 404, { ...HEADERS, 'Content-Type': type, Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
  if (req.method === 'HEAD') res.end();
  else if (gzip) createReadStream(path).pipe(createGzip()).pipe(res);
  else createReadStream(path).pipe(res);
}).listen(Number(port), '127.0.0.1', () => console.log(`serving ${dir} at http://127.0.0.1:${port}${base}`));
