/* global document, window, URL, HTMLElement, CustomEvent */
/*
 * Fix 401 embed: put the guide in a help centre page.
 *
 *   <script src="https://fix401.example/embed.js" defer></script>
 *   <fix-401 start="api-invalid-token"></fix-401>
 *
 * <fix-401> frames /guide/<start>/ (the start of the guide without `start`). The framed
 * page drops its header and footer and reports its height, so the frame never scrolls
 * inside. Only pages whose origin the guide was built to allow (EMBED_ORIGINS) can frame
 * it; for any other page the browser refuses the frame.
 *
 * Messages are accepted only from the guide's own origin and from this element's frame.
 * Outcome events (ids only) are re-dispatched on the element as `fix401:outcome`:
 *   document.addEventListener('fix401:outcome', (e) => console.log(e.detail));
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src || !window.customElements || window.customElements.get('fix-401')) return;
  // The guide lives next to this file: https://host/help/401/embed.js -> https://host/help/401/
  var base = new URL('./', script.src);
  var ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  class Fix401 extends HTMLElement {
    connectedCallback() {
      if (this.frame) return;
      var start = this.getAttribute('start') || '';
      var src = new URL(start && start.length <= 80 && ID.test(start) ? 'guide/' + start + '/' : 'guide/', base);
      src.searchParams.set('embed', '1');
      var frame = document.createElement('iframe');
      frame.src = src.href;
      frame.title = this.getAttribute('label') || 'Fix 401: troubleshoot an HTTP 401 Unauthorized error';
      frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
      frame.style.display = 'block';
      frame.style.width = '100%';
      frame.style.border = '0';
      frame.style.height = (Number(this.getAttribute('height')) || 640) + 'px';
      this.frame = frame;
      this.onMessage = this.onMessage.bind(this);
      window.addEventListener('message', this.onMessage);
      this.appendChild(frame);
    }

    disconnectedCallback() {
      window.removeEventListener('message', this.onMessage);
      if (this.frame) this.frame.remove();
      this.frame = undefined;
    }

    onMessage(event) {
      if (!this.frame || event.origin !== base.origin || event.source !== this.frame.contentWindow) return;
      var data = event.data;
      if (!data || typeof data !== 'object') return;
      if (data.type === 'fix401:height' && typeof data.height === 'number' && isFinite(data.height)) {
        this.frame.style.height = Math.min(Math.max(Math.ceil(data.height), 80), 50000) + 'px';
        this.dispatchEvent(new CustomEvent('fix401:resize', { detail: { height: data.height } }));
      } else if (data.type === 'fix401:outcome' && data.detail && typeof data.detail === 'object') {
        this.dispatchEvent(new CustomEvent('fix401:outcome', { detail: data.detail, bubbles: true, composed: true }));
      }
    }
  }

  window.customElements.define('fix-401', Fix401);
})();
