import { defineRule, plural } from '../rule.js';
import { rustIpcModules } from '../rust-modules.js';

export default defineRule({
  id: 'CG008-rust-trait-missing',
  severity: 'error',
  scope: 'command',
  pattern: false,
  description: 'The Rust module of a rust-ipc spec does not implement a trait the spec lists (rust.traits), or ServiceModule.',
  help: 'Add `impl <Trait> for <Module>` (regenerating with `continuum-gen rust-module --spec=<spec file>` writes the stubs).',
  summary: (c, f) => `${plural(c, 'rust-ipc command')} whose module misses a listed trait (${plural(f, 'trait')})`,
  label: 'Rust trait missing',
  check(context, report) {
    for (const { command, specFile, spec, moduleFile } of rustIpcModules(context)) {
      if (!moduleFile) continue;
      const serviceImpl = moduleFile.impls.find((i) => i.trait === 'ServiceModule');
      const wanted = ['ServiceModule', ...(spec.rust?.traits ?? [])];
      for (const [index, trait] of wanted.entries()) {
        if (moduleFile.impls.some((i) => i.trait === trait)) continue;
        const pointer = index === 0 ? '/adapter' : `/rust/traits/${index - 1}`;
        report(
          { file: moduleFile.file, line: serviceImpl?.line ?? 1 },
          `${moduleFile.file} does not implement ${trait}, which ${index === 0 ? `every rust-ipc module (${command.name}) must` : `the spec of ${command.name} lists (${specFile})`}`,
          {
            command: command.name,
            folder: command.folder,
            related: {
              file: specFile,
              line: context.specSources.line(specFile, pointer),
              message: index === 0 ? 'the rust-ipc spec' : `the spec lists ${trait}`,
            },
            properties: { trait },
          },
        );
      }
    }
  },
});
