import type { ts as TsNamespace } from 'ts-morph';
import { loadTypeScript } from './typescript-loader.js';

/**
 * Pure edit of a Types file the generator shares with hand-written code or with other commands
 * (a spec's `typesFile`: WallTypes.ts declaring five commands and the helpers they use). The
 * command's declarations live in one delimited block that regenerating replaces; everything
 * outside the blocks is the user's and is kept, except the hand-written declarations of the
 * names the block declares (the code the spec was read from), which the block replaces the first
 * time. Imports are merged: a name is imported once, and an import nothing uses any more goes.
 * Applying the edit to its own output changes nothing.
 */

/** The generated Types file of one command, split into the parts the merge places. */
export interface GeneratedTypes {
  /** The command name, which labels its block. */
  readonly command: string;
  /** The file's text as the Types template renders it for this command alone. */
  readonly text: string;
}

const beginMarker = (command: string): string => `// ── generated from the spec of ${command}: regenerating replaces this block ──`;
const endMarker = (command: string): string => `// ── end of ${command} ──`;
const IMPORTS_BEGIN = '// ── imports of the generated blocks ──';
const IMPORTS_END = '// ── end of imports ──';

/** Does a text hold a block written by this merge (reverse keeps such a file shared)? */
export function hasGeneratedBlock(text: string): boolean {
  return text.includes('// ── generated from the spec of ');
}

interface ImportLine {
  readonly typeOnly: boolean;
  readonly names: readonly string[];
  readonly from: string;
}

/** `import type { A, B } from 'x';` / `import { a } from 'x';` as written by the template. */
function parseImportLine(line: string): ImportLine | undefined {
  const match = /^import\s+(type\s+)?\{([^}]*)\}\s+from\s+'([^']+)';$/.exec(line.trim());
  if (!match) return undefined;
  return {
    typeOnly: match[1] !== undefined,
    names: match[2]
      .split(',')
      .map((n) => n.trim())
      .filter((n) => n !== ''),
    from: match[3],
  };
}

/** The template's text split: the header comment, its import lines, and the declarations. */
function split(text: string): { header: string; imports: ImportLine[]; body: string } {
  const lines = text.split('\n');
  const lastImport = lines.reduce((last, line, i) => (line.startsWith('import ') ? i : last), -1);
  const firstImport = lines.findIndex((line) => line.startsWith('import '));
  const header = lines.slice(0, Math.max(firstImport, 0)).join('\n').trimEnd();
  const imports = lines
    .slice(firstImport, lastImport + 1)
    .map(parseImportLine)
    .filter((i): i is ImportLine => i !== undefined);
  const body = lines
    .slice(lastImport + 1)
    .join('\n')
    .trim();
  return { header, imports, body };
}

/** The names a top-level statement declares (interface, type, enum, class, function, const). */
function declaredNames(statement: TsNamespace.Statement): string[] {
  const ts = loadTypeScript();
  if (
    (ts.isInterfaceDeclaration(statement) ||
      ts.isTypeAliasDeclaration(statement) ||
      ts.isEnumDeclaration(statement) ||
      ts.isClassDeclaration(statement) ||
      ts.isFunctionDeclaration(statement)) &&
    statement.name
  ) {
    return [statement.name.text];
  }
  if (ts.isVariableStatement(statement))
    return statement.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

function parse(text: string): TsNamespace.SourceFile {
  const ts = loadTypeScript();
  return ts.createSourceFile('types.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** Cut ranges out of a text (any order, no overlap); a blank line left doubled at a cut is dropped. */
function cut(text: string, ranges: readonly (readonly [number, number])[]): string {
  let out = text;
  for (const [start, range] of [...ranges].sort((a, b) => b[0] - a[0]).map(([s, e]) => [s, e] as const)) {
    let end = range;
    if (out.slice(0, start).endsWith('\n\n') && out[end] === '\n') end++;
    out = out.slice(0, start) + out.slice(end);
  }
  return out;
}

/** Where a statement starts (its JSDoc included) and ends (its line break included). */
function statementRange(statement: TsNamespace.Statement, source: TsNamespace.SourceFile, text: string): [number, number] {
  const start = statement.getStart(source, true);
  let end = statement.getEnd();
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  if (text[end] === '\n') end++;
  return [start, end];
}

/** Identifiers a text uses outside its import statements (what an import must stay for). */
function usedIdentifiers(source: TsNamespace.SourceFile): Set<string> {
  const ts = loadTypeScript();
  const used = new Set<string>();
  const visit = (node: TsNamespace.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return used;
}

/** The merged Types file: `generated` placed into `existing` (undefined when the file does not exist yet). */
export function mergeTypesFile(existing: string | undefined, generated: GeneratedTypes): string {
  const { header, imports, body } = split(generated.text);
  const block = `${beginMarker(generated.command)}\n\n${body}\n\n${endMarker(generated.command)}`;
  let text = existing ?? `${header}\n`;

  // 1. Outside the blocks, the hand-written declarations of the names this block declares go (the first time).
  const blockNames = new Set(parse(body).statements.flatMap(declaredNames));
  const blocksOf = (t: string): [number, number][] => {
    const ranges: [number, number][] = [];
    for (let at = t.indexOf('// ── generated from the spec of '); at >= 0; at = t.indexOf('// ── generated from the spec of ', at + 1)) {
      const command = /^\/\/ ── generated from the spec of (.+?): /.exec(t.slice(at))?.[1];
      const close = command !== undefined ? t.indexOf(endMarker(command), at) : -1;
      if (close >= 0) ranges.push([at, close + endMarker(command!).length]);
    }
    return ranges;
  };
  const inBlock = (position: number, ranges: readonly (readonly [number, number])[]): boolean =>
    ranges.some(([s, e]) => position >= s && position < e);
  {
    const source = parse(text);
    const ranges = blocksOf(text);
    const handWritten = source.statements.filter(
      (s) => !inBlock(s.getStart(source), ranges) && declaredNames(s).some((n) => blockNames.has(n)),
    );
    text = cut(
      text,
      handWritten.map((s) => statementRange(s, source, text)),
    );
  }

  // 2. The block, without declarations another block already makes (a type two commands share).
  const others = new Set<string>();
  {
    const source = parse(text);
    const ranges = blocksOf(text);
    const ownRange = ranges.find(([s]) => text.startsWith(beginMarker(generated.command), s));
    for (const statement of source.statements) {
      const at = statement.getStart(source);
      if (ownRange && at >= ownRange[0] && at < ownRange[1]) continue;
      for (const name of declaredNames(statement)) others.add(name);
    }
  }
  const blockSource = parse(block);
  const duplicates = blockSource.statements.filter((s) => declaredNames(s).some((n) => others.has(n)));
  const ownBlock = cut(
    block,
    duplicates.map((s) => statementRange(s, blockSource, block)),
  ).replace(/\n{3,}/g, '\n\n');
  const current = blocksOf(text).find(([s]) => text.startsWith(beginMarker(generated.command), s));
  if (current) text = text.slice(0, current[0]) + ownBlock + text.slice(current[1]);
  else text = `${text.trimEnd()}\n\n${ownBlock}\n`;

  // 3. Imports: names imported outside the generated import list stay where they are; the list
  //    holds what the blocks need besides; an import nothing uses any more goes.
  text = mergeImports(text, imports);
  return text.endsWith('\n') ? text : `${text}\n`;
}

function mergeImports(text: string, needed: readonly ImportLine[]): string {
  const { rest, listed } = takeImportList(text);
  const source = parse(rest);
  const used = usedIdentifiers(source);
  const pruned = pruneHandWrittenImports(rest, source, used);
  const lines = importListLines([...listed, ...needed], used, pruned.importedElsewhere);
  if (lines.length === 0) return pruned.text;
  return withImportList(pruned.text, `${IMPORTS_BEGIN}\n${lines.join('\n')}\n${IMPORTS_END}\n`);
}

/** The generated import list, read and taken out of the text; its lines are written again after the merge. */
function takeImportList(text: string): { readonly rest: string; readonly listed: ImportLine[] } {
  const listStart = text.indexOf(IMPORTS_BEGIN);
  const listEnd = listStart >= 0 ? text.indexOf(IMPORTS_END, listStart) : -1;
  if (listStart < 0 || listEnd < 0) return { rest: text, listed: [] };
  const listed: ImportLine[] = [];
  for (const line of text.slice(listStart + IMPORTS_BEGIN.length, listEnd).split('\n')) {
    const parsed = parseImportLine(line);
    if (parsed) listed.push(parsed);
  }
  return { rest: text.slice(0, listStart) + text.slice(listEnd + IMPORTS_END.length).replace(/^\n/, ''), listed };
}

/**
 * Hand-written imports: unused names go (their declarations may have been replaced); the names
 * they still import are not listed again.
 */
function pruneHandWrittenImports(
  text: string,
  source: TsNamespace.SourceFile,
  used: ReadonlySet<string>,
): { readonly text: string; readonly importedElsewhere: Set<string> } {
  const ts = loadTypeScript();
  const removals: [number, number, string][] = [];
  const importedElsewhere = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
    const clause = statement.importClause;
    const bindings = clause.namedBindings;
    if (clause.name || !bindings || !ts.isNamedImports(bindings)) {
      if (clause.name) importedElsewhere.add(clause.name.text);
      if (bindings && ts.isNamespaceImport(bindings)) importedElsewhere.add(bindings.name.text);
      continue;
    }
    const kept = bindings.elements.filter((e) => used.has(e.name.text));
    for (const e of kept) importedElsewhere.add(e.name.text);
    if (kept.length === bindings.elements.length) continue;
    const [start, end] = statementRange(statement, source, text);
    if (kept.length === 0) {
      removals.push([start, end, '']);
      continue;
    }
    const specifier = (statement.moduleSpecifier as TsNamespace.StringLiteral).text;
    const typeOnly = clause.isTypeOnly;
    const names = kept.map(
      (e) => `${!typeOnly && e.isTypeOnly ? 'type ' : ''}${e.propertyName ? `${e.propertyName.text} as ` : ''}${e.name.text}`,
    );
    removals.push([start, end, `import ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${specifier}';\n`]);
  }
  let out = text;
  for (const [start, end, replacement] of removals.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + replacement + out.slice(end);
  return { text: out, importedElsewhere };
}

/** The list: every name a block needs (listed before or needed now) that is used and not imported elsewhere, a line a module. */
function importListLines(wanted: readonly ImportLine[], used: ReadonlySet<string>, importedElsewhere: ReadonlySet<string>): string[] {
  const byModule = new Map<string, { typeOnly: boolean; names: Set<string> }>();
  for (const line of wanted) {
    for (const name of line.names) {
      if (!used.has(name) || importedElsewhere.has(name)) continue;
      const key = `${line.typeOnly ? 'type' : 'value'} ${line.from}`;
      const entry = byModule.get(key) ?? { typeOnly: line.typeOnly, names: new Set<string>() };
      entry.names.add(name);
      byModule.set(key, entry);
    }
  }
  return [...byModule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([key, entry]) =>
        `import ${entry.typeOnly ? 'type ' : ''}{ ${[...entry.names].sort().join(', ')} } from '${key.slice(key.indexOf(' ') + 1)}';`,
    );
}

/** The import list after the last import statement, else after the header comment. */
function withImportList(text: string, list: string): string {
  const ts = loadTypeScript();
  const after = parse(text);
  const lastImport = [...after.statements].reverse().find((s) => ts.isImportDeclaration(s));
  if (lastImport) {
    const [, end] = statementRange(lastImport, after, text);
    return `${text.slice(0, end)}${list}${text.slice(end)}`;
  }
  const firstStatement = after.statements[0];
  const firstBlock = text.indexOf('// ── generated from the spec of ');
  const at = Math.min(firstStatement ? firstStatement.getStart(after, true) : text.length, firstBlock >= 0 ? firstBlock : text.length);
  const before = text.slice(0, at).trimEnd();
  return `${before}${before === '' ? '' : '\n\n'}${list}\n${text.slice(at).trimStart()}`;
}
