import { describe, expect, it } from 'vitest';
import { forgiven as forgives } from '../../scripts/snippets/common';
import { APACHE_ENVIRONMENT_ONLY, apacheCandidates } from '../../scripts/snippets/apache';

const base = { dir: '/tmp/x', modules: [['rewrite', '/m/mod_rewrite.so']] as [string, string][] };

describe('wrapping an Apache snippet for apache2 -t', () => {
  it('tries .htaccess-like first, then a virtual host, then the top level', () => {
    const [dir, vhost, top] = apacheCandidates('CGIPassAuth On\n...', base);
    expect(dir).toContain('LoadModule rewrite_module "/m/mod_rewrite.so"');
    expect(dir).toMatch(/<Directory "\/var\/www\/html">\n {4}AllowOverride All\nCGIPassAuth On\n<\/Directory>\n$/);
    expect(vhost).toMatch(/<VirtualHost \*:8080>\nCGIPassAuth On\n<\/VirtualHost>\n$/);
    expect(top).toMatch(/ServerName localhost\n[\s\S]*\nCGIPassAuth On$/);
  });

  it('leaves a whole virtual host at the top level, where it must live', () => {
    const candidates = apacheCandidates('<VirtualHost *:443>\n    ServerName a\n</VirtualHost>', base);
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toMatch(/\n<VirtualHost \*:443>\n {4}ServerName a\n<\/VirtualHost>$/);
  });

  it('forgives only the reader\'s own files and third-party modules', () => {
    const forgiven = (m: string) => forgives(APACHE_ENVIRONMENT_ONLY, m);
    expect(forgiven("SSLCertificateFile: file '/etc/ssl/a.pem' does not exist or is empty")).toBe(true);
    expect(forgiven("Invalid command 'WSGIPassAuthorization', perhaps misspelled or defined by a module not included in the server configuration")).toBe(true);
    expect(forgiven("Invalid command 'ShibUseHeaders', perhaps misspelled or defined by a module not included in the server configuration")).toBe(true);
    expect(forgiven('Unknown Authz provider: shib-session')).toBe(true);
    expect(forgiven('Unknown Authz provider: valid-usr')).toBe(false);
    expect(forgiven("Invalid command 'RequestHeaderr', perhaps misspelled or defined by a module not included in the server configuration")).toBe(false);
    expect(forgiven('CGIPassAuth not allowed in <VirtualHost> context')).toBe(false);
  });
});
