/**
 * The framed side of /embed.js. When the head script marked the page
 * <html class="embedded"> (framed, opened with ?embed=1), this reports the
 * page's height to the parent on every change, so the frame never scrolls
 * inside. Messages go only to the parent's origin, and only when that origin
 * is one the build allows (EMBED_ORIGINS, in <meta name="fix401-embed-origins">).
 */
export const HEIGHT_MESSAGE = 'fix401:height';

let cached: string | null | undefined;

/** The origin of the page framing this one, if it is an allowed embedder; else null. */
export function parentOrigin(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  if (window.parent === window) return cached;
  const allowed = (document.querySelector<HTMLMetaElement>('meta[name="fix401-embed-origins"]')?.content ?? '').split(' ').filter(Boolean);
  let origin = location.ancestorOrigins?.[0];
  if (!origin && document.referrer) {
    try {
      origin = new URL(document.referrer).origin;
    } catch {
      origin = undefined;
    }
  }
  if (origin && allowed.includes(origin)) cached = origin;
  return cached;
}

const isEmbedded = () => document.documentElement.classList.contains('embedded');

function start() {
  if (!isEmbedded()) return;
  const to = parentOrigin();
  if (!to) return;
  let last = -1;
  const post = () => {
    // The body's own height: the document's scrollHeight never shrinks below the frame's current height.
    const body = document.body;
    const style = getComputedStyle(body);
    const height = Math.ceil(body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: HEIGHT_MESSAGE, height }, to);
  };
  new ResizeObserver(post).observe(document.body);
  post();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
