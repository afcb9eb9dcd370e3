/**
 * The one place the build reads content: loads every collection, runs the
 * integrity and flow checks (failing the build with file + field), and derives
 * the machine, the typical paths and the lookups the pages need.
 */
import { readFileSync } from 'node:fs';
import { getCollection, type CollectionEntry } from 'astro:content';
import { checkFixReferences, checkIdsLock, checkIntegrity, ContentError, parseIdsLock, type ContentSet, type Entry } from '../model/integrity';
import { FINDING_CATALOG, FIX_IDS } from '../diagnose';
import { compileFlow, type GuideMachineConfig } from '../flow/machine';
import { typicalPaths } from '../flow/paths';
import { validateFlow } from '../flow/validate';
import { flowInputOf } from '../model/flow-input';
import type { FlowInput, TrailStep } from '../flow/types';
import { inlineMarkdown, plainText } from '../markdown/inline';
import { BASE } from './urls';

type Collection = 'flow' | 'fixes' | 'checklists' | 'examples' | 'explainers';

export interface Site {
  entries: { [K in Collection]: CollectionEntry<K>[] };
  content: ContentSet;
  flow: FlowInput;
  machine: GuideMachineConfig;
  paths: Map<string, TrailStep[]>;
  question(id: string): CollectionEntry<'flow'> | undefined;
  fix(id: string): CollectionEntry<'fixes'> | undefined;
  /** A fix's steps as HTML and as plain text, checklist references resolved. */
  steps(fixId: string): { html: string; text: string; ref?: string }[];
  checklistItem(ref: string): { checklist: CollectionEntry<'checklists'>; text: string } | undefined;
}

const fileOf = (e: { filePath?: string; id: string }, dir: string) => e.filePath ?? `content/${dir}/${e.id}`;

/** The fix ids the diagnose findings link to ("Go to the fix"): checked against content at every build. */
export function diagnoseFixLinks(): { where: string; fixId: string }[] {
  return [
    ...Object.entries(FINDING_CATALOG).flatMap(([finding, entry]) =>
      'fixId' in entry && typeof entry.fixId === 'string' ? [{ where: `src/diagnose FINDING_CATALOG.${finding}.fixId`, fixId: entry.fixId }] : [],
    ),
    ...FIX_IDS.map((fixId) => ({ where: 'src/diagnose FIX_IDS', fixId: String(fixId) })),
  ];
}

let cached: Promise<Site> | undefined;
export const loadSite = () => (cached ??= build());

async function build(): Promise<Site> {
  const entries = {
    flow: await getCollection('flow'),
    fixes: await getCollection('fixes'),
    checklists: await getCollection('checklists'),
    examples: await getCollection('examples'),
    explainers: await getCollection('explainers'),
  };
  const wrap = <T>(list: { data: T; filePath?: string; id: string }[], dir: string): Entry<T>[] =>
    list.map((e) => ({ file: fileOf(e, dir), data: e.data }));
  const content: ContentSet = {
    flow: wrap(entries.flow, 'flow'),
    fixes: wrap(entries.fixes, 'fixes'),
    checklists: wrap(entries.checklists, 'checklists'),
    examples: wrap(entries.examples, 'examples'),
    explainers: wrap(entries.explainers, 'explainers'),
  };
  const flow: FlowInput = flowInputOf(content);
  // Validated once, here: compileFlow() does not validate, so the browser never ships the validator.
  const problems = [
    ...checkIntegrity(content),
    ...validateFlow(flow),
    ...checkIdsLock(content, parseIdsLock(readFileSync(`${process.env.CONTENT_DIR ?? './content'}/ids.lock`, 'utf8'))),
    ...checkFixReferences(content, diagnoseFixLinks()),
  ];
  if (problems.length) throw new ContentError(problems);

  const questions = new Map(entries.flow.map((e) => [e.data.id, e]));
  const fixes = new Map(entries.fixes.map((e) => [e.data.id, e]));
  const items = new Map<string, { checklist: CollectionEntry<'checklists'>; text: string }>();
  for (const c of entries.checklists)
    for (const s of c.data.sections) for (const i of s.items) items.set(`${c.data.id}/${i.id}`, { checklist: c, text: i.text });

  return {
    entries,
    content,
    flow,
    machine: compileFlow(flow),
    paths: typicalPaths(flow),
    question: (id) => questions.get(id),
    fix: (id) => fixes.get(id),
    checklistItem: (ref) => items.get(ref),
    steps(fixId) {
      return (fixes.get(fixId)?.data.steps ?? []).map((step) => {
        const source = typeof step === 'string' ? step : items.get(step.ref)!.text;
        return { html: inlineMarkdown(source, BASE), text: plainText(source), ref: typeof step === 'string' ? undefined : step.ref };
      });
    },
  };
}
