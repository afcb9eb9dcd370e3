import { describe, expect, it } from 'vitest';
import { protocolTextForVisitors } from '../../src/model/visitor-text';

const page = (above: string, curious = '') => `Intro.\n\n${above}\n\n## Check that it worked\n\nDone.\n${curious ? `\n## For the technically curious\n\n${curious}\n` : ''}`;

describe('protocol text on visitor pages', () => {
  it('finds status lines, request lines, auth and cookie headers and curl -v above the curious heading', () => {
    const found = protocolTextForVisitors('content/fixes/v.md', 'visitor', page(['```http', 'HTTP/1.1 401 Unauthorized', 'WWW-Authenticate: Basic realm="x"', 'GET /account HTTP/1.1', '- Set-Cookie: sid=1', '```', 'Run `curl -sv https://example.com`.'].join('\n')));
    expect(found.map((f) => f.replace(/: protocol text.*$/, ''))).toEqual([
      'content/fixes/v.md: line 4',
      'content/fixes/v.md: line 5',
      'content/fixes/v.md: line 6',
      'content/fixes/v.md: line 7',
      'content/fixes/v.md: line 9',
    ]);
    expect(found[0]).toMatch(/outside "For the technically curious": HTTP\/1\.1 401 Unauthorized$/);
  });

  it('allows the same text under the curious heading, on pages for other audiences, and plain commands anywhere', () => {
    const protocol = 'HTTP/2 401\nwww-authenticate: Bearer';
    expect(protocolTextForVisitors('v.md', 'visitor', page('Open Settings.', protocol))).toEqual([]);
    expect(protocolTextForVisitors('o.md', 'owner', page(protocol))).toEqual([]);
    expect(protocolTextForVisitors('v.md', 'visitor', page('```bash\nsudo timedatectl set-ntp true\ncurl -sS -o /dev/null https://example.com\n```\nThe status says 401 Unauthorized; cookies are blocked.'))).toEqual([]);
  });
});
