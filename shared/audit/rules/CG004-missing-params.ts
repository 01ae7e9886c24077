import { posix } from 'node:path';
import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG004-missing-params',
  severity: 'warning',
  scope: 'command',
  pattern: true,
  description: 'No interface in the Types file extends CommandParams (a command without params declares `_noParams?: never`).',
  help: 'Declare `export interface <C>Params extends CommandParams { ... }`.',
  summary: (c) => `${plural(c, 'command')} without a params interface`,
  label: 'no params interface',
  check(context, report) {
    if (context.mode !== 'full') return;
    for (const { facts, typesFile, about } of context.reads) {
      if (!facts || typesFile === undefined || facts.params) continue;
      report(
        { file: typesFile, line: 1 },
        `no interface of ${posix.basename(typesFile)} extends CommandParams (a command without params declares \`_noParams?: never\`)`,
        about,
      );
    }
  },
});
