/**
 * The honest support request: only what happened in this tab.
 *
 * - Answers: only those the person gave (an answer-chosen event in the
 *   journey), never the "usual way here" a cold link fills in.
 * - A cold start says where the guide was opened ("opened directly at …").
 * - Fixes tried, each "did not fix it", with the steps ticked.
 * - What the person wrote in the short form, capped and as text.
 * - With consent, Diagnose's findings as ids, status and scheme names only.
 *
 * Pure: src/components/support-request.ts feeds it and writes the result.
 */
import { answerRows } from '../flow/answers';
import { ESCALATE, START } from '../flow/types';
import type { OutcomeDetail } from './outcomes';

export const LIMITS = { address: 300, since: 80 } as const;
export const DIAGNOSE_KEY = 'fix401:diagnose';

/** Auth scheme names a summary may name; anything else is "another scheme". */
const SCHEMES = ['Basic', 'Bearer', 'Digest', 'Negotiate', 'NTLM', 'DPoP', 'HOBA', 'Mutual', 'SCRAM-SHA-1', 'SCRAM-SHA-256', 'AWS4-HMAC-SHA256', 'OAuth'];
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_FINDINGS = 30;

export type OtherDevice = 'yes' | 'no' | 'not-tried';

export interface RequestForm {
  address?: string;
  since?: string;
  otherDevice?: OtherDevice | '';
}

export interface DiagnoseSummary {
  status?: number;
  schemes: string[];
  findings: string[];
}

export interface RequestModel {
  /** Where the guide was first opened, when that was not its start (a help-desk link, search, Diagnose). */
  opened?: { title: string; kind: 'question' | 'fix' | 'escalate'; via: 'link' | 'search' | 'diagnose' };
  answers: { question: string; answer: string }[];
  tried: { title: string; done: string[] }[];
  form: { address?: string; since?: string; otherDevice?: OtherDevice };
  diagnose?: { status?: number; schemes: string[]; findings: { id: string; title?: string }[] };
  guideLink: string;
  /** Left out of the version rendered without JavaScript, which cannot know them. */
  time?: Date;
  browser?: string;
}

export interface Lookup {
  question(id: string): { question: string; answers: { id: string; label: string }[] } | undefined;
  fix(id: string): { title: string; steps: string[] } | undefined;
}

export interface Context {
  trail: readonly { node: string; answer: string }[];
  tried: readonly string[];
  ticked: Readonly<Record<string, readonly number[]>>;
}

/** Canonical scheme name, or undefined for a word that is not a known scheme. */
export function schemeName(value: string): string | undefined {
  return SCHEMES.find((s) => s.toLowerCase() === value.trim().toLowerCase());
}

/** What Diagnose may leave for the support request: status, scheme names, finding ids. Nothing pasted. */
export function diagnoseSummary(analysis: { summary: { status?: number; challenges: readonly { scheme: string }[] }; findings: readonly { id: string }[] }): DiagnoseSummary {
  const status = analysis.summary.status;
  return {
    ...(Number.isInteger(status) && status! >= 100 && status! <= 599 ? { status } : {}),
    schemes: [...new Set(analysis.summary.challenges.map((c) => schemeName(c.scheme) ?? 'another scheme'))].slice(0, 5),
    findings: [...new Set(analysis.findings.map((f) => f.id).filter((id) => ID.test(id) && id.length <= 80))].slice(0, MAX_FINDINGS),
  };
}

/** A stored summary, re-checked: anything that is not of the allowed shape is dropped. */
export function parseDiagnose(raw: string | null | undefined, knownFindings: ReadonlySet<string>): DiagnoseSummary | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<DiagnoseSummary>;
    if (!v || typeof v !== 'object') return undefined;
    const findings = Array.isArray(v.findings) ? v.findings.filter((f): f is string => typeof f === 'string' && knownFindings.has(f)).slice(0, MAX_FINDINGS) : [];
    const schemes = Array.isArray(v.schemes) ? v.schemes.filter((s): s is string => typeof s === 'string' && (s === 'another scheme' || schemeName(s) === s)).slice(0, 5) : [];
    const status = Number.isInteger(v.status) && v.status! >= 100 && v.status! <= 599 ? v.status : undefined;
    if (!findings.length && !schemes.length && status === undefined) return undefined;
    return { ...(status !== undefined ? { status } : {}), schemes, findings };
  } catch {
    return undefined;
  }
}

/** Collapses whitespace and control characters and caps the length: form text is one short line. */
export function cleanLine(value: string | undefined, max: number): string | undefined {
  if (!value) return undefined;
  const line = value.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim().slice(0, max).trim();
  return line || undefined;
}

/**
 * The failing address, without what must not travel in an email: a user or
 * password, the query string and the fragment (they often carry tokens).
 */
export function cleanAddress(value: string | undefined): string | undefined {
  const line = cleanLine(value, LIMITS.address);
  if (!line) return undefined;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(line) ? line : `https://${line}`);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    const stripped = !!(url.username || url.password || url.search || url.hash);
    const clean = `${url.origin}${url.pathname}`;
    return stripped ? `${clean} (query and credentials left out)` : clean;
  } catch {
    return undefined;
  }
}

/** Builds the request from the stored trail, the journey and the form. */
export function requestModel(input: {
  context: Context;
  journey: readonly OutcomeDetail[];
  lookup: Lookup;
  form: RequestForm;
  diagnose?: DiagnoseSummary;
  findingTitle?: (id: string) => string | undefined;
  guideLink: string;
  time?: Date;
  browser?: string;
}): RequestModel {
  const { context, journey, lookup } = input;
  const given = new Set(journey.flatMap((e) => (e.type === 'answer-chosen' ? [`${e.node}\u0000${e.answer}`] : [])));
  const answered = context.trail.filter((s) => given.has(`${s.node}\u0000${s.answer}`));
  const answers = answerRows(answered, (id) => lookup.question(id)).map(({ question, answer }) => ({ question, answer }));
  const tried = [...new Set(context.tried)].flatMap((id) => {
    const fix = lookup.fix(id);
    if (!fix) return [];
    const done = [...new Set(context.ticked[id] ?? [])].sort((a, b) => a - b).flatMap((i) => (fix.steps[i] ? [fix.steps[i]!] : []));
    return [{ title: fix.title, done }];
  });
  const model: RequestModel = {
    answers,
    tried,
    form: {},
    guideLink: input.guideLink,
  };
  if (input.time) model.time = input.time;
  const browser = cleanLine(input.browser, 300);
  if (browser) model.browser = browser;
  // Cold start: the first page of the guide this tab showed was not its start, and no answer led there.
  const firstShown = journey.findIndex((e) => e.type === 'step-shown');
  const first = journey[firstShown];
  if (first?.type === 'step-shown' && first.node !== START && !journey.slice(0, firstShown).some((e) => e.type === 'answer-chosen')) {
    const before = journey.slice(0, firstShown);
    const via = before.some((e) => e.type === 'search-result-chosen') ? 'search' : before.some((e) => e.type === 'finding-shown') ? 'diagnose' : 'link';
    const q = lookup.question(first.node);
    const f = lookup.fix(first.node);
    if (q) model.opened = { title: q.question, kind: 'question', via };
    else if (f) model.opened = { title: f.title, kind: 'fix', via };
    else if (first.node === ESCALATE) model.opened = { title: 'this support request page', kind: 'escalate', via };
  }
  const address = cleanAddress(input.form.address);
  const since = cleanLine(input.form.since, LIMITS.since);
  if (address) model.form.address = address;
  if (since) model.form.since = since;
  if (input.form.otherDevice) model.form.otherDevice = input.form.otherDevice;
  if (input.diagnose) {
    model.diagnose = {
      ...(input.diagnose.status !== undefined ? { status: input.diagnose.status } : {}),
      schemes: input.diagnose.schemes,
      findings: input.diagnose.findings.map((id) => {
        const title = input.findingTitle?.(id);
        return title ? { id, title } : { id };
      }),
    };
  }
  return model;
}

const OTHER_DEVICE: Record<OtherDevice, string> = {
  yes: 'it works there',
  no: 'it fails there too',
  'not-tried': 'not tried yet',
};
const VIA = { link: 'from a link', search: 'from the search', diagnose: 'from the Diagnose page' } as const;

/** Markdown-escapes text that came from the person or the content, so it stays text. */
const md = (s: string) => s.replace(/[\\`*_{}[\]()<>#+!|~-]/g, (c) => `\\${c}`);

/** The request as plain text (for the textarea, the copy and the mailto) or Markdown (for a ticket system). */
export function requestText(m: RequestModel, format: 'text' | 'markdown' = 'text'): string {
  const M = format === 'markdown';
  const t = (s: string) => (M ? md(s) : s);
  const head = (s: string) => (M ? `**${s}**` : s);
  const item = (s: string) => `- ${s}`;
  const out: string[] = ['I am getting an HTTP 401 Unauthorized error and need help.', ''];

  const facts: string[] = [];
  if (m.form.address) facts.push(item(`Where it fails: ${t(m.form.address)}`));
  if (m.form.since) facts.push(item(`Since: ${t(m.form.since)}`));
  if (m.form.otherDevice) facts.push(item(`On another device or network: ${OTHER_DEVICE[m.form.otherDevice]}`));
  if (facts.length) out.push(head('The problem:'), ...facts, '');

  if (m.opened) {
    const where = m.opened.kind === 'question' ? `the question “${t(m.opened.title)}”` : m.opened.kind === 'fix' ? `“${t(m.opened.title)}”` : t(m.opened.title);
    out.push(`I opened the troubleshooting guide directly at ${where} (${VIA[m.opened.via]}).`, '');
  }
  if (m.answers.length) {
    out.push(head('What I answered in the guide:'));
    for (const a of m.answers) out.push(item(`${t(a.question)} ${t(a.answer)}`));
    out.push('');
  }
  if (m.tried.length) {
    out.push(head('What I tried:'));
    for (const f of m.tried) {
      out.push(item(`${t(f.title)}: did not fix it`));
      for (const d of f.done) out.push(`  ${item(`done: ${t(d)}`)}`);
    }
    out.push('');
  }
  if (m.diagnose) {
    const bits = [m.diagnose.status !== undefined && `status ${m.diagnose.status}`, m.diagnose.schemes.length > 0 && `challenge: ${m.diagnose.schemes.join(', ')}`].filter(Boolean).join('; ');
    out.push(head(`What the Diagnose page found${bits ? ` (${bits})` : ''}:`));
    if (!m.diagnose.findings.length) out.push(item('no known cause'));
    for (const f of m.diagnose.findings) out.push(item(M ? `\`${f.id}\`${f.title ? `: ${t(f.title)}` : ''}` : `${f.id}${f.title ? `: ${f.title}` : ''}`));
    out.push('');
  }
  out.push(item(`Guide link: ${M ? `<${m.guideLink}>` : m.guideLink}`));
  if (m.time) out.push(item(`Time: ${m.time.toISOString()} (UTC)`));
  if (m.browser) out.push(item(`Browser: ${t(m.browser)}`));
  return out.join('\n');
}

/** A mailto: link with the request as the body; the recipient is the build's SUPPORT_EMAIL, if set. */
export function mailto(body: string, to?: string, subject = 'HTTP 401 Unauthorized: request for help'): string {
  const address = to ? encodeURIComponent(to).replace(/%40/g, '@') : '';
  return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
