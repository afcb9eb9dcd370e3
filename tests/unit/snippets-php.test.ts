import { describe, expect, it } from 'vitest';
import { phpContexts, phpReadings } from '../../scripts/snippets/php';

describe('reading a PHP snippet for php -l', () => {
  it('puts a fragment where it can sit in a file: as it is, in a returned array, after an object, in a class', () => {
    expect(phpContexts("'a' => 1,")).toEqual([
      "<?php\n'a' => 1,\n",
      "<?php\nreturn [\n'a' => 1,\n];\n",
      "<?php\n$app\n'a' => 1,;\n",
      "<?php\nclass Snippet {\n'a' => 1,\n}\n",
    ]);
  });

  it('reads a file that opens its own tag as one whole file, without the lines that stand for omitted code', () => {
    expect(phpReadings("<?php\ndefine('A', 1);\n...\n")).toEqual([[["<?php\ndefine('A', 1);\n"]]]);
  });

  it('reads a block of several parts whole, and also part by part (lines of two files in one block)', () => {
    const code = "// configuration.php\npublic $live_site = '';\n\n// wp-config.php\ndefine('WP_HOME', 'https://www.example.com');";
    const [whole, byPart] = phpReadings(code);
    expect(whole).toEqual([phpContexts(code)]);
    expect(byPart).toEqual([phpContexts("// configuration.php\npublic $live_site = '';"), phpContexts("// wp-config.php\ndefine('WP_HOME', 'https://www.example.com');")]);
    // One part: one reading.
    expect(phpReadings("'trusted_proxies' => ['10.0.0.2'],")).toHaveLength(1);
  });
});
