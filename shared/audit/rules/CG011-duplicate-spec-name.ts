import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG011-duplicate-spec-name',
  severity: 'error',
  scope: 'tree',
  pattern: false,
  description: 'Two spec files claim the same command name; only the first in path order is used.',
  help: 'Merge them into one file and delete the other.',
  summary: (_c, f) => `${plural(f, 'duplicate spec name')}`,
  label: 'duplicate spec names',
  check(context, report) {
    if (context.mode !== 'full') return;
    const { specSources } = context;
    for (const duplicate of context.specIndex.duplicates) {
      report(
        { file: duplicate.file, line: specSources.line(duplicate.file, '/name') },
        `${duplicate.file} names ${JSON.stringify(duplicate.name)}, which ${duplicate.claimedBy} already names; only ${duplicate.claimedBy} is used`,
        {
          command: duplicate.name,
          related: { file: duplicate.claimedBy, line: specSources.line(duplicate.claimedBy, '/name'), message: 'the spec that is used' },
        },
      );
    }
  },
});
