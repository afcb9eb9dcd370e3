/**
 * Prints the security headers for a host, from the same list the build writes
 * into dist/_headers (src/lib/security-headers.ts), with this shell's
 * EMBED_ORIGINS / OUTCOME_ENDPOINT applied:
 *
 *   EMBED_ORIGINS="https://help.example" npx tsx scripts/headers.ts nginx
 *   npx tsx scripts/headers.ts _headers
 */
import { ASSET_HEADERS, headersFile, nginxAddHeaders, readSettings, securityHeaders } from '../src/lib/security-headers';

const settings = readSettings();
const format = process.argv[2] ?? 'nginx';
if (format === '_headers') process.stdout.write(headersFile(settings));
else if (format === 'nginx') {
  const all = securityHeaders(settings);
  console.log(['# server { ... }', ...nginxAddHeaders(all), '', '    location /_astro/ {', ...nginxAddHeaders([...ASSET_HEADERS, ...all], '        '), '    }'].join('\n'));
} else {
  console.error('usage: tsx scripts/headers.ts [nginx|_headers]');
  process.exit(2);
}
