import { indexedProjectTraits } from '../../adapters/trait-only/trait-catalog.js';
import { defineRule, plural } from '../rule.js';
import { describeDrift, specDrift } from '../spec-drift.js';

export default defineRule({
  id: 'CG006-spec-drift',
  severity: 'error',
  scope: 'command',
  pattern: false,
  description:
    'The spec and the code disagree: the code, read back by reverse, has a field the spec lacks, lacks one it has, types it or its optionality differently, gives a param another default, or runs in another environment or through another adapter.',
  help: 'If the code is right: `continuum-gen reverse <command folder> --force` rewrites the spec; if the spec is right: regenerate with `continuum-gen command --spec=<spec file>`.',
  summary: (c, f) => `${plural(c, 'command')} drifting from the spec (${plural(f, 'difference')})`,
  label: 'spec drift',
  check(context, report) {
    if (context.mode !== 'full') return;
    // The project's own traits, as generation knows them: a module implementing one is not drift.
    const traits = indexedProjectTraits(context.specIndex, context.config);
    for (const { indexed, result, typesFile, facts, name, folder, about } of context.reads) {
      if (!indexed || !result.spec || typesFile === undefined) continue;
      let drift: ReturnType<typeof specDrift>;
      try {
        drift = specDrift(indexed.spec, result.spec, context.config, traits);
      } catch {
        drift = [];
      }
      for (const entry of drift) {
        const line =
          (entry.field !== undefined ? facts?.fieldLines.get(entry.owner)?.get(entry.field) : undefined) ??
          facts?.ownerLines.get(entry.owner) ??
          facts?.ownerLines.get(entry.owner === 'params' ? 'params' : 'results') ??
          1;
        const specLine = context.specSources.line(indexed.file, entry.pointer);
        report({ file: typesFile, line }, `${name}: ${describeDrift(entry)} (${indexed.file})`, {
          ...about,
          related: { file: indexed.file, line: specLine, message: `the spec's side of the drift` },
          fix: `continuum-gen reverse ${folder} --force`,
          properties: {
            drift: entry.kind,
            owner: entry.owner,
            ...(entry.field !== undefined ? { field: entry.field } : {}),
            ...(entry.spec !== undefined ? { spec: entry.spec } : {}),
            ...(entry.code !== undefined ? { code: entry.code } : {}),
          },
        });
      }
    }
  },
});
