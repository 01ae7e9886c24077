import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG016-untyped-json',
  severity: 'warning',
  scope: 'command',
  pattern: false,
  description:
    'A param, result or type field is untyped JSON (`unknown`, `object`, `Record<string, unknown>`): generation accepts it, but nothing checks its shape.',
  help: 'Declare the shape under `types` in the spec (or as an interface in the Types file) and use its name.',
  summary: (c, f) => `${plural(c, 'command')} with untyped JSON fields (${plural(f, 'field')})`,
  label: 'untyped JSON',
  check(context, report) {
    if (context.mode !== 'full') return;
    // Untyped JSON: accepted by generation, counted here (a person may declare the shape).
    for (const { facts, typesFile, name, about } of context.reads) {
      if (!facts || typesFile === undefined) continue;
      for (const { owner, field, line } of facts.untypedFields) {
        const subject = owner === 'params' ? `param ${field}` : owner === 'results' ? `result ${field}` : `field ${owner}.${field}`;
        report({ file: typesFile, line }, `${name}: ${subject} is untyped JSON (unknown); declare its shape under types when it is known`, {
          ...about,
          properties: { owner, field },
        });
      }
    }
  },
});
