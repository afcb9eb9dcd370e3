/**
 * How to test an nginx snippet from the content with the real nginx: the snippet is a fragment (a
 * `location`, a few directives, a `server`), so it is wrapped in the contexts it could belong to, most
 * specific first, and each wrapping is a complete config for `nginx -t`. Pure: the runner is
 * scripts/check-snippets.ts.
 */
import { withoutEllipses } from './common';

/** Directives that only live in the http context (so a snippet holding one is a list of http-level blocks). */
const HTTP_LEVEL = new Set(['server', 'upstream', 'map', 'geo', 'split_clients', 'limit_req_zone', 'limit_conn_zone', 'proxy_cache_path', 'fastcgi_cache_path', 'log_format', 'js_import']);
const MAIN_LEVEL = new Set(['http', 'events', 'stream', 'load_module', 'worker_processes', 'user']);

/** A statement a snippet holds outside any block: its directive's name and its lines (with the comments above it). */
export interface TopStatement {
  name: string;
  text: string;
}

/** The statements a snippet holds outside any block, in order; trailing comments stay with the last one. */
export function topLevelStatements(code: string): TopStatement[] {
  const out: TopStatement[] = [];
  let depth = 0;
  let pending: string[] = [];
  let current: TopStatement | undefined;
  for (const line of code.split('\n')) {
    const tokens = line.replace(/#.*$/, '').match(/[{};]|[^\s{};]+/g) ?? [];
    if (!current && depth === 0 && tokens.length && !/[{};]/.test(tokens[0]!)) current = { name: tokens[0]!, text: '' };
    pending.push(line);
    for (const t of tokens) {
      if (t === '{') depth++;
      else if (t === '}') depth = Math.max(0, depth - 1);
    }
    const last = tokens[tokens.length - 1];
    if (current && depth === 0 && (last === ';' || last === '}')) {
      current.text = pending.join('\n');
      out.push(current);
      current = undefined;
      pending = [];
    }
  }
  const rest = pending.join('\n');
  if (current) out.push({ ...current, text: rest });
  else if (rest.trim() && out.length) out[out.length - 1]!.text += `\n${rest}`;
  return out;
}

/** The names of the directives a snippet holds outside any block. */
export const topLevelDirectives = (code: string): string[] => topLevelStatements(code).map((s) => s.name);

const indent = (code: string) => code.replace(/^/gm, '    ');
const http = (body: string) => `events {}\nhttp {\n${indent(body)}\n}\n`;
const server = (body: string) => http(`server {\n    listen 8080;\n${indent(body)}\n}`);

/**
 * Complete configs to try for a snippet, the most specific context first. A snippet may mix levels, as
 * "a `map` in the http context, and this `location` in the server": each statement goes where it can live.
 */
export function nginxCandidates(snippet: string): string[] {
  const code = withoutEllipses(snippet);
  const top = topLevelStatements(code);
  if (top.some((d) => MAIN_LEVEL.has(d.name))) return [top.some((d) => d.name === 'events') ? code : `events {}\n${code}\n`];
  const httpLevel = top.filter((d) => HTTP_LEVEL.has(d.name));
  if (httpLevel.length === top.length) return [http(code)];
  if (httpLevel.length) {
    const inServer = top.filter((d) => !HTTP_LEVEL.has(d.name)).map((d) => d.text).join('\n');
    return [http(`${httpLevel.map((d) => d.text).join('\n')}\nserver {\n    listen 8080;\n${indent(inServer)}\n}`)];
  }
  if (top.some((d) => d.name === 'location')) return [server(code)];
  return [server(`location / {\n${indent(code)}\n}`), server(code), http(code)];
}

/**
 * What `nginx -t` may say about a snippet that is still right: it names hosts, files and certificates of
 * the reader's own setup, which do not exist here. Anything else (an unknown directive, a directive in the
 * wrong place, a bad argument) is the snippet's fault.
 */
export const ENVIRONMENT_ONLY: RegExp[] = [
  /host not found in (?:upstream|resolver)/,
  /cannot load certificate/,
  /no "ssl_certificate" is defined/,
  /open\(\) "[^"]*" failed/,
  /could not build (?:the )?\w+_hash/,
  /mkdir\(\) "[^"]*" failed/,
  // A cache or limit zone defined in another snippet on the same page, or in the reader's own config.
  /zone "[^"]*" is unknown/,
];

/**
 * A directive the snippet itself marks, on its own line, as NGINX Plus only or as a third-party module's
 * (`# ngx_pagespeed module`), which the stock nginx here cannot know.
 */
export const notInStockNginx = (snippet: string, message: string): boolean => {
  const name = /unknown directive "([^"]+)"/.exec(message)?.[1];
  return !!name && snippet.split('\n').some((l) => l.includes(name) && /NGINX Plus|\bngx_\w+ module\b/.test(l));
};
