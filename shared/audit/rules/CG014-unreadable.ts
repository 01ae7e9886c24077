import { generationRecords } from '../generation-records.js';
import { defineRule, plural } from '../rule.js';

export default defineRule({
  id: 'CG014-unreadable',
  severity: 'warning',
  scope: 'tree',
  pattern: true,
  description:
    'A file or folder the audit could not read: a syntax error, a spec that is not a JSON object with a name, a symbolic link loop, no permission.',
  help: 'Fix the file (the message says where); the audit skipped it.',
  summary: (_c, f) => `${plural(f, 'file')} that cannot be read or parsed`,
  label: 'unreadable files',
  check(context, report) {
    for (const { result, at, name, about } of context.reads) {
      if (result.status !== 'failed') continue;
      const parseErrors = result.warnings.filter((w) => w.kind === 'parse-error');
      for (const warning of parseErrors)
        report({ file: warning.file, line: warning.line ?? 1 }, `${warning.file} ${warning.message}`, about);
      if (parseErrors.length === 0) report(at, `no Types file of ${name} could be read (shared/<Name>Types.ts)`, about);
    }
    for (const { file, line, message } of context.sources?.unparsable ?? [])
      report({ file, line }, `${file} does not parse (${message}); its Commands.execute calls were not checked`);
    if (context.mode === 'full') {
      for (const file of context.specIndex.unreadable)
        report(
          { file, line: context.specSources.syntaxErrorLine(file) },
          `${file} is not a spec (a JSON object with a string name); skipped`,
        );
      for (const { file, line, message } of generationRecords(context).unreadable) report({ file, line }, message);
    }
    for (const problem of context.readerProblems)
      report({ file: context.relative(problem.path), line: 1 }, `${context.relative(problem.path)} ${problem.message}`);
  },
});
