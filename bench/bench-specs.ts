import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CommandSpecV2, Environment } from '../shared/spec/command-spec.js';

const here = dirname(fileURLToPath(import.meta.url));
// Compiled to dist/bench/; the data stays in bench/data/ beside the sources.
export const namesFile = [
  join(here, 'data', 'continuum-command-names.txt'),
  join(here, '..', '..', 'bench', 'data', 'continuum-command-names.txt'),
].find((p) => {
  try {
    readFileSync(p);
    return true;
  } catch {
    return false;
  }
})!;

/** The ~350 realistic command names of the host, one a line. */
export function benchNames(): string[] {
  return readFileSync(namesFile, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** A spec of varied shape for the n-th name: environments, unions, defaults, types, no-params commands. */
export function specFor(name: string, n: number): CommandSpecV2 {
  const environments: Environment[] = ['server', 'both', 'browser'];
  const withParams = n % 5 !== 0;
  const withTypes = n % 3 === 0;
  return {
    version: 2,
    name,
    description: `Benchmark command ${name}`,
    environment: environments[n % 3],
    accessLevel: n % 2 === 0 ? 'ai-safe' : 'internal',
    ...(n % 7 === 0 ? { className: `Bench${n}` } : {}),
    ...(withTypes
      ? {
          types: {
            [`Item${n}`]: {
              description: 'One item',
              fields: { id: { type: 'string' }, score: { type: 'number', optional: true }, kind: { type: "'a' | 'b'" } },
            },
          },
        }
      : {}),
    ...(withParams
      ? {
          params: [
            { name: 'target', type: 'string', description: 'What to act on' },
            { name: 'mode', type: "'fast' | 'safe'", optional: true, default: 'safe', description: 'How' },
            { name: 'limit', type: 'integer', optional: true, default: 10 },
            { name: 'tags', type: 'Record<string, string>', optional: true },
          ],
        }
      : {}),
    results: [
      { name: 'count', type: 'integer', description: 'How many' },
      { name: 'note', type: 'string | null' },
      ...(withTypes ? [{ name: 'items', type: `Item${n}[]` }] : []),
    ],
    examples: [{ description: 'Run it', command: `./jtag ${name}` }],
  };
}
