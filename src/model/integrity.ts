import type { ChecklistData, ExampleData, ExplainerData, FixData, FlowNodeData } from './schemas';

/** A validated entry and the file it came from (for messages that name the file). */
export interface Entry<T> {
  file: string;
  data: T;
}

export interface ContentSet {
  flow: Entry<FlowNodeData>[];
  fixes: Entry<FixData>[];
  checklists: Entry<ChecklistData>[];
  examples: Entry<ExampleData>[];
  explainers: Entry<ExplainerData>[];
}

/** The URL space each collection publishes into; ids.lock lines look like "guide/<id>". */
export const PUBLISHED_KINDS = ['guide', 'examples', 'checklists', 'learn'] as const;
export type PublishedKind = (typeof PUBLISHED_KINDS)[number];

export class ContentError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Content has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ContentError';
  }
}

/** Every published id with its aliases, per URL space. */
export function publishedIds(content: ContentSet): Map<PublishedKind, Entry<{ id: string; aliases: string[] }>[]> {
  return new Map<PublishedKind, Entry<{ id: string; aliases: string[] }>[]>([
    ['guide', [...content.flow, ...content.fixes]],
    ['examples', content.examples],
    ['checklists', content.checklists],
    ['learn', content.explainers],
  ]);
}

/**
 * Cross-file rules a schema cannot express. Each problem names the file and
 * the field. Flow-graph rules live in src/flow/validate.ts.
 */
export function checkIntegrity(content: ContentSet): string[] {
  const problems: string[] = [];

  for (const [kind, entries] of publishedIds(content)) {
    const owner = new Map<string, string>();
    for (const e of entries) {
      for (const [field, id] of [['id', e.data.id] as const, ...e.data.aliases.map((a, i) => [`aliases[${i}]`, a] as const)]) {
        const prev = owner.get(id);
        if (prev) problems.push(`${e.file}: ${field} "${id}" is already used in ${prev} (ids under /${kind}/ must be unique)`);
        else owner.set(id, e.file);
      }
    }
  }

  const fixIds = new Set(content.fixes.map((f) => f.data.id));
  const items = new Map<string, string>();
  for (const c of content.checklists) {
    const seen = new Set<string>();
    c.data.sections.forEach((s, si) => {
      if (seen.has(s.id)) problems.push(`${c.file}: sections[${si}].id "${s.id}" is used twice in this checklist`);
      seen.add(s.id);
      s.items.forEach((item, ii) => {
        const field = `sections[${si}].items[${ii}]`;
        if (seen.has(item.id)) problems.push(`${c.file}: ${field}.id "${item.id}" is used twice in this checklist (it is a URL anchor)`);
        seen.add(item.id);
        items.set(`${c.data.id}/${item.id}`, item.text);
        if (item.fix && !fixIds.has(item.fix)) problems.push(`${c.file}: ${field}.fix "${item.fix}" is not a fix id`);
      });
    });
  }
  for (const f of content.fixes) {
    f.data.steps.forEach((step, i) => {
      if (typeof step !== 'string' && !items.has(step.ref))
        problems.push(`${f.file}: steps[${i}].ref "${step.ref}" is not a checklist item (expected "checklist-id/item-id")`);
    });
  }
  for (const e of content.examples) {
    if (!fixIds.has(e.data.fixId)) problems.push(`${e.file}: fixId "${e.data.fixId}" is not a fix id`);
  }
  return problems;
}

/** Parses content/ids.lock: one "kind/id" per line; blank lines and # comments ignored. */
export function parseIdsLock(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

/** A locked id must still resolve, as an id or an alias, so help-desk links never break. */
export function checkIdsLock(content: ContentSet, locked: string[], lockFile = 'content/ids.lock'): string[] {
  const live = new Set<string>();
  for (const [kind, entries] of publishedIds(content))
    for (const e of entries) for (const id of [e.data.id, ...e.data.aliases]) live.add(`${kind}/${id}`);
  return locked
    .filter((line) => !live.has(line))
    .map((line) => `${lockFile}: "${line}" was published but no entry has it as id or in aliases; add aliases: [${line.split('/')[1]}] to the entry that replaced it`);
}

/** Ids and aliases that are live but not yet in the lock file (npm run ids adds them). */
export function unlockedIds(content: ContentSet, locked: string[]): string[] {
  const lockedSet = new Set(locked);
  const out: string[] = [];
  for (const [kind, entries] of publishedIds(content))
    for (const e of entries)
      for (const id of [e.data.id, ...e.data.aliases]) if (!lockedSet.has(`${kind}/${id}`)) out.push(`${kind}/${id}`);
  return out;
}

/**
 * Code that links to fixes by id (the diagnose findings) must follow the content:
 * every referenced id must be a fix. `refs` name where each id is written.
 */
export function checkFixReferences(content: ContentSet, refs: { where: string; fixId: string }[]): string[] {
  const fixIds = new Set(content.fixes.map((f) => f.data.id));
  return refs
    .filter((r) => !fixIds.has(r.fixId))
    .map((r) => `${r.where}: fix id "${r.fixId}" is not a fix in content/fixes/ (renamed? link to its new id)`);
}
