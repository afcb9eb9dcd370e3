import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { headersFile, type HelpDeskSettings } from '../lib/security-headers';

/**
 * Writes dist/_headers from the one list in src/lib/security-headers.ts, with
 * the build's EMBED_ORIGINS in frame-ancestors (there is no hand-kept copy in public/).
 */
export default function securityHeaders(settings: HelpDeskSettings): AstroIntegration {
  return {
    name: 'fix401-security-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await writeFile(new URL('_headers', dir), headersFile(settings));
        logger.info(`_headers written (frame-ancestors: ${settings.embedOrigins.join(' ') || "'none'"}) in ${fileURLToPath(dir)}`);
      },
    },
  };
}
