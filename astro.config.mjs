// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { satteri } from '@astrojs/markdown-satteri';
import guideSteps from './src/integrations/guide-steps.ts';
import { baseLinks } from './src/markdown/base-links.ts';
import { codeBlocks } from './src/markdown/code-blocks.ts';
import { platformTabs } from './src/markdown/platform-tabs.ts';
import securityHeaders from './src/integrations/security-headers.ts';
import { metaDirectives, readSettings } from './src/lib/security-headers.ts';
import { EMBED_MODE_HASH } from './src/lib/embed-mode.ts';

// BASE_PATH lets a help desk host the guide under a sub-path (e.g. /help/401/);
// the e2e suite builds once with it to prove every link still resolves.
const base = process.env.BASE_PATH || '/';
// EMBED_ORIGINS, OUTCOME_ENDPOINT, SUPPORT_EMAIL (README, "For help desks"): one list of headers and directives.
const helpDesk = readSettings();

export default defineConfig({
  site: process.env.SITE_URL || 'https://fix401.example',
  base,
  outDir: process.env.OUT_DIR || 'dist',
  // The content layer caches entries here; a build of another CONTENT_DIR (tests, bench) must
  // use its own cache, or entries from one content tree leak into the other's build.
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  trailingSlash: 'always',
  // Inline CSS: one round trip fewer before first paint on a slow phone (the CSP hashes it).
  build: { format: 'directory', inlineStylesheets: 'always' },
  integrations: [mdx(), guideSteps(), securityHeaders(helpDesk)],
  markdown: {
    // Shiki writes inline style attributes, which a strict CSP refuses; Prism only adds classes.
    syntaxHighlight: 'prism',
    // Code blocks get a Copy button; runs of `### nginx` / `### Apache`... become tabs.
    processor: satteri({ hastPlugins: [baseLinks(base), codeBlocks(), platformTabs()] }),
  },
  security: {
    csp: {
      // connect-src follows OUTCOME_ENDPOINT; the embed-mode <head> script is the one inline script.
      directives: metaDirectives(helpDesk),
      scriptDirective: { hashes: [EMBED_MODE_HASH] },
    },
  },
  devToolbar: { enabled: false },
  // Vite's dependency cache follows the content cache: builds run side by side (npm test runs three)
  // must not rename the same node_modules/.vite/deps under each other.
  vite: { cacheDir: process.env.ASTRO_CACHE_DIR ? `${process.env.ASTRO_CACHE_DIR}/vite` : 'node_modules/.vite' },
});
