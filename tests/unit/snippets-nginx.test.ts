import { describe, expect, it } from 'vitest';
import { forgiven as forgives, withoutEllipses } from '../../scripts/snippets/common';
import { ENVIRONMENT_ONLY, nginxCandidates, notInStockNginx, topLevelStatements } from '../../scripts/snippets/nginx';

describe('wrapping an nginx snippet for nginx -t', () => {
  it('splits the top level into statements, comments going with the statement below them', () => {
    const code = ['# http context', 'map $http_upgrade $c {', '    default upgrade;', '}', '', '# in the server block', 'location /ws {', '    proxy_pass http://app; # inline', '}', 'client_max_body_size 10m;'].join('\n');
    expect(topLevelStatements(code).map((s) => [s.name, s.text.split('\n').length])).toEqual([
      ['map', 4],
      ['location', 5],
      ['client_max_body_size', 1],
    ]);
    expect(topLevelStatements('location / {\n  if ($x) { return 401; }\n}').map((s) => s.name)).toEqual(['location']);
  });

  it('puts each statement where it can live: directives in a location, locations in a server, blocks in http', () => {
    const [inLocation, inServer, inHttp] = nginxCandidates('auth_basic off;');
    expect(inLocation).toMatch(/^events \{\}\nhttp \{\n {4}server \{\n {8}listen 8080;\n {8}location \/ \{\n {12}auth_basic off;/);
    expect(inServer).toMatch(/server \{\n {8}listen 8080;\n {8}auth_basic off;/);
    expect(inHttp).toBe('events {}\nhttp {\n    auth_basic off;\n}\n');
    expect(nginxCandidates('location /a {\n}')).toHaveLength(1);
    expect(nginxCandidates('server {\n    listen 80;\n}')).toEqual(['events {}\nhttp {\n    server {\n        listen 80;\n    }\n}\n']);
    // A map for the http level and a location for the server, in one snippet.
    const [mixed] = nginxCandidates('map $a $b {\n    default 1;\n}\nlocation / {\n    return 204;\n}');
    expect(mixed).toMatch(/^events \{\}\nhttp \{\n {4}map \$a \$b \{[\s\S]*\n {4}server \{\n {8}listen 8080;\n {8}location \/ \{/);
    expect(nginxCandidates('http {\n}')).toEqual(['events {}\nhttp {\n}\n']);
  });

  it('drops lines that stand for omitted config', () => {
    expect(withoutEllipses('a;\n...\n    # …\nb;')).toBe('a;\nb;');
  });

  it('forgives only what belongs to the reader\'s own setup', () => {
    const forgiven = (m: string) => forgives(ENVIRONMENT_ONLY, m);
    expect(forgiven('host not found in upstream "app:8080"')).toBe(true);
    expect(forgiven('open() "/etc/nginx/.htpasswd" failed (2: No such file or directory)')).toBe(true);
    expect(forgiven('unknown directive "proxy_set_headr"')).toBe(false);
    expect(forgiven('"location" directive is not allowed here')).toBe(false);
    expect(forgiven('invalid number of arguments in "auth_basic" directive')).toBe(false);
    expect(notInStockNginx('upstream a {\n    ntlm;   # NGINX Plus only\n}', 'unknown directive "ntlm"')).toBe(true);
    expect(notInStockNginx('upstream a {\n    ntlm;\n}', 'unknown directive "ntlm"')).toBe(false);
    expect(notInStockNginx('pagespeed Disallow "*/admin/*";   # ngx_pagespeed module', 'unknown directive "pagespeed"')).toBe(true);
    // The mark must sit on the directive's own line.
    expect(notInStockNginx('# needs the ngx_headers_more module\nmore_clear_headers Server;', 'unknown directive "more_clear_headers"')).toBe(false);
  });
});
