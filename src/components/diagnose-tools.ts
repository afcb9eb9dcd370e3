/**
 * The /diagnose/ tools as custom elements. The analyzers are pure modules
 * loaded on first use; every value taken from a paste is written with
 * textContent, so pasted HTML or script is shown, never run.
 */
import { sortFindings, type Finding } from '../diagnose/finding';
import { claimWhen, decodeJwt, type JwtReport, type TimeClaim } from '../diagnose/jwt';
import { MAX_PRETTY_DEPTH, prettyJson } from '../diagnose/json-pretty';
import { referenceClock } from '../diagnose/jwt-clock';
import { checkClock } from '../diagnose/clock';
import type { Analysis } from '../diagnose/analyze';
import { nodeUrl } from '../flow/addresses';
import { reportAnalysis } from './diagnose-report';
import { base } from './site-base';

// The response analyzer is the large part: fetch it while the person is still pasting,
// so analysing (like decoding a token) makes no request at all.
let analyzer: Promise<typeof import('../diagnose/analyze')> | undefined;
const loadAnalyzer = () => (analyzer ??= import('../diagnose/analyze'));
/** Above this, a paste is analyzed in a worker: the analyzer takes ~1 ms per 10 KB, and a task must stay under 50 ms. */
const WORKER_THRESHOLD_CHARS = 64 * 1024;
/** Quotes longer than this are cut, with a "Show all" button. */
const QUOTE_PREVIEW_CHARS = 240;

// What the JWT inspector judges times against: the clock check's offset, and the Date of the last analyzed response.
let clockOffsetMs = 0;
let responseDate: string | undefined;
const clockChanged = () => document.dispatchEvent(new CustomEvent('fix401:clock'));

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: (Node | string)[]) {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  e.append(...children);
  return e;
}

/** A pre that shows the first part of a long text, with a button to show all of it (and back). */
function clippedPre(text: string, className: string): HTMLElement {
  const code = el('code', { text });
  const pre = el('pre', { className }, code);
  pre.tabIndex = 0;
  if (text.length <= QUOTE_PREVIEW_CHARS) return pre;
  const short = `${text.slice(0, QUOTE_PREVIEW_CHARS)}…`;
  code.textContent = short;
  const button = el('button', { className: 'secondary small show-all', text: `Show all ${text.length.toLocaleString('en')} characters` });
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', () => {
    const open = button.getAttribute('aria-expanded') !== 'true';
    code.textContent = open ? text : short;
    button.textContent = open ? 'Show less' : `Show all ${text.length.toLocaleString('en')} characters`;
    button.setAttribute('aria-expanded', String(open));
  });
  return el('div', { className: 'clipped' }, pre, button);
}

const SEVERITY = { problem: 'Problem', warning: 'Check', info: 'Note' } as const;

export function findingCard(f: Finding): HTMLElement {
  const li = el('li', { className: `finding sev-${f.severity}` });
  li.append(el('p', { className: 'finding-head' }, el('span', { className: `pill sev-${f.severity}`, text: SEVERITY[f.severity] }), ' ', el('strong', { text: f.title })));
  li.append(el('p', { text: f.detail }));
  // The link before the evidence: a long quote never pushes it out of view.
  if (f.fixId) {
    const a = el('a', { className: 'button secondary', text: 'Go to the fix' });
    a.href = nodeUrl(base(), f.fixId);
    li.append(el('p', {}, a));
  }
  if (f.quote) li.append(clippedPre(f.quote, 'quote'));
  return li;
}

function findingList(findings: readonly Finding[]): HTMLElement {
  const ol = el('ol', { className: 'findings' });
  ol.append(...sortFindings(findings).map(findingCard));
  return ol;
}

function enable(root: HTMLElement) {
  root.closest('main')?.querySelector('[data-needs-js]')?.setAttribute('hidden', '');
  for (const b of root.querySelectorAll<HTMLButtonElement>('button[disabled]')) b.disabled = false;
}

let worker: Worker | undefined;
let nextJob = 0;

/** Large pastes go to a module worker; if it cannot start, the analyzer runs here after all. */
async function analyzeOffThread(text: string): Promise<Analysis> {
  if (text.length > WORKER_THRESHOLD_CHARS && typeof Worker === 'function') {
    try {
      worker ??= new Worker(new URL('./diagnose-worker.ts', import.meta.url), { type: 'module', name: 'diagnose' });
      const w = worker;
      const id = ++nextJob;
      return await new Promise<Analysis>((resolve, reject) => {
        const done = (event: MessageEvent<{ id: number; analysis?: Analysis; error?: string }>) => {
          if (event.data.id !== id) return;
          w.removeEventListener('message', done);
          w.removeEventListener('error', failed);
          if (event.data.analysis) resolve(event.data.analysis);
          else reject(new Error(event.data.error ?? 'The analyzer failed.'));
        };
        const failed = () => {
          w.removeEventListener('message', done);
          reject(new Error('worker'));
        };
        w.addEventListener('message', done);
        w.addEventListener('error', failed);
        w.postMessage({ id, text, now: Date.now() });
      });
    } catch (e) {
      if (!(e instanceof Error && e.message === 'worker')) throw e;
      worker = undefined;
    }
  }
  const { analyze } = await loadAnalyzer();
  return analyze(text);
}

function analysisView(result: Analysis): HTMLElement[] {
  const s = result.summary;
  const parts: HTMLElement[] = [];
  const heading = el('h3', { text: result.findings.length ? `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'}` : 'Nothing found in this paste' });
  heading.tabIndex = -1;
  parts.push(heading);
  const read = [s.status && `status ${s.status}${s.statusText ? ` ${s.statusText}` : ''}`, s.method && s.requestUrl && `${s.method} ${s.requestUrl}`, `read as ${s.format}`].filter(Boolean).join(' · ');
  parts.push(el('p', { className: 'small muted', text: read }));
  for (const n of result.notices) parts.push(el('p', { className: 'warn small', text: n }));
  if (result.findings.length) parts.push(findingList(result.findings));
  else {
    const a = el('a', { text: 'start the guide' });
    a.href = nodeUrl(base());
    parts.push(el('p', {}, 'We could not spot a known cause. Check that the paste includes the response headers (curl -v or the browser’s Network tab, “Response Headers”), or ', a, '.'));
  }
  return parts;
}

class ResponseAnalyzer extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector('textarea')!;
    const out = this.querySelector<HTMLElement>('[data-output]')!;
    const run = this.querySelector<HTMLButtonElement>('[data-run]')!;
    enable(this);
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 300));
    idle(() => void loadAnalyzer());
    let job = 0;
    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      job++;
      input.value = '';
      out.replaceChildren();
      if (responseDate !== undefined) {
        responseDate = undefined;
        clockChanged();
      }
      input.focus();
    });
    run.addEventListener('click', async () => {
      const mine = ++job;
      out.replaceChildren(el('p', { className: 'small muted', text: input.value.length > WORKER_THRESHOLD_CHARS ? 'Reading a large paste…' : 'Reading…' }));
      let parts: HTMLElement[];
      try {
        const result = await analyzeOffThread(input.value);
        if (mine !== job) return;
        parts = analysisView(result);
        reportAnalysis(result);
        responseDate = result.summary.date;
        clockChanged();
      } catch {
        if (mine !== job) return;
        parts = [el('h3', { text: 'This paste could not be analyzed' }), el('p', { className: 'warn', text: 'The analyzer failed on it. Paste only the request and response you are asking about, and try again.' })];
        parts[0]!.tabIndex = -1;
      }
      out.replaceChildren(...parts);
      parts[0]?.focus();
    });
  }
}

function claimRow(label: string, value: string | undefined, note?: string): HTMLElement | undefined {
  if (!value) return undefined;
  return el('tr', {}, el('th', { text: label }), el('td', {}, el('code', { text: value }), note ? el('span', { className: 'small muted', text: ` ${note}` }) : ''));
}
const timeRow = (label: string, t?: TimeClaim) => t && claimRow(label, claimWhen(t), `(${t.relative}${t.date ? `; ${t.date.toLocaleString()}` : ''})`);

function jsonBlock(title: string, value: unknown): HTMLElement[] {
  const pretty = prettyJson(value);
  const parts: HTMLElement[] = [el('h3', { text: title }), clippedPre(pretty.text, 'json')];
  if (pretty.truncated) {
    parts.push(el('p', { className: 'small muted', text: pretty.truncated === 'depth' ? `Truncated: nested deeper than ${MAX_PRETTY_DEPTH} levels; the deeper parts show as […] or {…}.` : 'Truncated: too long to show in full.' }));
  }
  return parts;
}

function verdictOf(r: JwtReport): string {
  if (r.kind === 'malformed') return `Not a readable JWT: ${r.error ?? 'unknown format'}`;
  if (r.kind === 'jwe') return 'An encrypted token (JWE): only the service holding the key can read its claims.';
  if (r.expired) return 'This token has expired.';
  return r.notYetValid ? 'This token is not valid yet.' : 'The token’s times look valid.';
}

function jwtView(r: JwtReport, clockLabel: string): HTMLElement[] {
  const parts: HTMLElement[] = [];
  parts.push(el('p', { className: `verdict ${r.expired || r.notYetValid || r.kind === 'malformed' ? 'bad' : 'ok'}`, text: verdictOf(r) }));
  if (r.kind === 'jws') parts.push(el('p', { className: 'small muted clock-source', text: clockLabel }));
  const rows = [
    claimRow('alg', r.alg),
    claimRow('kid', r.kid),
    claimRow('iss', r.iss),
    claimRow('sub', r.sub),
    claimRow('aud', r.aud.join(', ') || undefined),
    claimRow('scope', r.scopes.join(' ') || undefined),
    timeRow('exp', r.exp),
    timeRow('nbf', r.nbf),
    timeRow('iat', r.iat),
  ].filter((x): x is HTMLElement => !!x);
  if (rows.length) parts.push(el('table', { className: 'claims' }, el('caption', { className: 'visually-hidden', text: 'Token claims' }), el('tbody', {}, ...rows)));
  if (r.findings.length) parts.push(findingList(r.findings));
  if (r.header) parts.push(...jsonBlock('Header', r.header));
  if (r.payload) parts.push(...jsonBlock('Payload', r.payload));
  return parts;
}

class JwtInspector extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector('textarea')!;
    const out = this.querySelector<HTMLElement>('[data-output]')!;
    enable(this);
    const render = () => {
      const value = input.value;
      // Whatever happens next, the previous token's result must not stay on screen.
      out.replaceChildren();
      if (!value.trim()) return;
      try {
        const clock = referenceClock({ deviceNow: new Date(), clockOffsetMs, ...(responseDate !== undefined && { responseDate }) });
        out.replaceChildren(...jwtView(decodeJwt(value, { now: clock.now }), clock.label));
      } catch (e) {
        out.replaceChildren(el('p', { className: 'verdict bad', text: `This token could not be shown: ${e instanceof Error ? e.message : 'an unexpected error'}.` }));
      }
    };
    input.addEventListener('input', render);
    document.addEventListener('fix401:clock', render);
  }
}

class ClockCheck extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('[data-run]')!;
    const out = this.querySelector<HTMLElement>('[data-output]')!;
    enable(this);
    button.addEventListener('click', async () => {
      button.disabled = true;
      out.replaceChildren(el('p', { text: 'Checking…' }));
      try {
        const sentAt = Date.now();
        const res = await fetch(`${base()}?clock=${sentAt}`, { method: 'HEAD', cache: 'no-store' });
        const receivedAt = Date.now();
        const report = checkClock({ dateHeader: res.headers.get('date') ?? '', sentAt, receivedAt });
        const parts: HTMLElement[] = [];
        if (!report.ok) parts.push(el('p', { className: 'warn', text: report.error ?? 'The server did not send a usable time.' }));
        else {
          clockOffsetMs = report.offsetMs ?? 0;
          clockChanged();
          const seconds = Math.round(Math.abs(report.offsetMs ?? 0) / 1000);
          parts.push(el('p', { className: `verdict ${report.skewed ? 'bad' : 'ok'}`, text: report.skewed
            ? `Your device's clock is ${seconds} seconds ${report.direction}. Tokens and two-factor codes can fail until it is fixed.`
            : `Your device's clock is within ${Math.max(1, seconds)} s of the server's: fine for tokens and codes.` }));
          if (report.findings.length) parts.push(findingList(report.findings));
        }
        out.replaceChildren(...parts);
      } catch {
        out.replaceChildren(el('p', { className: 'warn', text: 'Could not reach the server to compare clocks. Check your connection and try again.' }));
      } finally {
        button.disabled = false;
      }
    });
  }
}

customElements.define('response-analyzer', ResponseAnalyzer);
customElements.define('jwt-inspector', JwtInspector);
customElements.define('clock-check', ClockCheck);
