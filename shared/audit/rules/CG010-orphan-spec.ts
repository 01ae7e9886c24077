import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG010-orphan-spec',
  severity: 'warning',
  scope: 'tree',
  pattern: false,
  description: 'A command spec whose name no command folder has (trait-only specs are not commands and are not checked).',
  help: 'Generate the command from it (`continuum-gen command --spec=<spec file>`) or delete the spec.',
  summary: (_c, f) => `${plural(f, 'orphan spec')} (no command folder)`,
  label: 'orphan specs',
  check(context, report) {
    if (context.mode !== 'full') return;
    for (const [name, indexed] of context.specIndex.byName) {
      // Trait specs declare Rust traits, not a command: they have no command folder.
      if (context.commandNames.has(name) || indexed.spec.adapter === 'trait-only') continue;
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
