/**
 * How to test an Apache httpd snippet from the content with the real httpd (`apache2 -t`): most snippets
 * are `.htaccess` lines or a `<Directory>`, some a whole `<VirtualHost>`. Each is tried in the contexts it
 * could belong to, `.htaccess`-like first; a directive in a context it is not allowed in (`CGIPassAuth`
 * in a virtual host) fails all of them. Pure: the runner is scripts/check-snippets.ts.
 */
import { withoutEllipses } from './common';

/** The modules a snippet may use, loaded when the system has them (Debian's names). */
export const APACHE_MODULES = [
  'mpm_event', 'authz_core', 'authz_host', 'authz_user', 'authz_groupfile', 'authn_core', 'authn_file', 'auth_basic',
  'auth_digest', 'access_compat', 'alias', 'dir', 'mime', 'rewrite', 'headers', 'setenvif', 'env', 'proxy',
  'proxy_http', 'proxy_fcgi', 'proxy_wstunnel', 'remoteip', 'socache_shmcb', 'ssl', 'filter', 'deflate', 'expires',
  'ldap', 'authnz_ldap', 'cgid', 'session', 'session_cookie', 'request', 'auth_form', 'allowmethods', 'http2',
];

export interface ApacheBase {
  /** A writable directory for the pid file, the log and the mutexes. */
  dir: string;
  /** Module name -> path of its shared object, for the modules this system has. */
  modules: [name: string, path: string][];
}

function head({ dir, modules }: ApacheBase): string {
  return [
    `ServerRoot "${dir}"`,
    `PidFile "${dir}/httpd.pid"`,
    `ErrorLog "${dir}/error.log"`,
    `Mutex file:${dir} default`,
    'Listen 8080',
    'ServerName localhost',
    ...modules.map(([name, path]) => `LoadModule ${name}_module "${path}"`),
    '',
  ].join('\n');
}

/** Complete configs to try for a snippet: as `.htaccess` (inside a `<Directory>`), in a virtual host, at the top. */
export function apacheCandidates(snippet: string, base: ApacheBase): string[] {
  const code = withoutEllipses(snippet);
  const top = head(base);
  if (/^\s*<VirtualHost\b/im.test(code)) return [top + code];
  return [
    `${top}<Directory "/var/www/html">\n    AllowOverride All\n${code}\n</Directory>\n`,
    `${top}<VirtualHost *:8080>\n${code}\n</VirtualHost>\n`,
    top + code,
  ];
}

/**
 * What `apache2 -t` may say about a snippet that is still right: the reader's own certificate files and
 * directories, which do not exist here. Anything else is the snippet's fault.
 */
export const APACHE_ENVIRONMENT_ONLY: RegExp[] = [
  /SSLCertificate(?:Key|Chain)?File: file '[^']*' does not exist or is empty/,
  /SSLCACertificate(?:File|Path): file '[^']*' does not exist or is empty/,
  /SSLCACertificate(?:File|Path): directory '[^']*' does not exist/,
  /Could not open (?:configuration|password) file/,
  /RemoteIPTrustedProxyList: Could not open file/,
  // Third-party modules the page names (mod_wsgi, ModSecurity, the Shibboleth SP's mod_shib), not part of httpd.
  /Invalid command '(?:WSGI|Sec|Shib)\w*', perhaps misspelled or defined by a module not included/,
  /Unknown Authz provider: shib-(?:session|attr|user|plugin)\b/,
];
