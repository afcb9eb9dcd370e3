/**
 * Synthetic content for the benchmark: the real content plus (n - 1) renamed
 * copies of every fix, example and checklist, wired into the flow through one
 * extra question per copy. Written under bench/generated/ (git-ignored).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { splitFrontmatter } from '../src/model/load-files';
import type { SearchDoc } from '../src/search/documents';

export function syntheticContent(n: number, out = `bench/generated/content-${n}x`): string {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync('content', out, { recursive: true });
  const fixIds = readdirSync('content/fixes').map((f) => /^id: (.+)$/m.exec(readFileSync(join('content/fixes', f), 'utf8'))![1]!);
  const startAnswers: { id: string; label: string; next: string }[] = [];
  for (let k = 2; k <= n; k++) {
    const sfx = `-copy${k}`;
    const rename = (text: string) =>
      text.replace(/^(id|fixId|ifNotFixed|fix): ([a-z0-9-]+)$/gm, (m, key: string, id: string) =>
        key === 'ifNotFixed' && id === 'escalate' ? m : `${key}: ${id}${sfx}`,
      ).replace(/^aliases: .*$/m, 'aliases: []').replace(/^(\s+fix): ([a-z0-9-]+)$/gm, `$1: $2${sfx}`);
    for (const dir of ['fixes', 'examples', 'checklists']) {
      for (const f of readdirSync(join('content', dir))) {
        writeFileSync(join(out, dir, f.replace(/\.mdx?$/, `${sfx}$&`)), rename(readFileSync(join('content', dir, f), 'utf8')));
      }
    }
    const answers = fixIds.map((id) => `  - id: ${id}\n    label: Copy ${k} of ${id}\n    next: ${id}${sfx}`).join('\n');
    writeFileSync(join(out, 'flow', `bench${sfx}.md`), `---\nid: bench${sfx}\nquestion: Synthetic question ${k}\nanswers:\n${answers}\n---\n`);
    startAnswers.push({ id: `bench${sfx}`, label: `Synthetic branch ${k}`, next: `bench${sfx}` });
  }
  // Through the YAML parser, not text edits: the real file's list style (indented or not) must not matter.
  const start = join(out, 'flow', 'start.md');
  const { data, body } = splitFrontmatter(readFileSync(start, 'utf8')) as { data: { answers: unknown[] }; body: string };
  data.answers.unshift(...startAnswers);
  writeFileSync(start, `---\n${yaml.dump(data, { lineWidth: -1 })}---\n${body}`);
  return out;
}

/** n times the search documents, with perturbed wording so copies do not tie exactly. */
export function syntheticDocs(docs: SearchDoc[], n: number): SearchDoc[] {
  const out = [...docs];
  for (let k = 2; k <= n; k++)
    for (const d of docs)
      out.push({ ...d, url: `${d.url}copy${k}/`, title: `${d.title} (variant ${k})`, words: d.words.map((w) => `${w} v${k}`) });
  return out;
}
