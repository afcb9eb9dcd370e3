import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import {
  checklistSchema,
  exampleSchema,
  explainerSchema,
  fixSchema,
  flowNodeSchema,
} from './model/schemas';

/*
 * Astro's entry id stays the file path on purpose: our stable `id` lives in
 * frontmatter, and keeping the two apart lets src/model/integrity.ts catch two
 * files claiming the same id (the glob loader would silently keep only one).
 */
// CONTENT_DIR lets the benchmark build a generated, ten-times-larger copy of the content.
export const CONTENT_DIR = process.env.CONTENT_DIR ?? './content';
const from = (dir: string) => glob({ pattern: '**/*.{md,mdx}', base: `${CONTENT_DIR}/${dir}` });

export const collections = {
  flow: defineCollection({ loader: from('flow'), schema: flowNodeSchema }),
  fixes: defineCollection({ loader: from('fixes'), schema: fixSchema }),
  checklists: defineCollection({ loader: from('checklists'), schema: checklistSchema }),
  examples: defineCollection({ loader: from('examples'), schema: exampleSchema }),
  explainers: defineCollection({ loader: from('explainers'), schema: explainerSchema }),
};
