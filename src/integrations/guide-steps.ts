import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { extractStep, type ExtractedStep } from './extract-step';

/**
 * After the build, collects every guide step panel into guide/steps.json, the
 * one file <fix-guide> fetches (once, when idle) to change steps without a load.
 */
export default function guideSteps(): AstroIntegration {
  return {
    name: 'fix401-guide-steps',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const guide = join(fileURLToPath(dir), 'guide');
        const steps: Record<string, Omit<ExtractedStep, 'node'>> = {};
        for (const name of await readdir(guide, { withFileTypes: true })) {
          if (!name.isDirectory()) continue;
          const page = await readFile(join(guide, name.name, 'index.html'), 'utf8').catch(() => '');
          const step = extractStep(page);
          if (!step || step.node !== name.name) continue; // alias redirect pages have no step
          const { node, ...rest } = step;
          steps[node] = rest;
        }
        await writeFile(join(guide, 'steps.json'), JSON.stringify(steps));
        logger.info(`guide/steps.json: ${Object.keys(steps).length} steps`);
      },
    },
  };
}
