/**
 * The guide's browser code compiles the flow without validating it (the build
 * validates once) and steps it without XState's interpreter (src/flow/step.ts):
 * neither the validator nor xstate may end up in the guide page's bundle.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('the guide page bundle', () => {
  it('contains neither the validator nor xstate', async () => {
    const result = await build({
      entryPoints: ['src/components/fix-guide.ts', 'src/components/support-request.ts'],
      bundle: true,
      write: false,
      metafile: true,
      format: 'esm',
      outdir: 'out',
      logLevel: 'silent',
    });
    // Modules that contribute code (an import of one constant from machine.ts shakes XState out).
    const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).flatMap(([f, i]) => (i.bytesInOutput > 0 ? [f] : [])));
    expect(inputs).toContain('src/flow/step.ts');
    expect(inputs.filter((f) => f.endsWith('src/flow/validate.ts') || f.includes('node_modules/xstate/'))).toEqual([]);
  });
});
