/**
 * The content model. Pure zod schemas (no Astro runtime) so unit tests and
 * the build validate entries with exactly the same rules.
 */
import { z } from 'astro/zod';

/** Stable ids end up in URLs that help desks paste into tickets: keep them boring. */
export const idSchema = z
  .string({ error: 'is required (a lowercase, hyphenated id such as "proxy-strips-authorization")' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: 'must be lowercase letters and digits joined by single hyphens, e.g. "cookie-domain-mismatch"',
  });

export const audiences = ['visitor', 'owner', 'api', 'cms', 'cloud'] as const;
export const audienceSchema = z.enum(audiences);

const text = (what: string) => z.string({ error: `is required (${what})` }).trim().min(1, { error: `must not be empty (${what})` });

const aliases = z.array(idSchema).default([]);

/** Old heading anchors of the page and the heading each now leads to (src/model/anchors.ts). */
const anchorAliases = z.record(z.string().regex(/^[\p{L}\p{N}_-]+$/u, { error: 'must be a heading anchor (letters, digits, hyphens)' }), z.string().min(1)).default({});

/**
 * When the fix was last checked against the sources, as YYYY-MM-DD. YAML reads an
 * unquoted date as a Date, so both forms are accepted; the value is always the string.
 */
const reviewedError = 'must be the date the fix was last checked, as YYYY-MM-DD (e.g. `reviewed: 2026-11-29`)';
export const reviewedSchema = z.union(
  [
    z.iso.date({ error: reviewedError }),
    z.date({ error: reviewedError }).transform((d, ctx) => {
      if (!Number.isNaN(d.getTime())) return d.toISOString().slice(0, 10);
      ctx.issues.push({ code: 'custom', message: reviewedError, input: d });
      return z.NEVER;
    }),
  ],
  { error: `is required: ${reviewedError}` },
);

export const sourceSchema = z.object({
  title: text('the name of the RFC section or page'),
  url: z.url({ error: 'must be a full https:// URL' }),
});

/** A checklist item referenced as "<checklist-id>/<item-id>". */
export const stepRefSchema = z.object({
  ref: z
    .string()
    .regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: 'must look like "checklist-id/item-id"' }),
});
export const stepSchema = z.union([text('a step as one line of Markdown'), stepRefSchema]);

/**
 * Where an answer leads: one id, or a ranked shortlist of 2-5 fix ids (likeliest
 * and cheapest first). Which ids exist and are fixes is checked in src/flow/validate.ts.
 */
export const nextSchema = z.union(
  [
    idSchema,
    // Refinements rather than min/max: zod's union reports an aborted option's issue only as "invalid union".
    z
      .array(idSchema)
      .refine((l) => l.length >= 2, { error: 'a shortlist lists 2 to 5 fix ids; for a single one write `next: <id>` without brackets' })
      .refine((l) => l.length <= 5, { error: 'a shortlist lists at most 5 fix ids (likeliest first); split the case with another question' }),
  ],
  { error: 'is required: one question or fix id (`next: some-id`) or a list of 2-5 fix ids (`next: [fix-a, fix-b]`)' },
);

export const answerSchema = z.object({
  id: idSchema,
  label: text('what the person clicks'),
  hint: z.string().trim().optional(),
  next: nextSchema,
});

export const flowNodeSchema = z.object({
  id: idSchema,
  aliases,
  question: text('the question, asked in a few words'),
  answers: z.array(answerSchema).min(2, { error: 'needs at least two answers' }),
});

export const fixSchema = z.object({
  id: idSchema,
  aliases,
  anchorAliases,
  title: text('the fix as a short sentence'),
  audience: audienceSchema,
  summary: text('one or two sentences on the cause and the fix'),
  steps: z.array(stepSchema).min(1, { error: 'needs at least one step' }),
  symptoms: z.array(z.string().trim().min(1)).min(3, { error: 'needs at least three symptoms (the words people type)' }),
  errors: z.array(z.string().trim().min(1)).default([]),
  ifNotFixed: idSchema,
  reviewed: reviewedSchema,
  sources: z.array(sourceSchema).min(1, { error: 'needs at least one source (RFC or MDN)' }),
  prevent: z.array(z.string().trim().min(1)).default([]),
  diagnose: z.enum(['response', 'token', 'clock']).optional(),
});

export const checklistItemSchema = z.object({
  id: idSchema,
  text: text('the step as one line of Markdown'),
  fix: idSchema.optional(),
});

export const checklistSchema = z.object({
  id: idSchema,
  aliases,
  title: text('the checklist title'),
  audience: z.enum([...audiences, 'everyone']),
  summary: text('who it is for and when to use it'),
  order: z.number().int(),
  sections: z
    .array(
      z.object({
        id: idSchema,
        title: text('the section heading'),
        items: z.array(checklistItemSchema).min(1, { error: 'needs at least one item' }),
      }),
    )
    .min(1, { error: 'needs at least one section' }),
});

export const exampleSchema = z.object({
  id: idSchema,
  aliases,
  anchorAliases,
  title: text('the example as a short headline'),
  symptom: text('what the person saw'),
  cause: text('what was really wrong'),
  fix: text('what fixed it, as one line of Markdown'),
  fixId: idSchema,
  symptoms: z.array(z.string().trim().min(1)).default([]),
  errors: z.array(z.string().trim().min(1)).default([]),
});

export const explainerSchema = z.object({
  id: idSchema,
  aliases,
  anchorAliases,
  title: text('the page title'),
  summary: text('one sentence'),
  order: z.number().int().default(0),
});

export type FlowNodeData = z.infer<typeof flowNodeSchema>;
export type FixData = z.infer<typeof fixSchema>;
export type ChecklistData = z.infer<typeof checklistSchema>;
export type ExampleData = z.infer<typeof exampleSchema>;
export type ExplainerData = z.infer<typeof explainerSchema>;
