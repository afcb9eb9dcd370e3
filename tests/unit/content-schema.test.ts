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
  sources: [{ title: 'RFC 9110', url: 'https://www.rfc-editor.org/rfc/rfc9110#section-11.6.2' }],
});

describe('content schemas report the file and the field', () => {
  it('accepts a complete fix and fills defaults', () => {
    const parsed = fixSchema.parse(fix());
    expect(parsed.aliases).toEqual([]);
    expect(parsed.errors).toEqual([]);
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
