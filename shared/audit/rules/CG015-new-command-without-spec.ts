import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG015-new-command-without-spec',
  severity: 'error',
  scope: 'command',
  pattern: false,
  description: 'A command folder that is new (untracked, staged, or added since the base ref) has no spec (audit --enforce).',
  help: 'Write the spec from the code with `continuum-gen reverse <command folder>`, or create the command with `yo continuum:command`.',
  summary: (c) => `${plural(c, 'new command')} without a spec`,
  label: 'new without spec',
  check(context, report) {
    for (const read of context.reads) {
      if (read.indexed || read.newBecause === undefined) continue;
      const fix = read.result.status === 'reversed' ? `continuum-gen reverse ${read.folder}` : `yo continuum:command --name=${read.name}`;
      const where = `${context.config.roots.specs} (no spec has the name ${JSON.stringify(read.folderName)})`;
      report(
        read.at,
        `new command ${read.folderName} (${read.newBecause}) has no spec in ${where}; write it from the code: ${fix} (or create the command from a spec: yo continuum:command --name=${read.folderName})`,
        { ...read.about, fix },
      );
    }
  },
});
