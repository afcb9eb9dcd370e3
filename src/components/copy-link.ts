/** <copy-link>: the link is readable and selectable without JS; the button appears with it. */
class CopyLink extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    const input = this.querySelector('input');
    const status = this.querySelector('[data-status]');
    if (!button || !input) return;
    input.value = location.href;
    button.hidden = false;
    button.addEventListener('click', async () => {
      const ok = await copyText(input.value, input);
      if (status) status.textContent = ok ? 'Link copied.' : 'Select the link and copy it.';
    });
  }
}

export async function copyText(text: string, fallback?: HTMLInputElement | HTMLTextAreaElement): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    fallback?.select();
    return false;
  }
}

customElements.define('copy-link', CopyLink);
