import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG009-raw-execute',
  severity: 'error',
  scope: 'tree',
  pattern: true,
  description: 'A raw `Commands.execute(...)` call outside a static accessor, anywhere in the TypeScript sources.',
  help: "Call the command's static accessor (`<C>.execute(...)` from its Types file) instead.",
  summary: (_c, f) => `${plural(f, 'raw Commands.execute() call')} found`,
  label: 'raw Commands.execute() calls',
  check(context, report) {
    if (context.mode !== 'full') return;
    const message = (name: string | undefined): string =>
      name !== undefined
        ? `raw Commands.execute('${name}', ...) outside a static accessor; call the command's static accessor instead`
        : 'raw Commands.execute(...) with a computed command name, outside a static accessor; call the static accessor of the command instead';
    const properties = (name: string | undefined) => (name !== undefined ? { properties: { executes: name } } : {});
    // A shared Types file's own facts are reported once, not once per command.
    for (const { facts, typesFile, about, firstOfTypesFile } of context.reads) {
      if (!facts || typesFile === undefined || !firstOfTypesFile) continue;
      for (const call of facts.rawExecutes)
        report({ file: typesFile, line: call.line }, message(call.name), { ...about, ...properties(call.name) });
    }
    for (const { file, call } of context.sources?.rawExecutes ?? [])
      report({ file, line: call.line }, message(call.name), properties(call.name));
  },
});
