/**
 * The control of gc-promotion.test.ts, run as a process of its own: every command's Types file
 * parsed as reverse parses it, with one fact per file memoised the way reverse did before issue 18's
 * fix, in a WeakMap keyed by the file (`per-file` memoises it on the file instead, as reverse does now).
 *
 *   node dist/test/speed/weakmap-memo.js weakmap|per-file <project folder>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSource, perFile, type ts } from '../../shared/reverse/syntax.js';

const [how, dir] = process.argv.slice(2);
const typesFiles = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('Types.ts'))
  .map((entry) => join(entry.parentPath, entry.name))
  .sort();

const memo = new WeakMap<ts.SourceFile, readonly ts.Statement[]>();
const inWeakMap = (file: ts.SourceFile): readonly ts.Statement[] => {
  let known = memo.get(file);
  if (!known) memo.set(file, (known = [...file.statements]));
  return known;
};
const onTheFile = perFile((file): readonly ts.Statement[] => [...file.statements]);
const statementsOf = how === 'weakmap' ? inWeakMap : onTheFile;

let statements = 0;
for (const path of typesFiles) statements += statementsOf(parseSource(path, readFileSync(path, 'utf8'))).length;
process.stdout.write(`${JSON.stringify({ files: typesFiles.length, statements })}\n`);
