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
      // A leading underscore marks a name bound only to be left out (`{ $schema: _schema, ...spec }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // describe()/it() callbacks group cases; their length is the number of cases, not a function's.
    files: ['test/**/*.test.ts'],
    rules: { 'max-lines-per-function': 'off' },
  },
  {
    // The bin's entry is CommonJS on purpose (it starts without Node's ESM loader): require() is its import.
    files: ['bin/**/*.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
