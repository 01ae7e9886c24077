import { posix } from 'node:path';
import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG005-missing-result',
  severity: 'warning',
  scope: 'command',
  pattern: true,
  description: 'No interface in the Types file extends CommandResult.',
  help: 'Declare `export interface <C>Result extends CommandResult { success: boolean; ... }`.',
  summary: (c) => `${plural(c, 'command')} without a result interface`,
  label: 'no result interface',
  check(context, report) {
    if (context.mode !== 'full') return;
    for (const { facts, typesFile, about } of context.reads) {
      if (!facts || typesFile === undefined || facts.result) continue;
      report({ file: typesFile, line: 1 }, `no interface of ${posix.basename(typesFile)} extends CommandResult`, about);
    }
  },
});
