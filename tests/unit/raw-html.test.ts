import { describe, expect, it } from 'vitest';
import { rawHtml, rawHtmlProblems } from '../../src/model/raw-html';

describe('rawHtml', () => {
  it('finds it where it is planted, and not in code', () => {
    expect(rawHtml('Text <button aria-pressed="true">Go</button> and more.')).not.toEqual([]);
    expect(rawHtml('<div role="tab">x</div>\n')).not.toEqual([]);
    expect(rawHtml('Run `curl https://<node-ip>:10250/` and\n\n```html\n<button>x</button>\n```\n')).toEqual([]);
  });

  it('looks in the body and in the fields rendered as Markdown, not in those printed as text', () => {
    const data = { summary: 'A <b>bold</b> claim', steps: ['One', { text: 'Two <i>x</i>' }], symptoms: ['label studio Token <key>'], errors: ['<title>Authentication Required</title>'] };
    expect(rawHtmlProblems('content/fixes/x.md', data, 'Body <div role="tab">x</div>\n')).toEqual([
      'content/fixes/x.md: body: <div role="tab">',
      'content/fixes/x.md: body: </div>',
      'content/fixes/x.md: summary: <b>',
      'content/fixes/x.md: summary: </b>',
      'content/fixes/x.md: steps[1].text: <i>',
      'content/fixes/x.md: steps[1].text: </i>',
    ]);
  });
});
