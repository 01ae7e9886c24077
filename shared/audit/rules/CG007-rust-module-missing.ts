import { defineRule, plural } from '../rule.js';
import { rustIpcModules } from '../rust-modules.js';

export default defineRule({
  id: 'CG007-rust-module-missing',
  severity: 'error',
  scope: 'command',
  pattern: false,
  description: 'A rust-ipc spec names a Rust module (rust.module, default modules/<first segment>) that the crate does not have.',
  help: '`continuum-gen rust-module --spec=<spec file>` writes it.',
  summary: (c) => `${plural(c, 'rust-ipc command')} whose Rust module is missing`,
  label: 'Rust module missing',
  check(context, report) {
    for (const { command, specFile, spec, modulePath, candidates, moduleFile } of rustIpcModules(context)) {
      if (moduleFile) continue;
      report(
        { file: specFile, line: context.specSources.line(specFile, spec.rust?.module !== undefined ? '/rust/module' : '/adapter') },
        `${command.name} is rust-ipc, but its module ${modulePath} is not in the crate (neither ${candidates.join(' nor ')}); write it: continuum-gen rust-module --spec=${specFile}`,
        {
          command: command.name,
          folder: command.folder,
          fix: `continuum-gen rust-module --spec=${specFile}`,
        },
      );
    }
  },
});
