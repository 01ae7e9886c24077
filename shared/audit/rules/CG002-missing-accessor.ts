import { posix } from 'node:path';
import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG002-missing-accessor',
  severity: 'error',
  scope: 'command',
  pattern: true,
  description:
    'The Types file has no static accessor (`export const <C> = { execute(...) { return Commands.execute(...) }, commandName }`), found in the syntax tree.',
  help: '`continuum-gen audit --fix` inserts it in the generated shape when the params and result interfaces exist.',
  summary: (c) => `${plural(c, 'command')} missing static accessors`,
  label: 'no static accessors',
  check(context, report) {
    if (context.mode !== 'full') return;
    for (const { facts, typesFile, name, about } of context.reads) {
      if (!facts || typesFile === undefined || facts.accessor) continue;
      report(
        { file: typesFile, line: 1 },
        `${name} has no static accessor in ${posix.basename(typesFile)} (export const <C> = { execute(...) { return Commands.execute(...) }, commandName })${facts.params && facts.result ? '; continuum-gen audit --fix inserts it' : ''}`,
        about,
      );
    }
  },
});
