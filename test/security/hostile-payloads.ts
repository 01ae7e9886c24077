/**
 * Spec text written to escape from where generators put it: out of a comment, a doc comment, a
 * string or template literal, into a doctest, a markdown block or an HTML tag. Each carries a
 * marker (`zqx` + digits) where it would be code if it escaped: test/support/code-markers.ts
 * finds markers the compilers' grammars see as identifiers.
 */
export const HOSTILE_PAYLOADS: readonly string[] = [
  '*/ export const zqx1 = 1; /*',
  'ends the line\nexport const zqx2 = 1; // and the next',
  "' + zqx3 + '",
  '" + zqx4 + "',
  'runs ${zqx5} at run time',
  '` + zqx6 + `',
  'ends in a backslash \\',
  'a bare CR\rfn zqx7() {}',
  'a line separator\u2028export const zqx8 = 1;\u2029 and a paragraph one',
  'a doctest:\n```\nzqx9();\n```',
  'an indented one:\n\n    zqx10();',
  'the module header\n#![cfg(any())]\npub fn zqx11() {}',
  'Kotlin templates $zqx12 and ${zqx13}',
  'Swift interpolation \\(zqx14)',
  '/* a nested comment opener, never closed',
  'a trigraph ??/\nint zqx15;',
  'controls: nul \u0000 bell \u0007 escape \u001b delete \u007f',
  '""" + zqx16 + """',
  "''' zqx17 '''",
  '<script>zqx18()</script> <img src=x onerror=zqx19()>',
  '| zqx20 | a table cell | of its own |',
  '# zqx21 a heading',
  'format braces {zqx22} {{ }} {}',
  'Trojan Source \u202e zqx23 \u2066 isolate \u2069',
  'NEL\u0085let zqx24 = 1; and a BOM \ufeff',
  '- ```\n  zqx25();\n  ```',
  '> ```\n> zqx26();\n> ```',
  'emoji 🚀, astral 𝔘, combining e\u0301, CJK 漢字',
  '#[cfg(any())] mod zqx27 {}',
  'a\n\n1. ```rust\n   zqx28();\n   ```',
];
