import { accessLevelsOf, payloadOf, unsafeRelativePath, type ProjectConfig } from '../config/project-config.js';
import { IssueCollector, SpecError, describeValue, pointerOf, valueAtPointer, type SpecIssue } from '../errors.js';
import type { JsonSource } from '../spec/json-source.js';
import type { AdapterId, CommandSpecV2, Environment, SpecField, SpecTypeDeclaration } from '../spec/command-spec.js';
import { canonicalSpec, serialiseSpec } from '../spec/canonical-spec.js';
import {
  adapterOfSpec,
  defaultCommandPrefix,
  defaultRustModule,
  defaultTraitModule,
  DEFAULT_TRAITS_MODULE,
  environmentOfSpec,
} from '../spec/spec-defaults.js';
import { SPEC_LIMITS } from '../spec/limits.js';
import { namedReferences, type TypeNode } from '../types/type-tree.js';
import type {
  CommandModel,
  FieldModel,
  NamedDeclaration,
  RustModel,
  TaggedUnionDeclaration,
  TraitModel,
  TypeDeclaration,
  VariantModel,
} from './command-model.js';
import { defaultValueProblems } from './field-rules.js';
import { closestNames, commandClassName, commandNameProblem, didYouMean, pascalCase } from './naming.js';
import {
  checkFieldName,
  checkOptionalNullable,
  parseFieldType,
  report,
  resolveDeclaredField,
  type Resolution,
  type ResolveOptions,
} from './resolution.js';
import { methodTypeNodes, resolveTraits } from './resolve-traits.js';
import { tsModuleSpecifierProblem } from '../targets/typescript/typescript-text.js';

export type { ResolveOptions } from './resolution.js';

const RUST_ADAPTERS: readonly AdapterId[] = ['rust-ipc', 'trait-only'];

/** The host's error type: a result convention (error?: JTAGError) names it, imported from importPaths.errorTypes. */
export const HOST_ERROR_TYPE = 'JTAGError';

/**
 * Resolve a schema-valid spec into a CommandModel: check names, parse every type string once,
 * lift inline literal unions into named enums, and check every type name against the registry.
 * All problems are collected and thrown together, each with its JSON pointer and line:column.
 */
export function resolveCommandModel(
  spec: CommandSpecV2,
  source: JsonSource,
  config: ProjectConfig,
  options: ResolveOptions = {},
): CommandModel {
  const { model, issues } = resolveCommandModelWithIssues(spec, source, config, options);
  if (issues.length > 0) throw new SpecError(issues);
  return model;
}

/**
 * resolveCommandModel without the throw: every problem, and the model of what resolved. With
 * problems, fields whose type did not parse or resolve are left out of it, so the adapters' own
 * checks can still run on the rest in the same pass; such a model is never rendered.
 *
 * The passes run in the order a reader meets the spec, each on what the ones before it resolved:
 * limits, names, environment, imports, types, fields, traits, references, defaults, rust.
 */
export function resolveCommandModelWithIssues(
  spec: CommandSpecV2,
  source: JsonSource,
  config: ProjectConfig,
  options: ResolveOptions = {},
): { model: CommandModel; issues: readonly SpecIssue[] } {
  const r: Resolution = {
    spec,
    file: source.file,
    config,
    options,
    issues: new IssueCollector((pointer) => source.locate(pointer)),
    declaredNames: Object.keys(spec.types ?? {}),
    importsByName: new Map(),
    registryImports: [],
    usedImports: new Set(),
    liftedEnums: [],
  };
  checkLimits(r);
  const names = resolveNames(r);
  const target = resolveEnvironment(r);
  resolveImports(r);
  const declared = resolveTypes(r);
  const fields = resolveFields(r, names.className);
  const traits = resolveTraits(spec.traits, {
    file: r.file,
    issues: r.issues,
    parseType: (raw, pointer, owner, field) => parseFieldType(r, raw, pointer, owner, field),
    reservedNames: options.reservedNames,
  });
  const types = [...declared.interfacesAndEnums, ...r.liftedEnums];
  const unresolved = checkReferences(r, { ...fields, types, unions: declared.unions, traits });
  checkDefaults(r, fields.params, [...types, ...declared.unions], unresolved);
  const rust = resolveRust(r, target.adapter);

  // With problems, leave out the fields that did not resolve (see above).
  const resolvedOnly = (list: readonly FieldModel[]): FieldModel[] => list.filter((f) => !unresolved.has(f));
  const modelTypes = types.map((t) => (t.kind === 'interface' ? { ...t, fields: resolvedOnly(t.fields) } : t));
  const unions = declared.unions.map((u) => ({ ...u, variants: u.variants.map((v) => ({ ...v, fields: resolvedOnly(v.fields) })) }));
  const saved = canonicalSpec(
    r.registryImports.length > 0
      ? { ...spec, imports: [...(spec.imports ?? []), ...r.registryImports.map(({ name, from }) => ({ name, from }))] }
      : spec,
  );
  const model: CommandModel = {
    name: spec.name,
    segments: spec.name.split('/'),
    ...names,
    description: spec.description,
    ...target,
    accessLevel: spec.accessLevel ?? 'internal',
    params: resolvedOnly(fields.params),
    results: resolvedOnly(fields.results),
    resultConventions: resolvedOnly(fields.resultConventions),
    types: modelTypes,
    typesByName: new Map<string, NamedDeclaration>([...modelTypes, ...unions].map((t) => [t.name, t])),
    imports: [...r.usedImports].sort().map((name) => r.importsByName.get(name)!),
    examples: spec.examples ?? [],
    ...(rust ? { rust } : {}),
    ...(spec.typesFile !== undefined ? { typesFile: spec.typesFile } : {}),
    unions,
    traits,
    spec: saved,
    canonicalText: serialiseSpec(saved),
    specFile: r.file,
  };
  return { model, issues: r.issues.list() };
}

/** Lists longer than their limit, the typesFile's place, the access level: what holds before any name is read. */
function checkLimits(r: Resolution): void {
  const { spec, config } = r;
  checkSizes(spec, (pointer, what, limit) =>
    report(r, {
      pointer,
      message: `more ${what} than the limit of ${limit}`,
      expected: `at most ${limit} ${what} (see Limits in the README)`,
    }),
  );
  if (spec.typesFile !== undefined) {
    const problem = unsafeRelativePath(spec.typesFile);
    const commandsRoot = `${config.roots.commands}/`;
    if (problem || !spec.typesFile.startsWith(commandsRoot)) {
      report(r, {
        pointer: '/typesFile',
        message: `typesFile ${problem ?? `is outside the commands root ${config.roots.commands}`}`,
        found: JSON.stringify(spec.typesFile),
        expected: `a project-relative .ts file under ${config.roots.commands}, e.g. ${commandsRoot}collaboration/wall/shared/WallTypes.ts`,
      });
    }
  }
  const accessLevel = accessLevelIssue(spec, r.file, config);
  if (accessLevel) r.issues.add(accessLevel);
}

/** The command name and the names derived from it: the class-name stem and the params and result types. */
function resolveNames(r: Resolution): Pick<CommandModel, 'className' | 'classNamePointer' | 'paramsTypeName' | 'resultTypeName'> {
  const { spec } = r;
  const nameProblem = commandNameProblem(spec.name);
  if (nameProblem)
    report(r, {
      pointer: '/name',
      message: `command name ${nameProblem.problem}`,
      found: JSON.stringify(spec.name),
      expected: nameProblem.expected,
    });
  const className = spec.className ?? commandClassName(spec.name);
  const classNamePointer = spec.className ? '/className' : '/name';
  const reservedClass = r.options.reservedNames?.get(className);
  if (reservedClass)
    report(r, {
      pointer: classNamePointer,
      message: `class name ${className} ${reservedClass}`,
      found: JSON.stringify(className),
      expected: 'set className to another PascalCase name',
    });
  return { className, classNamePointer, paramsTypeName: `${className}Params`, resultTypeName: `${className}Result` };
}

/** The adapter and environment as the engine chose them (chooseAdapter, which also checks the spec fits the adapter); without one, the built-in defaults. */
function resolveEnvironment(r: Resolution): { adapter: AdapterId; environment: Environment } {
  return {
    adapter: r.options.adapter?.id ?? adapterOfSpec(r.spec),
    environment: r.options.adapter?.environment ?? environmentOfSpec(r.spec),
  };
}

/** The registry of importable names (the config's, then the spec's, each spec entry with its pointer); the declared names an adapter reserves. */
function resolveImports(r: Resolution): void {
  for (const declared of r.config.imports) r.importsByName.set(declared.name, declared);
  (r.spec.imports ?? []).forEach((declared, index) => {
    if (r.declaredNames.includes(declared.name)) {
      report(r, {
        pointer: pointerOf('imports', index, 'name'),
        message: `import ${declared.name} has the same name as a type in the types block`,
        expected: 'a name declared in one place only',
      });
    }
    // Every target prints `from` inside a string literal; one that no module specifier holds is refused, not escaped into a module nobody has.
    const fromProblem = tsModuleSpecifierProblem(declared.from);
    if (fromProblem)
      report(r, {
        pointer: pointerOf('imports', index, 'from'),
        message: `import ${declared.name}: ${fromProblem}`,
        found: JSON.stringify(declared.from),
        expected: 'a module specifier such as @system/core/types/CrossPlatformUUID',
      });
    r.importsByName.set(declared.name, { ...declared, pointer: pointerOf('imports', index) });
  });
  for (const typeName of r.declaredNames) {
    const reserved = r.options.reservedNames?.get(typeName);
    if (reserved)
      report(r, {
        pointer: pointerOf('types', typeName),
        message: `type name ${typeName} ${reserved}`,
        found: JSON.stringify(typeName),
        expected: 'another PascalCase name',
      });
  }
}

/** The types block: enums, interfaces (in spec order) and tagged unions, each field's type parsed once. */
function resolveTypes(r: Resolution): { interfacesAndEnums: TypeDeclaration[]; unions: TaggedUnionDeclaration[] } {
  const interfacesAndEnums: TypeDeclaration[] = [];
  const unions: TaggedUnionDeclaration[] = [];
  for (const [typeName, declaration] of Object.entries(r.spec.types ?? {})) {
    const pointer = pointerOf('types', typeName);
    if (declaration.enum) interfacesAndEnums.push(resolveEnum(r, typeName, declaration, declaration.enum, pointer));
    else if (declaration.variants) unions.push(resolveUnion(r, typeName, declaration, declaration.variants, pointer));
    else interfacesAndEnums.push(resolveInterface(r, typeName, declaration, pointer));
  }
  return { interfacesAndEnums, unions };
}

function resolveEnum(
  r: Resolution,
  typeName: string,
  declaration: SpecTypeDeclaration,
  values: readonly string[],
  pointer: string,
): TypeDeclaration {
  for (const key of Object.keys(declaration.valueDescriptions ?? {})) {
    if (!values.includes(key))
      report(r, {
        pointer: `${pointer}${pointerOf('valueDescriptions', key)}`,
        message: `'${key}' is not a value of ${typeName}`,
        expected: `one of ${values.map((v) => `'${v}'`).join(', ')}`,
      });
  }
  const described = declaration.valueDescriptions;
  return {
    kind: 'enum',
    name: typeName,
    description: declaration.description,
    values,
    origin: 'spec',
    pointer,
    // Own members only: a value named constructor must not find Object.prototype.constructor.
    ...(described ? { valueDescriptions: values.map((v) => (Object.hasOwn(described, v) ? described[v] : undefined)) } : {}),
    ...(declaration.ordered ? { ordered: true } : {}),
  };
}

function resolveUnion(
  r: Resolution,
  typeName: string,
  declaration: SpecTypeDeclaration,
  specVariants: NonNullable<SpecTypeDeclaration['variants']>,
  pointer: string,
): TaggedUnionDeclaration {
  const tag = declaration.tag ?? 'type';
  const variants: VariantModel[] = Object.entries(specVariants).map(([variantName, variant]) => {
    const variantPointer = `${pointer}${pointerOf('variants', variantName)}`;
    const fields = Object.entries(variant.fields ?? {}).flatMap(([fieldName, field]) => {
      const fieldPointer = `${variantPointer}${pointerOf('fields', fieldName)}`;
      checkFieldName(r, fieldName, fieldPointer);
      if (fieldName === tag)
        report(r, {
          pointer: fieldPointer,
          message: `field '${fieldName}' has the name of the tag of ${typeName}`,
          found: JSON.stringify(fieldName),
          expected: `a field name other than '${tag}', or another tag`,
        });
      return resolveDeclaredField(r, fieldName, field, fieldPointer, `${typeName}${pascalCase(variantName)}`) ?? [];
    });
    return { name: variantName, description: variant.description, fields, pointer: variantPointer };
  });
  return { kind: 'union', name: typeName, description: declaration.description, tag, variants, pointer };
}

function resolveInterface(r: Resolution, typeName: string, declaration: SpecTypeDeclaration, pointer: string): TypeDeclaration {
  const fields = Object.entries(declaration.fields ?? {}).flatMap(([fieldName, field]) => {
    const fieldPointer = `${pointer}${pointerOf('fields', fieldName)}`;
    checkFieldName(r, fieldName, fieldPointer);
    return resolveDeclaredField(r, fieldName, field, fieldPointer, typeName) ?? [];
  });
  return { kind: 'interface', name: typeName, description: declaration.description, fields, pointer };
}

interface ResolvedFields {
  readonly params: readonly FieldModel[];
  /** The spec's results but those named like a result convention. */
  readonly results: readonly FieldModel[];
  readonly resultConventions: readonly FieldModel[];
  /** The convention fields the spec's results replace (checked against the registry with the host's error type known). */
  readonly overrides: readonly FieldModel[];
}

/** Params, results and the host's result conventions (a spec result of a convention's name replaces it with the code's own type). */
function resolveFields(r: Resolution, className: string): ResolvedFields {
  const payload = payloadOf(r.config);
  const conventionNames = payload.resultConventions.map((c) => c.name);
  const params = resolveFieldList(r, r.spec.params, 'params', className);
  const allResults = resolveFieldList(r, r.spec.results, 'results', className);
  // No adapter but TypeScript's sees a convention field.
  const results = allResults.filter((f) => !conventionNames.includes(f.name));
  const replacing = allResults.filter((f) => conventionNames.includes(f.name));
  const resultConventions: FieldModel[] = payload.resultConventions.map((convention, index) => {
    const replaced = allResults.find((f) => f.name === convention.name);
    if (replaced) return replaced;
    const type = parseFieldType(r, convention.type, `/payload/resultConventions/${index}/type`, className, convention.name) ?? {
      kind: 'unknown',
    };
    return { name: convention.name, type, optional: convention.optional === true, pointer: '' };
  });
  return { params, results, resultConventions, overrides: resultConventions.filter((f) => replacing.includes(f)) };
}

function resolveFieldList(
  r: Resolution,
  fields: readonly SpecField[] | undefined,
  listName: 'params' | 'results',
  className: string,
): FieldModel[] {
  const payload = payloadOf(r.config);
  const seen = new Map<string, number>();
  return (fields ?? []).flatMap((field, index) => {
    const pointer = pointerOf(listName, index);
    checkFieldName(r, field.name, `${pointer}/name`);
    const previous = seen.get(field.name);
    if (previous !== undefined)
      report(r, {
        pointer: `${pointer}/name`,
        message: `duplicate ${listName === 'params' ? 'param' : 'result'} name '${field.name}' (first at /${listName}/${previous})`,
        expected: 'each name once',
      });
    seen.set(field.name, index);
    const collisions = listName === 'params' ? payload.paramsFields : payload.resultFields;
    if (collisions.includes(field.name)) {
      report(r, {
        pointer: `${pointer}/name`,
        message: `'${field.name}' is already part of every ${listName === 'params' ? 'CommandParams' : 'CommandResult'}`,
        found: JSON.stringify(field.name),
        expected: `a name other than ${collisions.join(', ')}`,
      });
    }
    const tree = parseFieldType(r, field.type, `${pointer}/type`, className, field.name);
    if (!tree) return [];
    checkOptionalNullable(r, field, tree, pointer);
    if (field.default !== undefined && (listName !== 'params' || !field.optional)) {
      report(r, {
        pointer: `${pointer}/default`,
        message: 'a default only makes sense on an optional param',
        expected: '"optional": true, or no default',
      });
    }
    return [
      { name: field.name, type: tree, description: field.description, optional: field.optional === true, default: field.default, pointer },
    ];
  });
}

/** What the references pass checks: every field list of the spec, and the trait signatures. */
interface Referencing extends ResolvedFields {
  readonly types: readonly TypeDeclaration[];
  readonly unions: readonly TaggedUnionDeclaration[];
  readonly traits: readonly TraitModel[];
}

/** Every named reference must resolve; an unknown one lists the closest known names. Returns the fields that did not resolve. */
function checkReferences(r: Resolution, of: Referencing): Set<FieldModel> {
  const knownLocal = new Set([...of.types.map((t) => t.name), ...of.unions.map((u) => u.name)]);
  // Primitives are suggested too: a misspelt 'strng' is far more likely than a missing import.
  const knownNames = [...knownLocal, ...r.importsByName.keys(), 'string', 'number', 'integer', 'boolean'];
  const unresolved = new Set<FieldModel>();
  const check = (
    fields: readonly FieldModel[],
    pointerOfType: (field: FieldModel) => string,
    local: ReadonlySet<string> = knownLocal,
  ): void => {
    for (const field of fields) {
      for (const name of namedReferences(field.type)) {
        if (local.has(name) || resolveImportedName(r, name)) continue;
        unresolved.add(field);
        r.issues.add(unknownNameIssue(r, name, pointerOfType(field), knownNames));
      }
    }
  };
  const typeOf = (field: FieldModel): string => `${field.pointer}/type`;
  check(of.params, typeOf);
  check(of.results, typeOf);
  check(of.overrides, typeOf, new Set([...knownLocal, HOST_ERROR_TYPE]));
  for (const declaration of of.types) if (declaration.kind === 'interface') check(declaration.fields, typeOf);
  for (const union of of.unions) for (const variant of union.variants) check(variant.fields, typeOf);
  for (const trait of of.traits) {
    for (const method of trait.methods) {
      const asFields = (nodes: readonly TypeNode[]): FieldModel[] =>
        nodes.map((type) => ({ name: method.name, type, optional: false, pointer: method.pointer }));
      method.params.forEach((param, p) =>
        check(asFields(methodTypeNodes(param.type)), () => `${method.pointer}${pointerOf('params', p, 'type')}`),
      );
      if (method.returns) check(asFields(methodTypeNodes(method.returns)), () => `${method.pointer}/returns`);
    }
  }
  return unresolved;
}

/** Is `name` imported (by the config or the spec), or exported by exactly one module of the project (then imported from now on)? */
function resolveImportedName(r: Resolution, name: string): boolean {
  if (!r.importsByName.has(name)) {
    const exporters = r.options.knownTypes?.lookup(name) ?? [];
    if (exporters.length !== 1) return false;
    // Learned from the project's code: the saved spec carries the import from now on.
    const found = { name, from: exporters[0].from };
    r.importsByName.set(name, found);
    r.registryImports.push(found);
  }
  r.usedImports.add(name);
  return true;
}

function unknownNameIssue(r: Resolution, name: string, pointer: string, knownNames: readonly string[]): Omit<SpecIssue, 'line' | 'column'> {
  const exporters = r.options.knownTypes?.lookup(name) ?? [];
  if (exporters.length > 1) {
    return {
      file: r.file,
      pointer,
      message: `type ${name} is exported by ${exporters.length} modules of the project`,
      found: JSON.stringify(name),
      expected: `an entry under imports naming one of ${exporters.map((e) => e.from).join(', ')}`,
    };
  }
  // Names the project exports come first: a missing import is likelier than a typo there.
  const exported = r.options.knownTypes?.suggestions?.(name) ?? [];
  const suggestions = [...new Set([...exported, ...closestNames(name, [...knownNames])])].slice(0, 5);
  const suggestion = didYouMean(name, [...knownNames, ...exported]);
  return {
    file: r.file,
    pointer,
    message: `unknown type ${name}`,
    found: JSON.stringify(name),
    expected:
      suggestions.length > 0
        ? `a declared or imported type, e.g. ${suggestions.join(', ')}`
        : "a type declared in the spec's types block or listed in imports",
    ...(suggestion ? { suggestion } : {}),
  };
}

/** Defaults must be values of their field's type, to the leaf. */
function checkDefaults(
  r: Resolution,
  params: readonly FieldModel[],
  declarations: readonly NamedDeclaration[],
  unresolved: ReadonlySet<FieldModel>,
): void {
  const types = { declarations: new Map(declarations.map((t) => [t.name, t])), imported: new Set(r.importsByName.keys()) };
  for (const field of params) {
    if (field.default === undefined || !field.optional || unresolved.has(field)) continue;
    const at = `${field.pointer}/default`;
    for (const problem of defaultValueProblems(field.default, field.type, types)) {
      report(r, {
        pointer: at + problem.at,
        message: `default does not fit type: ${problem.problem}`,
        found: describeValue(valueAtPointer(field.default, problem.at)),
        ...(problem.suggestion ? { suggestion: problem.suggestion } : {}),
      });
    }
  }
}

/** The rust block of a Rust adapter's spec with the defaults applied, each value with the pointer it comes from. */
function resolveRust(r: Resolution, adapter: AdapterId): RustModel | undefined {
  if (!RUST_ADAPTERS.includes(adapter)) return undefined;
  const declared = r.spec.rust ?? {};
  const traitsModule = r.config.rust?.traitsModule ?? DEFAULT_TRAITS_MODULE;
  const defaultModule = adapter === 'trait-only' ? defaultTraitModule(r.spec.name, traitsModule) : defaultRustModule(r.spec.name);
  return {
    module: declared.module ?? defaultModule,
    commandPrefix: declared.command_prefix ?? defaultCommandPrefix(r.spec.name),
    traits: declared.traits ?? [],
    imports: declared.imports ?? [],
    companions: declared.companions ?? [],
    modulePointer: declared.module ? '/rust/module' : '/name',
    commandPrefixPointer: declared.command_prefix ? '/rust/command_prefix' : '/name',
    declared,
  };
}

/** Report each list of the spec that is longer than its limit in SPEC_LIMITS, at its first entry past the limit. */
function checkSizes(spec: CommandSpecV2, report: (pointer: string, what: string, limit: number) => void): void {
  const over = <T>(list: readonly T[] | undefined, limit: number, pointer: (index: number) => string, what: string): void => {
    if (list && list.length > limit) report(pointer(limit), what, limit);
  };
  over(spec.params, SPEC_LIMITS.fields, (i) => pointerOf('params', i), 'params');
  over(spec.results, SPEC_LIMITS.fields, (i) => pointerOf('results', i), 'results');
  const typeNames = Object.keys(spec.types ?? {});
  over(typeNames, SPEC_LIMITS.types, (i) => pointerOf('types', typeNames[i]), 'types');
  for (const [typeName, declaration] of Object.entries(spec.types ?? {})) {
    const fieldNames = Object.keys(declaration.fields ?? {});
    over(fieldNames, SPEC_LIMITS.typeFields, (i) => pointerOf('types', typeName, 'fields', fieldNames[i]), `fields in type ${typeName}`);
    over(declaration.enum, SPEC_LIMITS.unionMembers, (i) => pointerOf('types', typeName, 'enum', i), `values in enum ${typeName}`);
    for (const [variantName, variant] of Object.entries(declaration.variants ?? {})) {
      const variantFields = Object.keys(variant.fields ?? {});
      over(
        variantFields,
        SPEC_LIMITS.typeFields,
        (i) => pointerOf('types', typeName, 'variants', variantName, 'fields', variantFields[i]),
        `fields in variant ${variantName} of ${typeName}`,
      );
    }
  }
}

/**
 * The access level must be one of the project's (config accessLevels, the host's by default):
 * the schema cannot say which, so this check runs with the config, located at /accessLevel.
 */
export function accessLevelIssue(spec: { readonly accessLevel?: unknown }, file: string, config: ProjectConfig): SpecIssue | undefined {
  const levels = accessLevelsOf(config);
  if (typeof spec.accessLevel !== 'string' || levels.includes(spec.accessLevel)) return undefined;
  const close = closestNames(spec.accessLevel, [...levels]);
  const suggestion = didYouMean(spec.accessLevel, levels);
  return {
    file,
    pointer: '/accessLevel',
    message: `access level ${JSON.stringify(spec.accessLevel)} is not one of the project's`,
    found: JSON.stringify(spec.accessLevel),
    expected: `one of ${levels.join(', ')}${close.length > 0 ? ` (closest: ${close.join(', ')})` : ''}, or add it to accessLevels in .yo-rc.json`,
    ...(suggestion ? { suggestion } : {}),
  };
}

/** The rust block of a model a Rust adapter renders (resolution gives one to every rust-ipc and trait-only spec). */
export function rustOf(model: Pick<CommandModel, 'rust' | 'adapter' | 'specFile'>): RustModel {
  if (!model.rust)
    throw new Error(
      `internal: ${model.specFile} (adapter ${model.adapter}) has no rust block; only rust-ipc and trait-only specs have one`,
    );
  return model.rust;
}
