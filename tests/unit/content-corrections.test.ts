/**
 * The corrections of the knowledge issue (checked against the official documentation) stay corrected:
 * each was once wrong in the content, and each is a sentence or snippet someone could write back.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../../src/model/load-files';

const files = contentFiles('content').map((file) => ({ file, text: readFileSync(`content/${file}`, 'utf8') }));
const page = (id: string) => files.find((f) => f.file === `fixes/${id}.md`)!.text;
/** Every line of every fenced code block, with the file it is in. */
const codeBlocks = files.flatMap(({ file, text }) => [...text.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)].map((m) => ({ file, lines: m[1]!.split('\n') })));

describe('the corrections stay corrected', () => {
  it('SetEnvIf copies Authorization only when one was sent: "(.+)", never "(.*)"', () => {
    const wrong = files.filter(({ text }) => /SetEnvIf\s+Authorization\s+\\?"\(\.\*\)/.test(text)).map((f) => f.file);
    expect(wrong).toEqual([]);
    expect(files.filter(({ text }) => text.includes('SetEnvIf Authorization "(.+)"')).length).toBeGreaterThan(2);
  });

  it('CGIPassAuth sits in a <Directory> block or .htaccess, never directly in a <VirtualHost>', () => {
    const wrong: string[] = [];
    let seen = 0;
    for (const { file, lines } of codeBlocks) {
      const open: string[] = [];
      for (const line of lines) {
        const tag = /^\s*<(\/?)(\w+)/.exec(line);
        if (tag) {
          if (tag[1]) open.pop();
          else open.push(tag[2]!);
        }
        if (/^\s*CGIPassAuth\b/.test(line)) {
          seen++;
          if (open.at(-1) === 'VirtualHost') wrong.push(`${file}: ${line.trim()}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(seen).toBeGreaterThan(2);
  });

  it("Debian and Ubuntu's NTP unit is chrony: chronyd is named only for RHEL and its kin", () => {
    const rhel = /RHEL|Fedora|Rocky|Alma|CentOS/;
    const prose = files.flatMap(({ file, text }) =>
      text.split('\n').filter((l) => /Debian|Ubuntu/.test(l) && /\bchronyd\b/.test(l) && !rhel.test(l)).map((l) => `${file}: ${l.trim()}`),
    );
    // In a snippet, a chronyd command follows a comment that names the distribution it is for.
    const code = codeBlocks.flatMap(({ file, lines }) =>
      lines.flatMap((l, i) => {
        if (!/systemctl .*\bchronyd\b/.test(l)) return [];
        const comment = lines.slice(0, i).reverse().find((c) => /^\s*#/.test(c)) ?? '';
        return rhel.test(comment) ? [] : [`${file}: ${l.trim()}`];
      }),
    );
    expect([...prose, ...code]).toEqual([]);
    expect(page('clock-skew-server')).toMatch(/systemctl enable --now chrony\b/);
  });

  it('nginx answers 403, not 500, when the password file is missing', () => {
    expect(page('htpasswd-basic-auth')).toMatch(/No such file or directory[^\n]*nginx answers 403, not 500/);
  });

  it("CloudFront's CachingDisabled comes with an origin request policy wherever a step names it", () => {
    const steps = files.flatMap(({ file, text }) =>
      text.split('\n').filter((l) => /^\s+- /.test(l) && l.includes('CachingDisabled') && !/origin request policy/.test(l)).map((l) => `${file}: ${l.trim()}`),
    );
    expect(steps).toEqual([]);
  });

  it("Wordfence's switch that disables Application Passwords is said to be on by default", () => {
    expect(page('wordpress-application-passwords')).toMatch(/Disable WordPress application passwords[^\n]*on by default/);
  });

  it('the redirect fix says some clients drop Authorization on any redirect, and requests keeps it from http to https', () => {
    const text = page('redirect-drops-credentials');
    expect(text).toMatch(/\| \.NET `HttpClient`[^\n]*\| \*\*dropped\*\* \| \*\*dropped\*\* \| \*\*dropped\*\* \|/);
    expect(text).toMatch(/\| Python requests \| kept \| kept/);
  });
});
