/**
 * Reads content/ straight from disk with the same schemas Astro uses, for the
 * unit tests and scripts (npm run ids) that run outside an Astro build.
 * Node-only. Like the collections' glob (every .md/.mdx at any depth), it reads each folder
 * recursively: a fix in a subfolder is seen here exactly as the build sees it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import yaml from 'js-yaml';
import type { z } from 'astro/zod';
import { checklistSchema, exampleSchema, explainerSchema, fixSchema, flowNodeSchema } from './schemas';
import type { ContentSet, Entry } from './integrity';

export function splitFrontmatter(source: string): { data: unknown; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!m) return { data: {}, body: source };
  return { data: yaml.load(m[1]!), body: m[2]! };
}

/** "file: field: message" for every schema issue, the same shape the build reports. */
export function schemaProblems(file: string, schema: z.ZodType, data: unknown): string[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((i) => `${file}: ${i.path.length ? i.path.join('.') : '(frontmatter)'}: ${i.message}`);
}

const schemas = {
  flow: flowNodeSchema,
  fixes: fixSchema,
  checklists: checklistSchema,
  examples: exampleSchema,
  explainers: explainerSchema,
} as const;

/** Every .md/.mdx file under `dir`, recursively, as sorted paths relative to it ([] if `dir` does not exist). */
export function contentFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.mdx?$/.test(e.name))
      .map((e) => relative(dir, join(e.parentPath, e.name)))
      .sort();
  } catch {
    return [];
  }
}

export function loadContentDir(root: string): { content: ContentSet; bodies: Map<string, string>; problems: string[] } {
  const problems: string[] = [];
  const bodies = new Map<string, string>();
  const content = {} as Record<keyof typeof schemas, Entry<unknown>[]>;
  for (const [dir, schema] of Object.entries(schemas) as [keyof typeof schemas, z.ZodType][]) {
    content[dir] = [];
    const files = contentFiles(join(root, dir));
    for (const name of files) {
      const path = join(root, dir, name);
      const file = relative(join(root, '..'), path);
      let parsed: { data: unknown; body: string };
      try {
        parsed = splitFrontmatter(readFileSync(path, 'utf8'));
      } catch (e) {
        // A YAML syntax error says where in the frontmatter, but not which file: add it, and read the rest.
        problems.push(`${file}: (frontmatter): ${e instanceof yaml.YAMLException ? e.message.split('\n')[0] : String(e)}`);
        continue;
      }
      const { data, body } = parsed;
      const found = schemaProblems(file, schema, data);
      problems.push(...found);
      if (found.length) continue;
      content[dir].push({ file, data: schema.parse(data) });
      bodies.set(file, body);
    }
  }
  return { content: content as unknown as ContentSet, bodies, problems };
}
