/**
 * <support-request> rewrites the escalation text from what this person did in
 * the guide (stored in this tab only). It reads answer labels and fix titles
 * from the page's own data, never from anything the person typed elsewhere.
 */
import { mailtoLink, supportRequest } from '../flow/summary';
import type { GuideData } from '../flow/client-data';
import { emptyContext } from '../flow/machine';
import { loadContext } from './guide-store';
import { copyText } from './copy-link';

class SupportRequest extends HTMLElement {
  connectedCallback() {
    const island = document.getElementById('guide-data');
    const textarea = this.querySelector('textarea');
    const mailto = this.querySelector<HTMLAnchorElement>('[data-mailto]');
    const copy = this.querySelector<HTMLButtonElement>('[data-copy]');
    const status = this.querySelector('[data-status]');
    if (!island?.textContent || !textarea) return;
    const data = JSON.parse(island.textContent) as GuideData;
    const steps = JSON.parse(this.querySelector('[data-fix-steps]')?.textContent || '{}') as Record<string, string[]>;
    const context = loadContext() ?? emptyContext();
    const text = supportRequest(
      context,
      {
        question: (id) => data.flow.questions.find((q) => q.id === id),
        fix: (id) => {
          const f = data.flow.fixes.find((x) => x.id === id);
          return f && { title: f.title, steps: steps[id] ?? [] };
        },
      },
      { url: location.href, time: new Date(), browser: navigator.userAgent },
    );
    textarea.value = text;
    const sync = () => mailto && (mailto.href = mailtoLink(textarea.value));
    sync();
    textarea.addEventListener('input', sync);
    if (copy) {
      copy.hidden = false;
      copy.addEventListener('click', async () => {
        const ok = await copyText(textarea.value, textarea);
        if (status) status.textContent = ok ? 'Request copied. Paste it into an email or ticket.' : 'Select the text and copy it.';
      });
    }
  }
}

customElements.define('support-request', SupportRequest);
