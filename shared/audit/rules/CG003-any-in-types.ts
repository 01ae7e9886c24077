import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG003-any-in-types',
  severity: 'error',
  scope: 'command',
  pattern: true,
  description: "`any` in a command's Types file (a type, a cast, a parameter): the host allows none.",
  help: 'Name the shape: an interface in the Types file or under `types` in the spec.',
  summary: (c, f) => `${plural(c, 'command')} with any casts in types (${plural(f, 'any', 'anys')})`,
  label: 'any casts',
  check(context, report) {
    if (context.mode !== 'full') return;
    // A shared Types file's own facts are reported once, not once per command.
    for (const { facts, typesFile, name, about, firstOfTypesFile } of context.reads) {
      if (!facts || typesFile === undefined || !firstOfTypesFile) continue;
      for (const line of facts.anyLines) report({ file: typesFile, line }, `\`any\` in the Types file of ${name}`, about);
    }
  },
});
