/**
 * The one inline script of the site: it runs in <head>, before first paint,
 * and marks <html class="embedded"> when the page is framed by the embed
 * (`?embed=1`, remembered for the tab so later steps keep it). An inline
 * script needs its hash in the CSP: astro.config.mjs adds EMBED_MODE_HASH to
 * every page's script-src, so the text here and the hash cannot differ.
 */
import { createHash } from 'node:crypto';

export const EMBED_FLAG_KEY = 'fix401:embed';

export const EMBED_MODE_SCRIPT =
  "(function(){var d=document.documentElement,q=new URLSearchParams(location.search).get('embed')==='1',s=false;" +
  "if(window.top===window.self)return;" +
  `try{s=sessionStorage.getItem('${EMBED_FLAG_KEY}')==='1';if(q)sessionStorage.setItem('${EMBED_FLAG_KEY}','1')}catch(e){}` +
  "if(q||s)d.classList.add('embedded')})()";

export const EMBED_MODE_HASH = `sha256-${createHash('sha256').update(EMBED_MODE_SCRIPT).digest('base64')}` as const;
