import { defineRule, plural } from '../rule.js';
import { specWritesCommand } from '../spec-adapter.js';

export default defineRule({
  id: 'CG010-orphan-spec',
  severity: 'warning',
  scope: 'tree',
  pattern: false,
  description:
    'A command spec whose name no command folder has (specs of an adapter that writes no command, such as trait-only, are not checked).',
  help: 'Generate the command from it (`continuum-gen command --spec=<spec file>`) or delete the spec.',
  summary: (_c, f) => `${plural(f, 'orphan spec')} (no command folder)`,
  label: 'orphan specs',
  check(context, report) {
    if (context.mode !== 'full') return;
    for (const [name, indexed] of context.specIndex.byName) {
      // A spec whose adapter writes no command (trait-only, a plugin's) has no command folder.
      if (context.commandNames.has(name) || !specWritesCommand(context, indexed.spec, indexed.file)) continue;
      report(
        { file: indexed.file, line: context.specSources.line(indexed.file, '/name') },
        `the spec ${indexed.file} names ${JSON.stringify(name)}, which no command folder under ${context.config.roots.commands} has; generate it (continuum-gen command --spec=${indexed.file}) or delete the spec`,
        {
          command: name,
          fix: `continuum-gen command --spec=${indexed.file}`,
        },
      );
    }
  },
});
