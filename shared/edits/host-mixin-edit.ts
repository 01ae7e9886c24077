/**
 * Syntax-aware edit of a hand-written IPC mixin (`bindings/modules/gpu.ts`): a generated command's
 * method joins the mixin's interface and its class, its wire types are imported and re-exported
 * (RustCoreIPC.ts re-exports them from here). Done with ts-morph over the file's syntax tree, so
 * every line of the file stays as it was; ts-morph is loaded only when such an edit is needed.
 */
import type * as TsMorph from 'ts-morph';
import { EditError } from './edit-error.js';
import { loadTsMorph } from './typescript-loader.js';
import { GENERATED_MARK, type HostModuleProblem } from './host-module-edit.js';

/** One generated command joining the mixin. */
export interface MixinCommandAddition {
  readonly command: string;
  readonly description: string;
  readonly clientMethod: string;
  readonly paramsStruct: string;
  readonly resultStruct: string;
  /** Type-only imports the method needs: the wire types, each from its ts-rs file. */
  readonly imports: ReadonlyArray<{ readonly name: string; readonly from: string }>;
}

export interface HostMixinShape {
  /** The mixin's function and interface name (GpuMixin). */
  readonly mixin: string;
}

const EXPECTED_MIXIN =
  'export interface <Module>Mixin { ... } and export function <Module>Mixin<T extends ...>(Base: T) { return class extends Base implements <Module>Mixin { ... }; }';

interface LocatedMixin {
  readonly file: TsMorph.SourceFile;
  readonly mixin: string;
  readonly contract: TsMorph.InterfaceDeclaration;
  readonly implementation: TsMorph.ClassExpression;
}

function sourceFile(text: string): TsMorph.SourceFile {
  const { Project, IndentationText, QuoteKind } = loadTsMorph();
  // The file's own indentation: the host's mixins are tab-indented.
  const tabs = /^\t+\S/m.test(text);
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: tabs ? IndentationText.Tab : IndentationText.TwoSpaces, quoteKind: QuoteKind.Single },
  });
  return project.createSourceFile('/mixin.ts', text);
}

const positionIn = (file: TsMorph.SourceFile, node: TsMorph.Node | undefined): { line: number; column: number } => {
  if (!node) return { line: 1, column: 1 };
  const { line, column } = file.getLineAndColumnAtPos(node.getStart());
  return { line, column };
};

function locateMixin(file: TsMorph.SourceFile): LocatedMixin | HostModuleProblem {
  const { SyntaxKind } = loadTsMorph();
  const functions = file.getFunctions().filter((f) => f.isExported() && (f.getName() ?? '').endsWith('Mixin'));
  const candidates = functions.filter((f) => file.getInterface(f.getName()!)?.isExported());
  if (candidates.length !== 1) {
    const at = positionIn(file, candidates[1] ?? functions[0]);
    return {
      ...at,
      problem:
        candidates.length === 0
          ? 'no exported mixin function with an exported interface of the same name'
          : 'more than one mixin in the file',
      expected: EXPECTED_MIXIN,
    };
  }
  const fn = candidates[0];
  const mixin = fn.getName()!;
  const returned = fn
    .getDescendantsOfKind(SyntaxKind.ReturnStatement)
    .map((r) => r.getExpression())
    .find((e) => e?.getKind() === SyntaxKind.ClassExpression);
  if (!returned) return { ...positionIn(file, fn), problem: `${mixin} does not return a class expression`, expected: EXPECTED_MIXIN };
  return { file, mixin, contract: file.getInterface(mixin)!, implementation: returned as TsMorph.ClassExpression };
}

/** The shape of a hand-written mixin file, or why it cannot be extended. */
export function hostMixinShape(text: string): HostMixinShape | HostModuleProblem {
  const located = locateMixin(sourceFile(text));
  return 'problem' in located ? located : { mixin: located.mixin };
}

/** Names the file declares, imports or exports at its top level. */
function topLevelNames(file: TsMorph.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const i of file.getImportDeclarations()) {
    for (const n of i.getNamedImports()) names.add(n.getAliasNode()?.getText() ?? n.getName());
    const d = i.getDefaultImport();
    if (d) names.add(d.getText());
  }
  for (const d of [...file.getInterfaces(), ...file.getTypeAliases(), ...file.getClasses(), ...file.getFunctions(), ...file.getEnums()]) {
    const name = d.getName();
    if (name) names.add(name);
  }
  return names;
}

/** The mixin file with the commands added (unchanged when each is there). Throws EditError when it lacks the shape. */
export function extendHostMixin(text: string, path: string, additions: readonly MixinCommandAddition[]): string {
  const located = locateMixin(sourceFile(text));
  if ('problem' in located) throw new EditError(`${path}:${located.line}:${located.column}`, located.problem, located.expected);
  const { file, contract, implementation } = located;
  const fresh = additions.filter((a) => {
    const existing = contract.getMethod(a.clientMethod) ?? implementation.getMethod(a.clientMethod);
    if (!existing) return true;
    if (existing.getJsDocs().some((d) => d.getText().includes(`${GENERATED_MARK}:`))) return false;
    const at = positionIn(file, existing);
    throw new EditError(
      `${path}:${at.line}:${at.column}`,
      `the hand-written mixin already has a method ${a.clientMethod}`,
      `a command the mixin does not have yet (remove the method, or name the command differently)`,
    );
  });
  if (fresh.length === 0) return text;

  const taken = topLevelNames(file);
  const imports = fresh.flatMap((a) => a.imports).filter((i, index, all) => all.findIndex((j) => j.name === i.name) === index);
  for (const i of imports) {
    if (taken.has(i.name)) {
      const clash = file
        .getImportDeclarations()
        .some((d) => d.getNamedImports().some((n) => n.getName() === i.name) && d.getModuleSpecifierValue() === i.from);
      if (clash) continue;
      throw new EditError(
        `${path}:1:1`,
        `the hand-written mixin already declares or imports a ${i.name}`,
        `no name of the generated wire types (${imports.map((n) => n.name).join(', ')}) in the mixin file`,
      );
    }
  }
  const newImports = imports.filter((i) => !taken.has(i.name));
  const lastImport = file.getImportDeclarations().pop();
  let index = lastImport ? lastImport.getChildIndex() + 1 : 0;
  for (const i of newImports) file.insertImportDeclaration(index++, { isTypeOnly: true, namedImports: [i.name], moduleSpecifier: i.from });
  if (newImports.length > 0) {
    // RustCoreIPC.ts re-exports a module's wire types from its mixin file.
    const exported = file.insertExportDeclaration(index, { isTypeOnly: true, namedExports: newImports.map((i) => i.name) });
    exported.replaceWithText(
      `// ${GENERATED_MARK}: the wire types of the generated commands, re-exported by RustCoreIPC.ts\n${exported.getText()}`,
    );
  }
  for (const a of fresh) {
    const docs = [`${GENERATED_MARK}: \`${a.command}\`: ${a.description}`];
    contract.addMethod({
      name: a.clientMethod,
      parameters: [{ name: 'params', type: a.paramsStruct }],
      returnType: `Promise<${a.resultStruct}>`,
      docs,
    });
    implementation.addMethod({
      name: a.clientMethod,
      isAsync: true,
      docs,
      parameters: [{ name: 'params', type: a.paramsStruct }],
      returnType: `Promise<${a.resultStruct}>`,
      statements: (writer) => {
        writer.writeLine(`const response = await this.request({ command: '${a.command}', ...params });`);
        writer.write('if (!response.success)').block(() => writer.writeLine(`throw new Error(response.error ?? '${a.command} failed');`));
        writer.writeLine(`return response.result as ${a.resultStruct};`);
      },
    });
  }
  return file.getFullText();
}
