import { describe, expect, it } from 'vitest';
import { decodeEntities, extractStep } from '../../src/integrations/extract-step';

const page = (inner: string) =>
  `<html><head><title>Pass the header &amp; more · Fix 401</title></head><body><main>` +
  `<article id="step" class="step step-fix" data-node="proxy-strips-authorization" data-kind="fix" data-title="Pass &quot;Authorization&quot;">${inner}</article>` +
  `<aside>side</aside></main></body></html>`;

describe('extractStep', () => {
  it('takes the step panel, its node, kind and decoded titles', () => {
    expect(extractStep(page('<h1>Pass it</h1>'))).toEqual({
      node: 'proxy-strips-authorization',
      kind: 'fix',
      title: 'Pass "Authorization"',
      docTitle: 'Pass the header & more · Fix 401',
      html: '<h1>Pass it</h1>',
    });
  });

  it('is not fooled by an article nested inside the step', () => {
    expect(extractStep(page('<article><p>inner</p></article><p>after</p>'))!.html).toBe('<article><p>inner</p></article><p>after</p>');
  });

  it('returns undefined for a page without a step (an alias redirect)', () => {
    expect(extractStep('<html><meta http-equiv="refresh" content="0; url=/guide/x/"></html>')).toBeUndefined();
  });

  it('refuses an unclosed step rather than shipping half a page', () => {
    expect(() => extractStep('<article id="step" data-node="x"><p>')).toThrow(/unclosed/);
  });

  it('decodes numeric and named entities', () => {
    expect(decodeEntities('&lt;a&gt; &#39;b&#x27; &nbsp;&unknown;')).toBe("<a> 'b' \u00a0&unknown;");
  });
});
