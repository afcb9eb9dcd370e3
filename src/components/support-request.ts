/**
 * <support-request> rewrites the escalation text from what this person did
 * in this tab: the answers they gave (not the usual way a cold link assumes),
 * the fixes they tried and the steps they ticked, what they write in the
 * short form, and, if they tick the box, Diagnose's findings as ids only.
 * Labels and titles come from the page's own data. The form is not a <form>:
 * what is typed goes into the text below and nowhere else (never stored).
 */
import { cleanLine, DIAGNOSE_KEY, mailto, parseDiagnose, requestModel, requestText, type OtherDevice, type RequestForm } from '../lib/support-text';
import type { GuideData } from '../flow/client-data';
import { nodeUrl } from '../flow/addresses';
import { loadContext } from './guide-store';
import { copyText } from './copy-link';
import { readJourney } from './outcome-events';

function json<T>(el: Element | null, fallback: T): T {
  try {
    return el?.textContent ? (JSON.parse(el.textContent) as T) : fallback;
  } catch {
    return fallback;
  }
}

function storedDiagnose(known: ReadonlySet<string>) {
  try {
    return parseDiagnose(sessionStorage.getItem(DIAGNOSE_KEY), known);
  } catch {
    return undefined;
  }
}

class SupportRequest extends HTMLElement {
  connectedCallback() {
    const island = document.getElementById('guide-data');
    const textarea = this.querySelector('textarea');
    const mailLink = this.querySelector<HTMLAnchorElement>('[data-mailto]');
    const status = this.querySelector('[data-status]');
    const form = this.querySelector<HTMLFieldSetElement>('[data-form]');
    if (!island?.textContent || !textarea) return;
    const data = json<GuideData | undefined>(island, undefined);
    if (!data) return;
    const steps = json<Record<string, string[]>>(this.querySelector('[data-fix-steps]'), {});
    const titles = json<Record<string, string>>(this.querySelector('[data-finding-titles]'), {});
    const email = this.dataset.email || undefined;
    const diagnose = storedDiagnose(new Set(Object.keys(titles)));
    const consent = this.querySelector<HTMLElement>('[data-diagnose-consent]');
    if (diagnose && consent) consent.hidden = false;
    const stored = loadContext();
    const context = {
      trail: Array.isArray(stored?.trail) ? stored.trail : [],
      tried: Array.isArray(stored?.tried) ? stored.tried : [],
      ticked: stored?.ticked && typeof stored.ticked === 'object' ? stored.ticked : {},
    };
    const journey = readJourney();
    // The guide's own link: the last fix this tab showed (what support should read), else this page.
    const lastFix = [...journey].reverse().find((e) => e.type === 'step-shown' && data.flow.fixes.some((f) => f.id === e.node));
    const guideLink = lastFix?.type === 'step-shown' ? new URL(nodeUrl(data.base, lastFix.node), location.href).href : location.href.split(/[?#]/)[0]!;
    const time = new Date();
    const lookup = {
      question: (id: string) => data.flow.questions.find((q) => q.id === id),
      fix: (id: string) => {
        const f = data.flow.fixes.find((x) => x.id === id);
        return f && { title: f.title, steps: steps[id] ?? [] };
      },
    };

    const read = (): RequestForm => {
      const value = (name: string) => form?.querySelector<HTMLInputElement>(`input[name="${name}"]`)?.value;
      const other = form?.querySelector<HTMLInputElement>('input[name="other-device"]:checked')?.value as OtherDevice | undefined;
      return { address: value('address'), since: cleanLine(value('since'), 80), otherDevice: other ?? '' };
    };
    const model = () =>
      requestModel({
        context,
        journey,
        lookup,
        form: read(),
        ...(diagnose && this.querySelector<HTMLInputElement>('#request-diagnose')?.checked ? { diagnose } : {}),
        findingTitle: (id) => titles[id] || undefined,
        guideLink,
        time,
        browser: navigator.userAgent,
      });
    const sync = () => mailLink && (mailLink.href = mailto(textarea.value, email));
    const render = () => {
      textarea.value = requestText(model());
      sync();
    };
    render();
    if (form) {
      form.hidden = false;
      form.addEventListener('input', render);
      form.addEventListener('change', render);
    }
    textarea.addEventListener('input', sync);
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
      button.hidden = false;
      button.addEventListener('click', async () => {
        const markdown = button.dataset.copy === 'markdown';
        const ok = await copyText(markdown ? requestText(model(), 'markdown') : textarea.value, textarea);
        if (status) status.textContent = ok ? `Request copied${markdown ? ' as Markdown' : ''}. Paste it into an email or ticket.` : 'Select the text and copy it.';
      });
    }
  }
}

if (!customElements.get('support-request')) customElements.define('support-request', SupportRequest);
