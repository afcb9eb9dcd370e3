import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { extractStep } from './extract-step';

/**
 * After the build, writes each guide step's panel next to its page as
 * guide/<id>/step.json. <fix-guide> prefetches the steps one answer away while
 * the person reads, so a step change needs no request, and nobody downloads
 * the whole guide to take three steps through it.
 */
export default function guideSteps(): AstroIntegration {
  return {
    name: 'fix401-guide-steps',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const guide = join(fileURLToPath(dir), 'guide');
        let count = 0;
        for (const name of await readdir(guide, { withFileTypes: true })) {
          if (!name.isDirectory()) continue;
          const page = await readFile(join(guide, name.name, 'index.html'), 'utf8').catch(() => '');
          const step = extractStep(page);
          if (!step || step.node !== name.name) continue; // alias redirect pages have no step
          const { node: _node, ...rest } = step;
          await writeFile(join(guide, name.name, 'step.json'), JSON.stringify(rest));
          count++;
        }
        logger.info(`guide/<id>/step.json written for ${count} steps`);
      },
    },
  };
}
