/**
 * PHP snippets are fragments of a file: wp-config.php lines, entries of a config array, a method chain
 * from bootstrap/app.php, a property of a settings class, and sometimes lines of two files in one block.
 */
import { withoutEllipses } from './common';

const OPEN = '<?php\n';

/** The places a fragment can sit in a file: as it is, inside a returned array, after an object, in a class. */
export const phpContexts = (fragment: string): string[] => [
  `${OPEN}${fragment}\n`,
  `${OPEN}return [\n${fragment}\n];\n`,
  `${OPEN}$app\n${fragment};\n`,
  `${OPEN}class Snippet {\n${fragment}\n}\n`,
];

/**
 * The ways to read a snippet. A reading is a list of pieces, each a list of sources of which one must parse;
 * the snippet is accepted when, in some reading, every piece has a source that parses. A snippet with its
 * own opening tag is one whole file. Otherwise it is read whole, in each context, and (when it has several
 * blank-line-separated parts, as a block holding two files' lines does) part by part.
 */
export function phpReadings(code: string): string[][][] {
  const body = withoutEllipses(code);
  if (/^\s*<\?php/.test(body)) return [[[body]]];
  const parts = body.split(/\n[ \t]*\n/).filter((p) => p.trim());
  const whole = [phpContexts(body)];
  return parts.length > 1 ? [whole, parts.map(phpContexts)] : [whole];
}
