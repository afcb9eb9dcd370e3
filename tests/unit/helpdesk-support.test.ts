import { describe, expect, it } from 'vitest';
import { outcome, type OutcomeDetail } from '../../src/lib/outcomes';
import { cleanAddress, diagnoseSummary, mailto, parseDiagnose, requestModel, requestText, schemeName } from '../../src/lib/support-text';

const questions: Record<string, { question: string; answers: { id: string; label: string }[] }> = {
  start: { question: 'Where do you see the 401?', answers: [{ id: 'api', label: 'Calling an API' }, { id: 'web', label: 'On a website' }] },
  'api-always': { question: 'Does it fail every time?', answers: [{ id: 'always', label: 'Every time' }] },
};
const fixes: Record<string, { title: string; steps: string[] }> = {
  'jwt-expired': { title: 'The token has expired', steps: ['Decode the token', 'Renew it'] },
  'clock-skew-server': { title: 'The server clock is off', steps: ['Check NTP'] },
};
const lookup = { question: (id: string) => questions[id], fix: (id: string) => fixes[id] };
const ev = (e: Parameters<typeof outcome>[0]) => outcome(e)!;
const base = { lookup, guideLink: 'https://fix401.example/guide/jwt-expired/', time: new Date('2026-11-29T10:00:00Z'), browser: 'Test/1.0' };

describe('the support request says only what happened', () => {
  it('a cold link: no answers listed (the usual way is not the person’s), "opened directly at" the fix', () => {
    const journey: OutcomeDetail[] = [ev({ type: 'step-shown', node: 'jwt-expired' }), ev({ type: 'not-fixed', fix: 'jwt-expired' })];
    const context = { trail: [{ node: 'start', answer: 'api' }, { node: 'api-always', answer: 'always' }], tried: ['jwt-expired'], ticked: { 'jwt-expired': [1] } };
    const text = requestText(requestModel({ ...base, context, journey, form: {} }));
    expect(text).toContain('I opened the troubleshooting guide directly at “The token has expired” (from a link).');
    expect(text).not.toContain('What I answered');
    expect(text).not.toContain('Calling an API');
    expect(text).toContain('- The token has expired: did not fix it\n  - done: Renew it');
    expect(text).toContain('- Guide link: https://fix401.example/guide/jwt-expired/');
    expect(text).not.toMatch(/please fill in|paths below|Page:/i);
  });

  it('answers given are listed, in order; a cold start is not claimed', () => {
    const journey = [
      ev({ type: 'step-shown', node: 'start' }),
      ev({ type: 'answer-chosen', node: 'start', answer: 'api' }),
      ev({ type: 'step-shown', node: 'api-always' }),
      ev({ type: 'answer-chosen', node: 'api-always', answer: 'always' }),
    ];
    const context = { trail: [{ node: 'start', answer: 'api' }, { node: 'api-always', answer: 'always' }], tried: [], ticked: {} };
    const text = requestText(requestModel({ ...base, context, journey, form: {} }));
    expect(text).toContain('What I answered in the guide:\n- Where do you see the 401? Calling an API\n- Does it fail every time? Every time');
    expect(text).not.toContain('opened the troubleshooting guide directly');
  });

  it('arriving from Diagnose or search is named as such', () => {
    const journey = [ev({ type: 'finding-shown', finding: 'token-expired', status: 401 }), ev({ type: 'step-shown', node: 'jwt-expired' })];
    const m = requestModel({ ...base, context: { trail: [], tried: [], ticked: {} }, journey, form: {} });
    expect(m.opened).toEqual({ title: 'The token has expired', kind: 'fix', via: 'diagnose' });
  });

  it('the form: capped, one line, the address without query, fragment or credentials', () => {
    const m = requestModel({
      ...base,
      context: { trail: [], tried: [], ticked: {} },
      journey: [],
      form: { address: 'https://user:pw@api.example/v1/items?access_token=SECRET123#x', since: `yesterday\n${'x'.repeat(500)}`, otherDevice: 'no' },
    });
    const text = requestText(m);
    expect(text).toContain('Where it fails: https://api.example/v1/items (query and credentials left out)');
    expect(text).not.toContain('SECRET123');
    expect(text).not.toContain('user:pw');
    expect(m.form.since!.length).toBeLessThanOrEqual(80);
    expect(text).toContain('On another device or network: it fails there too');
    expect(cleanAddress('javascript:alert(1)')).toBeUndefined();
    expect(cleanAddress('api.example/x')).toBe('https://api.example/x');
  });

  it('Diagnose: status, known scheme names and finding ids only, never the paste', () => {
    const analysis = {
      summary: { status: 401, challenges: [{ scheme: 'bearer', error: 'invalid_token', quote: 'WWW-Authenticate: Bearer realm="secret-realm"' }, { scheme: 'MyCustomScheme' }] },
      findings: [{ id: 'bearer-invalid-token-expired', title: 'The token from eyJhbGciOi has expired', quote: 'Authorization: Bearer eyJhbGciOi' }],
    };
    const summary = diagnoseSummary(analysis);
    expect(summary).toEqual({ status: 401, schemes: ['Bearer', 'another scheme'], findings: ['bearer-invalid-token-expired'] });
    expect(JSON.stringify(summary)).not.toMatch(/eyJ|secret-realm|MyCustom/);
    const known = new Set(['bearer-invalid-token-expired']);
    expect(parseDiagnose(JSON.stringify({ ...summary, findings: [...summary.findings, 'made-up', 'Bearer abc'] }), known)?.findings).toEqual(['bearer-invalid-token-expired']);
    expect(parseDiagnose('{"schemes":["Bearer eyJ"],"findings":[]}', known)).toBeUndefined();
    for (const bad of ['5', '[]', 'null', 'nope']) expect(parseDiagnose(bad, known)).toBeUndefined();
    const text = requestText(requestModel({ ...base, context: { trail: [], tried: [], ticked: {} }, journey: [], form: {}, diagnose: summary, findingTitle: () => 'points to “The token has expired”' }));
    expect(text).toContain('What the Diagnose page found (status 401; challenge: Bearer, another scheme):\n- bearer-invalid-token-expired: points to “The token has expired”');
    expect(schemeName('NEGOTIATE')).toBe('Negotiate');
  });

  it('Markdown keeps what people typed as text; mailto carries SUPPORT_EMAIL or no recipient', () => {
    const m = requestModel({ ...base, context: { trail: [], tried: [], ticked: {} }, journey: [], form: { since: '**now** [x](javascript:alert(1))' } });
    const md = requestText(m, 'markdown');
    expect(md).toContain('**The problem:**');
    expect(md).toContain('Since: \\*\\*now\\*\\* \\[x\\]\\(javascript:alert\\(1\\)\\)');
    expect(md).toContain('- Guide link: <https://fix401.example/guide/jwt-expired/>');
    expect(mailto('hi', 'help@support.example')).toMatch(/^mailto:help@support\.example\?subject=/);
    expect(mailto('hi')).toMatch(/^mailto:\?subject=.*&body=hi$/);
  });
});
