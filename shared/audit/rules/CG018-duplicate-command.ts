import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG018-duplicate-command',
  severity: 'error',
  scope: 'command',
  pattern: false,
  description: 'Two command folders claim one command name: one of them answers to a name that is not its own.',
  help: 'Give the copied folder its own name in its code, or delete it.',
  summary: (c) => `${plural(c, 'command folder')} claiming a name another folder has`,
  label: 'duplicate command names',
  check(context, report) {
    for (const { owner, folder, result, judged, name, at, about } of context.reads) {
      if (owner === undefined || owner === folder || result.status !== 'reversed' || !judged) continue;
      report(at, `${folder} claims the command name ${JSON.stringify(name)}, which ${owner} already has`, {
        ...about,
        related: { file: owner, line: 1, message: 'the folder that has the name' },
      });
    }
  },
});
