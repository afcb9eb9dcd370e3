/**
 * The search documents, built from content at build time and shipped as one
 * static JSON file the browser fetches the first time someone searches.
 * Only short fields are indexed: long bodies slow every query and drown the
 * words people actually type.
 */
import { guidePath } from '../flow/addresses';
import type { ContentSet } from '../model/integrity';

export type DocKind = 'fix' | 'example' | 'step';

export interface SearchDoc {
  /** Relative to the site base, e.g. "guide/jwt-expired/" or "checklists/owner/#read-logs". */
  url: string;
  kind: DocKind;
  title: string;
  /** The one-line description shown under the title. */
  summary: string;
  /** Words people type (symptoms); for a checklist step, its section and checklist. */
  words: string[];
  /** Exact strings people paste. */
  errors: string[];
  /** For examples and steps: the fix they lead to, so a result can say so. */
  fix?: string;
}

export interface FixSource {
  id: string;
  title: string;
  summary: string;
  symptoms: string[];
  errors: string[];
}
export interface ExampleSource {
  id: string;
  title: string;
  symptom: string;
  cause: string;
  fixId: string;
  symptoms: string[];
  errors: string[];
}
export interface ChecklistSource {
  id: string;
  title: string;
  sections: { id: string; title: string; items: { id: string; text: string; fix?: string }[] }[];
}

export function searchDocuments(
  fixes: FixSource[],
  examples: ExampleSource[],
  checklists: ChecklistSource[],
  plain: (markdown: string) => string,
): SearchDoc[] {
  const docs: SearchDoc[] = [];
  for (const f of fixes)
    docs.push({ url: guidePath(f.id), kind: 'fix', title: f.title, summary: plain(f.summary), words: f.symptoms, errors: f.errors });
  for (const e of examples)
    docs.push({
      url: `examples/${e.id}/`,
      kind: 'example',
      title: e.title,
      summary: plain(e.symptom),
      words: [...e.symptoms, e.cause],
      errors: e.errors,
      fix: e.fixId,
    });
  for (const c of checklists)
    for (const s of c.sections)
      for (const i of s.items)
        docs.push({
          url: `checklists/${c.id}/#${i.id}`,
          kind: 'step',
          title: plain(i.text),
          summary: `${c.title} · ${s.title}`,
          words: [],
          errors: [],
          fix: i.fix,
        });
  return docs;
}

/** The documents of a whole content set: the one way the build, the tests and the bench make them. */
export const contentDocuments = (content: Pick<ContentSet, 'fixes' | 'examples' | 'checklists'>, plain: (markdown: string) => string): SearchDoc[] =>
  searchDocuments(
    content.fixes.map((f) => f.data),
    content.examples.map((e) => e.data),
    content.checklists.map((c) => c.data),
    plain,
  );
