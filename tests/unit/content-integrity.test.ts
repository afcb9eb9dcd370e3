import { describe, expect, it } from 'vitest';
import { checkIdsLock, checkIntegrity, parseIdsLock, unlockedIds, type ContentSet } from '../../src/model/integrity';
import { fixSchema, checklistSchema, exampleSchema, flowNodeSchema } from '../../src/model/schemas';

function content(): ContentSet {
  return {
    flow: [{ file: 'content/flow/start.md', data: flowNodeSchema.parse({ id: 'start', question: 'Q?', answers: [{ id: 'a', label: 'A', next: 'fix-a' }, { id: 'b', label: 'B', next: 'fix-a' }] }) }],
    fixes: [
      {
        file: 'content/fixes/fix-a.md',
        data: fixSchema.parse({
          id: 'fix-a', title: 'A', audience: 'owner', summary: 'S', symptoms: ['x', 'y', 'z'], ifNotFixed: 'escalate', reviewed: '2026-11-29',
          steps: ['One', { ref: 'owner/check-logs' }],
          sources: [{ title: 'RFC', url: 'https://www.rfc-editor.org/rfc/rfc9110' }],
        }),
      },
    ],
    checklists: [
      {
        file: 'content/checklists/owner.md',
        data: checklistSchema.parse({ id: 'owner', title: 'Owner', audience: 'owner', summary: 'S', order: 1, sections: [{ id: 'logs', title: 'Logs', items: [{ id: 'check-logs', text: 'Read logs', fix: 'fix-a' }] }] }),
      },
    ],
    examples: [{ file: 'content/examples/ex.md', data: exampleSchema.parse({ id: 'ex', title: 'T', symptom: 's', cause: 'c', fix: 'f', fixId: 'fix-a' }) }],
    explainers: [],
  };
}

describe('checkIntegrity', () => {
  it('accepts consistent content', () => {
    expect(checkIntegrity(content())).toEqual([]);
  });

  it('catches a duplicate id across two files (the glob loader would silently keep one)', () => {
    const c = content();
    c.fixes.push({ file: 'content/fixes/copy.md', data: { ...c.fixes[0]!.data } });
    expect(checkIntegrity(c)).toContainEqual('content/fixes/copy.md: id "fix-a" is already used in content/fixes/fix-a.md (ids under /guide/ must be unique)');
  });

  it('catches an alias that collides with a live id', () => {
    const c = content();
    c.fixes[0]!.data.aliases = ['start'];
    expect(checkIntegrity(c)).toEqual(['content/fixes/fix-a.md: aliases[0] "start" is already used in content/flow/start.md (ids under /guide/ must be unique)']);
  });

  it('catches an example whose fixId does not exist', () => {
    const c = content();
    c.examples[0]!.data.fixId = 'fix-b';
    expect(checkIntegrity(c)).toEqual(['content/examples/ex.md: fixId "fix-b" is not a fix id']);
  });

  it('catches a step ref to a missing checklist item', () => {
    const c = content();
    c.fixes[0]!.data.steps = [{ ref: 'owner/nope' }];
    expect(checkIntegrity(c)).toEqual(['content/fixes/fix-a.md: steps[0].ref "owner/nope" is not a checklist item (expected "checklist-id/item-id")']);
  });

  it('catches a checklist item linking to a missing fix, and a duplicate anchor', () => {
    const c = content();
    const section = c.checklists[0]!.data.sections[0]!;
    section.items.push({ id: 'check-logs', text: 'Again', fix: 'ghost' });
    const text = checkIntegrity(c).join('\n');
    expect(text).toMatch(/owner\.md: sections\[0\]\.items\[1\]\.id "check-logs" is used twice/);
    expect(text).toMatch(/owner\.md: sections\[0\]\.items\[1\]\.fix "ghost" is not a fix id/);
  });
});

describe('ids.lock', () => {
  it('parses lines and ignores comments', () => {
    expect(parseIdsLock('# note\nguide/start\n\nexamples/ex # the first\n')).toEqual(['guide/start', 'examples/ex']);
  });

  it('fails when a published id disappears without an alias, and passes once it is an alias', () => {
    const c = content();
    const locked = ['guide/start', 'guide/old-fix'];
    expect(checkIdsLock(c, locked)).toEqual([
      'content/ids.lock: "guide/old-fix" was published but no entry has it as id or in aliases; add aliases: [old-fix] to the entry that replaced it',
    ]);
    c.fixes[0]!.data.aliases = ['old-fix'];
    expect(checkIdsLock(c, locked)).toEqual([]);
  });

  it('an id in another URL space does not count', () => {
    expect(checkIdsLock(content(), ['examples/fix-a'])).toHaveLength(1);
  });

  it('lists live ids missing from the lock', () => {
    expect(unlockedIds(content(), ['guide/start'])).toEqual(['guide/fix-a', 'examples/ex', 'checklists/owner']);
  });
});
