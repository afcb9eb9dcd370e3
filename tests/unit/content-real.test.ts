/**
 * The real content, checked without a build: fast feedback for authors, and
 * the guard that code naming fix ids (the diagnose findings) follows renames.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles, loadContentDir } from '../../src/model/load-files';
import { checkIdsLock, checkIntegrity, parseIdsLock, unlockedIds } from '../../src/model/integrity';
import { validateFlow } from '../../src/flow/validate';
import { flowInputOf } from '../../src/model/flow-input';
import { FINDING_CATALOG, FIX_IDS } from '../../src/diagnose';
import { protocolTextForVisitors } from '../../src/model/visitor-text';
import { barePlaceholderLines } from '../../src/model/shell-text';
import { httpSnippetProblems } from '../../src/model/http-text';
import { emptyTableHeaders } from '../../src/model/table-text';
import { rawHtmlProblems } from '../../src/model/raw-html';
import { checkAnchorAliases, checkAnchorsLock, liveAnchors, parseAnchorsLock } from '../../src/model/anchors';
import { fencedBlocks, fencedLanguages, UNHIGHLIGHTED } from '../../src/markdown/code-blocks';
import yaml from 'js-yaml';
import { SaxesParser } from 'saxes';
import { parse as parseToml } from 'smol-toml';
import ts from 'typescript';

const { content, problems, bodies } = loadContentDir('content');
const fixIds = new Set(content.fixes.map((f) => f.data.id));
const locked = parseIdsLock(readFileSync('content/ids.lock', 'utf8'));
/** Every fenced block of the content, with its file (relative to content/); read once for the snippet checks. */
let blocks: (ReturnType<typeof fencedBlocks>[number] & { f: string })[] | undefined;
const contentBlocks = () => (blocks ??= contentFiles('content').flatMap((f) => fencedBlocks(readFileSync(join('content', f), 'utf8')).map((b) => ({ ...b, f }))));

describe('the content in content/', () => {
  it('matches its schemas and passes every cross-file and flow check', () => {
    expect(problems).toEqual([]);
    expect(checkIntegrity(content)).toEqual([]);
    expect(
      validateFlow(flowInputOf(content)),
    ).toEqual([]);
  });

  it('names every table column, so screen readers can announce it (axe: empty-table-header)', () => {
    expect([...bodies].flatMap(([file, body]) => emptyTableHeaders(body).map((p) => `${file}: ${p}`))).toEqual([]);
  });

  it('holds no raw HTML in any page body or frontmatter field rendered as Markdown (content is Markdown only)', () => {
    const entries = Object.values(content).flat() as { file: string; data: unknown }[];
    expect(entries.flatMap(({ file, data }) => rawHtmlProblems(file, data, bodies.get(file) ?? ''))).toEqual([]);
  });

  it('keeps HTTP messages on visitor pages under "For the technically curious"', () => {
    expect(content.fixes.flatMap((f) => protocolTextForVisitors(f.file, f.data.audience, bodies.get(f.file) ?? ''))).toEqual([]);
  });

  it('has every published id in ids.lock (run npm run ids), and every locked id still resolves', () => {
    expect(unlockedIds(content, locked)).toEqual([]);
    expect(checkIdsLock(content, locked)).toEqual([]);
  });

  it('keeps every published heading anchor working (anchors.lock; a reworded heading needs anchorAliases)', () => {
    const lockedAnchors = parseAnchorsLock(readFileSync('content/anchors.lock', 'utf8'));
    const live = liveAnchors(content, bodies);
    expect(lockedAnchors.length).toBeGreaterThan(900);
    expect(checkAnchorsLock(live, lockedAnchors)).toEqual([]);
    expect(checkAnchorAliases(content, bodies)).toEqual([]);
    const lockedSet = new Set(lockedAnchors);
    expect([...live].filter((a) => !lockedSet.has(a)), 'new anchors: run npm run ids').toEqual([]);
  });

  it('covers every audience checklist the product promises', () => {
    expect(content.checklists.map((c) => c.data.id).sort()).toEqual(['api', 'cloud', 'cms', 'escalate', 'owner', 'prevent', 'test', 'visitor']);
    expect(content.examples.length).toBeGreaterThanOrEqual(15);
    for (const id of ['bad-cache', 'stripped-header', 'expired-jwt', 'wrong-domain', 'plugin-block'])
      expect(content.examples.map((e) => e.data.id)).toContain(id);
  });

  it('every fix the diagnose findings link to exists', () => {
    for (const id of FIX_IDS) expect(fixIds, id).toContain(id);
    for (const [finding, entry] of Object.entries(FINDING_CATALOG) as [string, { fixId?: string }][])
      if (entry.fixId) expect(fixIds, finding).toContain(entry.fixId);
  });

  it('writes every code block in a language the highlighter knows', () => {
    // Astro only warns, and prints the block unhighlighted, for a language Prism cannot load.
    const require = createRequire(import.meta.url);
    const prism = require('prismjs') as { languages: Record<string, unknown> };
    const load = require('prismjs/components/index.js') as ((languages: string[]) => void) & { silent: boolean };
    load.silent = true;
    const known = (lang: string) => {
      if (UNHIGHLIGHTED.has(lang)) return true;
      if (!prism.languages[lang]) load([lang]);
      return Boolean(prism.languages[lang]);
    };
    const files = contentFiles('content');
    expect(files.length).toBeGreaterThan(100);
    const unknown = files.flatMap((f) =>
      fencedLanguages(readFileSync(join('content', f), 'utf8'))
        .filter(({ lang }) => !known(lang))
        .map(({ line, lang }) => `content/${f}:${line}: \`\`\`${lang}`),
    );
    expect(unknown).toEqual([]);
  });

  it('has shell blocks a reader can paste: placeholders quoted, never a bare <word> the shell reads as a redirect', () => {
    const shell = contentBlocks().filter((b) => ['bash', 'sh', 'shell', 'zsh'].includes(b.lang));
    expect(shell.length).toBeGreaterThan(300);
    expect(shell.flatMap((b) => barePlaceholderLines(b.code).map((l) => `content/${b.f}:${b.line} ${l}`))).toEqual([]);
    // And bash reads each one (an unclosed quote, a stray `fi`): `bash -n` parses without running anything.
    // All blocks at once, each as a function body (one process, not 360); on an error, one by one to name it.
    const bashReads = (code: string) => {
      try {
        execFileSync('bash', ['-n'], { input: code, stdio: ['pipe', 'ignore', 'pipe'] });
        return undefined;
      } catch (e) {
        return String((e as { stderr?: Buffer }).stderr).trim().split('\n')[0] ?? 'bash -n failed';
      }
    };
    const all = shell.map((b, i) => `snippet_${i}() {\n${b.code}\n:\n}`).join('\n');
    const unreadable = bashReads(all) === undefined ? [] : shell.flatMap((b) => {
      const error = bashReads(b.code);
      return error === undefined ? [] : [`content/${b.f}:${b.line}: ${error}`];
    });
    expect(unreadable).toEqual([]);
  });

  it('has HTTP blocks a server could send: a start line, Name: value fields, challenges and cookies as RFCs and browsers read them', () => {
    const http = contentBlocks().filter((b) => b.lang === 'http');
    expect(http.length).toBeGreaterThan(30);
    expect(http.flatMap((b) => httpSnippetProblems(b.code).map((p) => `content/${b.f}:${b.line} ${p}`))).toEqual([]);
  });

  it('has YAML, JSON, JavaScript, TypeScript, XML and TOML blocks that parse (a JSON block may be the members of an object, as in a manifest; an XML block, sibling elements)', () => {
    const SCRIPT_LANGS = new Set(['js', 'jsx', 'ts', 'tsx', 'javascript', 'typescript']);
    const parses = (lang: string, code: string) => {
      try {
        if (lang === 'yaml') yaml.loadAll(code);
        else if (SCRIPT_LANGS.has(lang)) {
          const file = ts.createSourceFile(`snippet.${lang.startsWith('t') ? 'tsx' : 'jsx'}`, code, ts.ScriptTarget.Latest, false);
          // Syntax only: a snippet names the reader's own functions and types, which no checker could resolve.
          if ((file as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length) return false;
        }
        else if (lang === 'json') {
          try {
            JSON.parse(code);
          } catch {
            JSON.parse(`{${code}}`);
          }
        }
        // Well-formed XML 1.0, as a config file's excerpt: several sibling elements are wrapped in one root.
        // saxes, not a lenient parser: a `<placeholder>` inside an attribute value is an error a paste would hit.
        else if (lang === 'xml') {
          const parser = new SaxesParser({ xmlns: false });
          let wellFormed = true;
          parser.on('error', () => (wellFormed = false));
          parser.write(`<snippet>${code}</snippet>`).close();
          return wellFormed;
        }
        else if (lang === 'toml') parseToml(code);
        return true;
      } catch {
        return false;
      }
    };
    const checked = contentBlocks();
    expect(checked.filter((b) => b.lang === 'yaml').length).toBeGreaterThan(30);
    expect(checked.filter((b) => !parses(b.lang, b.code)).map((b) => `content/${b.f}:${b.line}: \`\`\`${b.lang}`)).toEqual([]);
    // The check itself: a YAML plain value holding ": " is what broke the README's example.
    expect(parses('yaml', 'summary: One: two')).toBe(false);
    expect(parses('json', '"a": 2')).toBe(true);
    expect(parses('json', '"a": 2,,')).toBe(false);
    expect(parses('ts', 'const a: number = 1;')).toBe(true);
    expect(parses('ts', 'f(a),\n{\n  provide: X,\n  useValue: [1],\n},')).toBe(false);
    expect(checked.filter((b) => SCRIPT_LANGS.has(b.lang)).length).toBeGreaterThan(80);
    expect(parses('xml', '<a x="1" />\n<!-- note -->\n<b><c/></b>')).toBe(true);
    // A placeholder in angle brackets inside an attribute, and an element left open, are what a paste breaks on.
    expect(parses('xml', '<machineKey validationKey="<hex>" />')).toBe(false);
    expect(parses('xml', '<a>\n  <b>x</b>')).toBe(false);
    expect(parses('toml', '[[servers]]\nhost = "dc"\nbind_password = """…"""')).toBe(true);
    expect(parses('toml', 'host = dc.example.com')).toBe(false);
    expect(checked.filter((b) => b.lang === 'xml').length).toBeGreaterThan(10);
  });
});
