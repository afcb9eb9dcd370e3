/**
 * The /diagnose/ tools as custom elements. The analyzers are pure modules
 * loaded on first use; every value taken from a paste is written with
 * textContent, so pasted HTML or script is shown, never run.
 */
import { sortFindings, type Finding } from '../diagnose/finding';
import { claimWhen, decodeJwt, type JwtReport, type TimeClaim } from '../diagnose/jwt';
import { checkClock } from '../diagnose/clock';

// The response analyzer is the large part: fetch it while the person is still pasting,
// so analysing (like decoding a token) makes no request at all.
let analyzer: Promise<typeof import('../diagnose/analyze')> | undefined;
const loadAnalyzer = () => (analyzer ??= import('../diagnose/analyze'));

const base = () => document.documentElement.dataset.base ?? '/';
const fixHref = (id: string) => `${base()}guide/${id}/`;
// The clock check's result corrects the JWT inspector's "expired" verdict.
let clockOffsetMs = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: (Node | string)[]) {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  e.append(...children);
  return e;
}

const SEVERITY = { problem: 'Problem', warning: 'Check', info: 'Note' } as const;

export function findingCard(f: Finding): HTMLElement {
  const li = el('li', { className: `finding sev-${f.severity}` });
  li.append(el('p', { className: 'finding-head' }, el('span', { className: `pill sev-${f.severity}`, text: SEVERITY[f.severity] }), ' ', el('strong', { text: f.title })));
  li.append(el('p', { text: f.detail }));
  if (f.quote) li.append(el('pre', { className: 'quote' }, el('code', { text: f.quote })));
  if (f.fixId) {
    const a = el('a', { className: 'button secondary', text: 'Go to the fix' });
    a.href = fixHref(f.fixId);
    li.append(a);
  }
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

class ResponseAnalyzer extends HTMLElement {
  connectedCallback() {
    const input = this.querySelector('textarea')!;
    const out = this.querySelector<HTMLElement>('[data-output]')!;
    enable(this);
    const idle = window.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 300));
    idle(() => void loadAnalyzer());
    this.querySelector('[data-clear]')!.addEventListener('click', () => {
      input.value = '';
      out.replaceChildren();
      input.focus();
    });
    this.querySelector('[data-run]')!.addEventListener('click', async () => {
      const { analyze } = await loadAnalyzer();
      const result = analyze(input.value);
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
        a.href = `${base()}guide/`;
        parts.push(el('p', {}, 'We could not spot a known cause. Check that the paste includes the response headers (curl -v or the browser’s Network tab, “Response Headers”), or ', a, '.'));
      }
      out.replaceChildren(...parts);
      heading.focus();
    });
  }
}

function claimRow(label: string, value: string | undefined, note?: string): HTMLElement | undefined {
  if (!value) return undefined;
  const tr = el('tr', {}, el('th', { text: label }), el('td', {}, el('code', { text: value }), note ? el('span', { className: 'small muted', text: ` ${note}` }) : ''));
  return tr;
}
const timeRow = (label: string, t?: TimeClaim) => t && claimRow(label, claimWhen(t), `(${t.relative}${t.date ? `; ${t.date.toLocaleString()}` : ''})`);

class JwtInspector extends HTMLElement {
  private last = '';
  connectedCallback() {
    const input = this.querySelector('textarea')!;
    const out = this.querySelector<HTMLElement>('[data-output]')!;
    enable(this);
    const render = () => {
      const value = input.value;
      this.last = value;
      if (!value.trim()) return out.replaceChildren();
      out.replaceChildren(...this.view(decodeJwt(value, { clockOffsetMs })));
    };
    input.addEventListener('input', render);
    document.addEventListener('fix401:clock', render);
  }

  private view(r: JwtReport): HTMLElement[] {
    const parts: HTMLElement[] = [];
    const verdict =
      r.kind === 'malformed' ? `Not a readable JWT: ${r.error ?? 'unknown format'}` :
      r.kind === 'jwe' ? 'An encrypted token (JWE): only the service holding the key can read its claims.' :
      r.expired ? 'This token has expired.' : r.notYetValid ? 'This token is not valid yet.' : 'The token’s times look valid.';
    parts.push(el('p', { className: `verdict ${r.expired || r.notYetValid || r.kind === 'malformed' ? 'bad' : 'ok'}`, text: verdict }));
    if (clockOffsetMs) parts.push(el('p', { className: 'small muted', text: `Times judged by the server clock (your device is ${Math.round(Math.abs(clockOffsetMs) / 1000)} s ${clockOffsetMs > 0 ? 'behind' : 'ahead'}).` }));
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
    if (r.header) parts.push(el('h3', { text: 'Header' }), el('pre', {}, el('code', { text: JSON.stringify(r.header, null, 2) })));
    if (r.payload) parts.push(el('h3', { text: 'Payload' }), el('pre', {}, el('code', { text: JSON.stringify(r.payload, null, 2) })));
    for (const pre of parts.filter((p) => p.tagName === 'PRE')) pre.tabIndex = 0;
    return parts;
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
          document.dispatchEvent(new CustomEvent('fix401:clock'));
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
