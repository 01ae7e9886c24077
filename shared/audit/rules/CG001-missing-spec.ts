import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG001-missing-spec',
  severity: 'warning',
  scope: 'command',
  pattern: false,
  description: "A command folder has no spec in the specs folder (matched by the spec's name field, not its file name).",
  help: 'Write the spec from the code with `continuum-gen reverse <command folder>`, or let `continuum-gen audit --fix` do it.',
  summary: (c) => `${plural(c, 'command')} without a spec`,
  label: 'no spec',
  check(context, report) {
    // A new folder without a spec is CG015's (the guard's) finding.
    for (const read of context.reads) {
      if (read.indexed || read.newBecause !== undefined) continue;
      const fix = read.result.status === 'reversed' ? `continuum-gen reverse ${read.folder}` : `yo continuum:command --name=${read.name}`;
      report(
        read.at,
        `${read.name} has no spec in ${context.config.roots.specs} (no spec has the name ${JSON.stringify(read.name)}); write it from the code: ${fix}`,
        { ...read.about, fix },
      );
    }
  },
});
