import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * typescript-eslint's recommended rules without type information (fast: no program is built),
 * plus a limit on function length and on branching, the two things long functions hide.
 */
export default defineConfig(
  {
    ignores: [
      'node_modules/',
      'dist/',
      '.tmp/',
      'test/golden/',
      'test/fixtures/',
      'templates/',
      'bench/hygen/',
      'bench/plop/',
      '**/expected/',
      '**/expected-edits/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
    rules: {
      'max-lines-per-function': ['error', { max: 100, skipBlankLines: true, skipComments: true }],
      complexity: ['error', { max: 20 }],
    },
  },
);
