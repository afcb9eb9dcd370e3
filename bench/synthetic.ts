/**
 * Synthetic content for the benchmark: the real content plus (n - 1) renamed
 * copies of every fix, example and checklist, wired into the flow the way the
 * validator requires of real content: one extra answer at the start, questions
 * of at most MAX_ANSWERS answers, every copied fix within MAX_ANSWERS_TO_A_FIX
 * answers (in shortlists of at most five) and reachable by plain links (each copy's
 * fixes chained by ifNotFixed). Written under bench/generated/ (git-ignored).
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { loadContentDir, splitFrontmatter } from '../src/model/load-files';
import type { SearchDoc } from '../src/search/documents';
import { MAX_ANSWERS } from '../src/flow/validate';

const SHORTLIST = 5;

/** At most `max` per group, sizes as even as can be: no question is left with a single answer. */
const balanced = <T>(list: T[], max: number): T[][] => {
  const groups = Math.ceil(list.length / max);
  return Array.from({ length: groups }, (_, i) => list.slice(Math.floor((i * list.length) / groups), Math.floor(((i + 1) * list.length) / groups)));
};

export function syntheticContent(n: number, out = `bench/generated/content-${n}x`): string {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  cpSync('content', out, { recursive: true });
  const fixFiles = readdirSync('content/fixes');
  const fixIds = fixFiles.map((f) => /^id: (.+)$/m.exec(readFileSync(join('content/fixes', f), 'utf8'))![1]!);
  const leaves: string[][] = [];
  for (let k = 2; k <= n; k++) {
    const sfx = `-copy${k}`;
    const rename = (text: string) =>
      text.replace(/^(id|fixId|ifNotFixed|fix): ([a-z0-9-]+)$/gm, (m, key: string, id: string) =>
        key === 'ifNotFixed' && id === 'escalate' ? m : `${key}: ${id}${sfx}`,
      ).replace(/^aliases: .*$/m, 'aliases: []').replace(/^(\s+fix): ([a-z0-9-]+)$/gm, `$1: $2${sfx}`);
    for (const dir of ['examples', 'checklists'])
      for (const f of readdirSync(join('content', dir)))
        writeFileSync(join(out, dir, f.replace(/\.mdx?$/, `${sfx}$&`)), rename(readFileSync(join('content', dir, f), 'utf8')));
    // The copy's fixes in one "No" chain, so a plain link reaches every one from the first of its shortlist.
    fixFiles.forEach((f, i) => {
      const next = i + 1 < fixIds.length ? `${fixIds[i + 1]}${sfx}` : 'escalate';
      const text = rename(readFileSync(join('content/fixes', f), 'utf8')).replace(/^ifNotFixed: .+$/m, `ifNotFixed: ${next}`);
      writeFileSync(join(out, 'fixes', f.replace(/\.mdx?$/, `${sfx}$&`)), text);
    });
    leaves.push(...balanced(fixIds.map((id) => `${id}${sfx}`), SHORTLIST));
  }
  // Questions bottom up, at most MAX_ANSWERS answers each, until one question holds them all.
  type Answer = { id: string; label: string; next: string | string[] };
  let level: Answer[] = leaves.map((ids, i) => ({ id: `fixes-${i + 1}`, label: `Synthetic fixes ${i + 1}`, next: ids.length === 1 ? ids[0]! : ids }));
  let depth = 0;
  while (level.length > 1 || depth === 0) {
    depth++;
    level = balanced(level, MAX_ANSWERS).map((answers, i) => {
      const id = `bench-${depth}-${i + 1}`;
      writeFileSync(join(out, 'flow', `${id}.md`), `---\n${yaml.dump({ id, question: `Synthetic question ${id}`, answers }, { lineWidth: -1 })}---\n`);
      return { id, label: `Synthetic branch ${id}`, next: id };
    });
  }
  // Through the YAML parser, not text edits: the real file's list style (indented or not) must not matter.
  const start = join(out, 'flow', 'start.md');
  const { data, body } = splitFrontmatter(readFileSync(start, 'utf8')) as { data: { answers: Answer[] }; body: string };
  if (n > 1) {
    // A full start question gives up an answer whose question another answer also leads to (the
    // developer-tools shortcut, also offered behind "calling an API"): nothing becomes unreachable.
    if (data.answers.length >= MAX_ANSWERS) {
      const elsewhere = new Set(
        loadContentDir(out)
          .content.flow.filter((e) => e.data.id !== 'start')
          .flatMap((e) => e.data.answers.map((a) => a.next))
          .filter((next): next is string => typeof next === 'string'),
      );
      const spare = data.answers.findLastIndex((a) => typeof a.next === 'string' && elsewhere.has(a.next));
      if (spare < 0) throw new Error('start is full and every answer is its only way in: the benchmark has nowhere to attach its copies');
      data.answers.splice(spare, 1);
    }
    data.answers.unshift({ ...level[0]!, id: 'bench' });
  }
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
