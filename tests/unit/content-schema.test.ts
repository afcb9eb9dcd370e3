import { describe, expect, it } from 'vitest';
import { checklistSchema, exampleSchema, fixSchema, flowNodeSchema } from '../../src/model/schemas';
import { schemaProblems, splitFrontmatter } from '../../src/model/load-files';

const fix = () => ({
  id: 'proxy-strips-authorization',
  title: 'Pass the Authorization header through',
  audience: 'owner',
  summary: 'The proxy drops the header.',
  steps: ['Add `proxy_set_header`.', { ref: 'owner/pass-authorization' }],
  symptoms: ['a', 'b', 'c'],
  ifNotFixed: 'escalate',
  reviewed: '2026-11-29',
  sources: [{ title: 'RFC 9110', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-11.6.2' }],
});

describe('content schemas report the file and the field', () => {
  it('accepts a complete fix and fills defaults', () => {
    const parsed = fixSchema.parse(fix());
    expect(parsed.aliases).toEqual([]);
    expect(parsed.errors).toEqual([]);
  });

  it('reviewed: a YYYY-MM-DD date, required; the Date YAML makes is accepted and becomes the same string', () => {
    expect(fixSchema.parse(fix()).reviewed).toBe('2026-11-29');
    expect(fixSchema.parse({ ...fix(), reviewed: new Date('2026-11-29') }).reviewed).toBe('2026-11-29');
    const { reviewed: _omit, ...data } = fix();
    expect(schemaProblems('content/fixes/x.md', fixSchema, data)).toEqual([
      'content/fixes/x.md: reviewed: is required: must be the date the fix was last checked, as YYYY-MM-DD (e.g. `reviewed: 2026-11-29`)',
    ]);
    for (const bad of ['29/11/2026', '2026-13-01', 'last week'])
      expect(schemaProblems('content/fixes/x.md', fixSchema, { ...fix(), reviewed: bad }), bad).toEqual([
        'content/fixes/x.md: reviewed: must be the date the fix was last checked, as YYYY-MM-DD (e.g. `reviewed: 2026-11-29`)',
      ]);
    expect(schemaProblems('content/fixes/x.md', fixSchema, { ...fix(), reviewed: new Date('nope') })).toHaveLength(1);
  });

  it('parses `reviewed: 2026-11-29` straight from frontmatter', () => {
    const { data } = splitFrontmatter('---\nreviewed: 2026-11-29\n---\n');
    expect(fixSchema.parse({ ...fix(), ...(data as object) }).reviewed).toBe('2026-11-29');
  });

  it('next: one id, or a shortlist of 2-5 fix ids, with errors that say which', () => {
    const q = (next: unknown) => ({ id: 'q', question: 'Q?', answers: [{ id: 'a', label: 'A', next }, { id: 'b', label: 'B', next: 'x' }] });
    expect(flowNodeSchema.parse(q(['fix-a', 'fix-b'])).answers[0]!.next).toEqual(['fix-a', 'fix-b']);
    expect(schemaProblems('content/flow/q.md', flowNodeSchema, q(['fix-a']))).toEqual([
      'content/flow/q.md: answers.0.next: a shortlist lists 2 to 5 fix ids; for a single one write `next: <id>` without brackets',
    ]);
    expect(schemaProblems('content/flow/q.md', flowNodeSchema, q(['a', 'b', 'c', 'd', 'e', 'f']))[0]).toMatch(/answers\.0\.next: a shortlist lists at most 5 fix ids/);
    expect(schemaProblems('content/flow/q.md', flowNodeSchema, q(['fix-a', 'Fix_B']))[0]).toMatch(/^content\/flow\/q\.md: answers\.0\.next\.1: must be lowercase/);
    expect(schemaProblems('content/flow/q.md', flowNodeSchema, q(undefined))[0]).toMatch(/answers\.0\.next: is required: one question or fix id/);
    expect(schemaProblems('content/flow/q.md', flowNodeSchema, q(7))[0]).toMatch(/or a list of 2-5 fix ids/);
  });

  it('a missing required field names the file and the field', () => {
    const { title: _omit, ...data } = fix();
    expect(schemaProblems('content/fixes/x.md', fixSchema, data)).toEqual([
      'content/fixes/x.md: title: is required (the fix as a short sentence)',
    ]);
  });

  it('a malformed id explains the expected shape', () => {
    const [problem] = schemaProblems('content/fixes/x.md', fixSchema, { ...fix(), id: 'Proxy_Strips' });
    expect(problem).toMatch(/^content\/fixes\/x\.md: id: must be lowercase letters and digits joined by single hyphens/);
  });

  it('an unknown audience, a bad source URL and a malformed step ref point at the exact entry', () => {
    const problems = schemaProblems('content/fixes/x.md', fixSchema, {
      ...fix(),
      audience: 'admins',
      sources: [{ title: 'MDN', url: 'not a url' }],
      steps: [{ ref: 'no-slash' }],
    });
    const text = problems.join('\n');
    expect(text).toMatch(/x\.md: audience: /);
    expect(text).toMatch(/x\.md: sources\.0\.url: must be a full https:\/\/ URL/);
    expect(text).toMatch(/x\.md: steps\.0/);
  });

  it('a question needs at least two answers, each with a next id', () => {
    const problems = schemaProblems('content/flow/q.md', flowNodeSchema, {
      id: 'q',
      question: 'Which?',
      answers: [{ id: 'a', label: 'A' }],
    });
    expect(problems.join('\n')).toMatch(/q\.md: answers: needs at least two answers/);
    expect(problems.join('\n')).toMatch(/q\.md: answers\.0\.next: is required/);
  });

  it('checklist items need ids (they are URL anchors)', () => {
    const problems = schemaProblems('content/checklists/c.md', checklistSchema, {
      id: 'c',
      title: 'C',
      audience: 'everyone',
      summary: 'S',
      order: 1,
      sections: [{ id: 's', title: 'S', items: [{ text: 'Do it' }] }],
    });
    expect(problems).toEqual(['content/checklists/c.md: sections.0.items.0.id: is required (a lowercase, hyphenated id such as "proxy-strips-authorization")']);
  });

  it('an example must name the fix it belongs to', () => {
    const problems = schemaProblems('content/examples/e.md', exampleSchema, { id: 'e', title: 'T', symptom: 's', cause: 'c', fix: 'f' });
    expect(problems.join('\n')).toMatch(/e\.md: fixId: /);
  });

  it('splits YAML frontmatter from the body', () => {
    expect(splitFrontmatter('---\nid: a\n---\n# Body\n')).toEqual({ data: { id: 'a' }, body: '# Body\n' });
  });
});
