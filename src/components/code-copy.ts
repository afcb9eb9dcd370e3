/**
 * <code-copy>: the Copy button on a code block (rendered hidden by
 * src/markdown/code-blocks.ts). Shown once this runs; says "Copied" through a
 * polite live region. Where the clipboard is refused, the code is selected so
 * Ctrl+C (⌘C) works.
 */
class CodeCopy extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('.code-copy-button');
    const pre = this.querySelector('pre');
    if (!button || !pre || button.dataset.ready) return;
    button.dataset.ready = '1';
    const status = document.createElement('span');
    status.className = 'code-status';
    status.setAttribute('role', 'status');
    button.before(status);
    button.hidden = false;
    let timer = 0;
    button.addEventListener('click', async () => {
      const text = (pre.textContent ?? '').replace(/\n$/, '');
      let said = 'Copied';
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        getSelection()?.selectAllChildren(pre);
        said = /Mac|iPhone|iPad/.test(navigator.userAgent) ? 'Selected: press ⌘C' : 'Selected: press Ctrl+C';
      }
      // Empty first, so a second click is announced again.
      status.textContent = '';
      clearTimeout(timer);
      requestAnimationFrame(() => (status.textContent = said));
      timer = window.setTimeout(() => (status.textContent = ''), 5000);
    });
  }
}

if (!customElements.get('code-copy')) customElements.define('code-copy', CodeCopy);
