import { accessLevelsOf, payloadOf, unsafeRelativePath, type ProjectConfig } from '../config/project-config.js';
import { IssueCollector, SpecError, describeValue, pointerOf, valueAtPointer, type SpecIssue } from '../errors.js';
import type { KnownTypes } from '../reverse/exported-types.js';
import type { JsonSource } from '../spec/json-source.js';
import type { AdapterId, CommandSpecV2, Environment, SpecField, SpecTypeField } from '../spec/command-spec.js';
import { canonicalSpec } from '../spec/canonical-spec.js';
import { adapterOfSpec, ENVIRONMENT_OF_ADAPTER, environmentOfSpec } from '../spec/spec-defaults.js';
import { SPEC_LIMITS } from '../spec/limits.js';
import { TypeSyntaxError, parseTypeString } from '../types/type-grammar.js';
import { mapLeaves } from '../types/fold.js';
import { namedReferences, type TypeNode } from '../types/type-tree.js';
import type { CommandModel, EnumDeclaration, FieldModel, ResolvedImport, TaggedUnionDeclaration, TypeDeclaration, VariantModel } from './command-model.js';
import { defaultValueProblems, fieldNameProblem } from './field-rules.js';
import { closestNames, commandClassName, commandNameProblem, didYouMean, pascalCase } from './naming.js';
import { methodTypeNodes, resolveTraits } from './resolve-traits.js';
import { tsModuleSpecifierProblem } from '../targets/typescript/typescript-text.js';

const RUST_ADAPTERS: readonly AdapterId[] = ['rust-ipc', 'trait-only'];

/** The host's error type: a result convention (error?: JTAGError) names it, imported from importPaths.errorTypes. */
export const HOST_ERROR_TYPE = 'JTAGError';

export interface ResolveOptions {
  /** Names an adapter refuses (reserved words, global types), by adapter, checked for types and the class name. */
  readonly reservedNames?: ReadonlyMap<string, string>;
  /**
   * The project's exported types (the design's registry, projectTypeIndex: existing commands' Types
   * files, ts-rs exports, the host's RustCoreIPC.ts re-exports), consulted last: a name the spec
   * neither declares nor imports that exactly one module exports is imported from it.
   */
  readonly knownTypes?: Pick<KnownTypes, 'lookup'> & Partial<Pick<KnownTypes, 'suggestions'>>;
}

/**
 * Resolve a schema-valid spec into a CommandModel: check names, parse every type string once,
 * lift inline literal unions into named enums, and check every type name against the registry.
 * All problems are collected and thrown together, each with its JSON pointer and line:column.
 */
export function resolveCommandModel(spec: CommandSpecV2, source: JsonSource, config: ProjectConfig, options: ResolveOptions = {}): CommandModel {
  const { model, issues } = resolveCommandModelWithIssues(spec, source, config, options);
  if (issues.length > 0) throw new SpecError(issues);
  return model;
}

/**
 * resolveCommandModel without the throw: every problem, and the model of what resolved. With
 * problems, fields whose type did not parse or resolve are left out of it, so the adapters' own
 * checks can still run on the rest in the same pass; such a model is never rendered.
 */
export function resolveCommandModelWithIssues(spec: CommandSpecV2, source: JsonSource, config: ProjectConfig, options: ResolveOptions = {}): { model: CommandModel; issues: readonly SpecIssue[] } {
  const issues = new IssueCollector((pointer) => source.locate(pointer));
  const file = source.file;
  checkSizes(spec, (pointer, what, limit) => issues.add({ file, pointer, message: `more ${what} than the limit of ${limit}`, expected: `at most ${limit} ${what} (see Limits in the README)` }));

  if (spec.typesFile !== undefined) {
    const problem = unsafeRelativePath(spec.typesFile);
    const commandsRoot = `${config.roots.commands}/`;
    if (problem || !spec.typesFile.startsWith(commandsRoot)) {
      issues.add({ file, pointer: '/typesFile', message: `typesFile ${problem ?? `is outside the commands root ${config.roots.commands}`}`, found: JSON.stringify(spec.typesFile), expected: `a project-relative .ts file under ${config.roots.commands}, e.g. ${commandsRoot}collaboration/wall/shared/WallTypes.ts` });
    }
  }
  const accessLevel = accessLevelIssue(spec, file, config);
  if (accessLevel) issues.add(accessLevel);
  const payload = payloadOf(config);
  const conventionNames = payload.resultConventions.map((c) => c.name);

  const nameProblem = commandNameProblem(spec.name);
  if (nameProblem) issues.add({ file, pointer: '/name', message: `command name ${nameProblem.problem}`, found: JSON.stringify(spec.name), expected: nameProblem.expected });

  const className = spec.className ?? commandClassName(spec.name);
  const reservedClass = options.reservedNames?.get(className);
  if (reservedClass) {
    issues.add({ file, pointer: spec.className ? '/className' : '/name', message: `class name ${className} ${reservedClass}`, found: JSON.stringify(className), expected: 'set className to another PascalCase name' });
  }

  // Adapter and environment decide each other when only one is given; both given must agree.
  const adapter: AdapterId = adapterOfSpec(spec);
  const impliedEnvironment = ENVIRONMENT_OF_ADAPTER[adapter];
  const environment: Environment = environmentOfSpec(spec);
  // A Rust-backed command may also have a browser side (it delegates to the server, like full-stack).
  const allowedEnvironments: readonly Environment[] = adapter === 'rust-ipc' ? ['server', 'both'] : impliedEnvironment ? [impliedEnvironment] : [];
  if (spec.environment && impliedEnvironment && !allowedEnvironments.includes(spec.environment)) {
    issues.add({ file, pointer: '/environment', message: `environment ${spec.environment} contradicts adapter ${adapter}`, found: JSON.stringify(spec.environment), expected: `${allowedEnvironments.map((e) => JSON.stringify(e)).join(' or ')} for adapter ${adapter}, or remove environment` });
  }
  if (spec.rust && !RUST_ADAPTERS.includes(adapter)) {
    issues.add({ file, pointer: '/rust', message: `a rust block needs a Rust adapter, but adapter is ${adapter}`, expected: `adapter "rust-ipc" or "trait-only", or no rust block` });
  }
  // Traits, tagged unions and companions only mean something to the trait-only adapter.
  if (adapter !== 'trait-only') {
    if (spec.traits) issues.add({ file, pointer: '/traits', message: `a traits block needs adapter trait-only, but adapter is ${adapter}`, expected: 'adapter "trait-only" (one spec for the traits, another for each command), or no traits block' });
    if (spec.rust?.companions) issues.add({ file, pointer: '/rust/companions', message: `companions are written by the trait-only adapter, but adapter is ${adapter}`, expected: 'adapter "trait-only", or no companions' });
    for (const [typeName, declaration] of Object.entries(spec.types ?? {})) {
      if (declaration.variants) issues.add({ file, pointer: pointerOf('types', typeName, 'variants'), message: `tagged unions (variants) are only rendered by the trait-only adapter, but adapter is ${adapter}`, expected: 'declare the union in a trait-only spec and import it, or use an interface with optional fields' });
    }
  }

  // Registry: every name a type string may mention, and where it comes from.
  const declaredNames = Object.keys(spec.types ?? {});
  const importsByName = new Map<string, ResolvedImport>();
  for (const declared of config.imports) importsByName.set(declared.name, declared);
  (spec.imports ?? []).forEach((declared, index) => {
    if (declaredNames.includes(declared.name)) {
      issues.add({ file, pointer: pointerOf('imports', index, 'name'), message: `import ${declared.name} has the same name as a type in the types block`, expected: 'a name declared in one place only' });
    }
    // Every target prints `from` inside a string literal; one that no module specifier holds is refused, not escaped into a module nobody has.
    const fromProblem = tsModuleSpecifierProblem(declared.from);
    if (fromProblem) issues.add({ file, pointer: pointerOf('imports', index, 'from'), message: `import ${declared.name}: ${fromProblem}`, found: JSON.stringify(declared.from), expected: 'a module specifier such as @system/core/types/CrossPlatformUUID' });
    importsByName.set(declared.name, declared);
  });

  for (const typeName of declaredNames) {
    const reserved = options.reservedNames?.get(typeName);
    if (reserved) issues.add({ file, pointer: pointerOf('types', typeName), message: `type name ${typeName} ${reserved}`, found: JSON.stringify(typeName), expected: 'another PascalCase name' });
  }

  const liftedEnums: EnumDeclaration[] = [];
  const usedImports = new Set<string>();
  const registryImports: ResolvedImport[] = [];

  const parseFieldType = (rawType: string, pointer: string, owner: string, fieldName: string): TypeNode | undefined => {
    let tree: TypeNode;
    try {
      tree = parseTypeString(rawType);
    } catch (error) {
      if (!(error instanceof TypeSyntaxError)) throw error;
      issues.add({ file, pointer, message: `type ${describeValue(rawType)}: ${error.problem} (at character ${error.offset + 1})`, found: describeValue(rawType), expected: error.suggestion });
      return undefined;
    }
    return liftLiterals(tree, `${owner}${pascalCase(fieldName)}`, pointer);
  };

  // Replace each literal union with a reference to a named enum, so every language names it once.
  const liftLiterals = (node: TypeNode, enumName: string, pointer: string): TypeNode =>
    mapLeaves(node, (leaf) => {
      if (leaf.kind !== 'literals') return leaf;
      if (declaredNames.includes(enumName) || importsByName.has(enumName) || liftedEnums.some((e) => e.name === enumName)) {
        issues.add({ file, pointer, message: `the inline union would be named ${enumName}, which is already taken`, expected: `declare the union under types with another name and use that name here` });
      }
      liftedEnums.push({ kind: 'enum', name: enumName, values: leaf.values, origin: 'inline' });
      return { kind: 'named', name: enumName };
    });

  const checkOptionalNullable = (field: SpecField | SpecTypeField, tree: TypeNode, pointer: string): void => {
    if (field.optional && tree.kind === 'nullable' && !field.optionalNullable) {
      issues.add({ file, pointer: `${pointer}/type`, message: 'a field that is both optional and nullable (f?: T | null) is ambiguous: serde cannot tell absent from null', expected: 'either optional or | null, or set "optionalNullable": true to accept both' });
    }
  };

  const fieldIndex = new Map<FieldModel, number>();
  const resolveFields = (fields: readonly SpecField[] | undefined, listName: 'params' | 'results'): FieldModel[] => {
    const seen = new Map<string, number>();
    const resolved: FieldModel[] = [];
    (fields ?? []).forEach((field, index) => {
      const pointer = pointerOf(listName, index);
      checkFieldName(field.name, `${pointer}/name`);
      const previous = seen.get(field.name);
      if (previous !== undefined) {
        issues.add({ file, pointer: `${pointer}/name`, message: `duplicate ${listName === 'params' ? 'param' : 'result'} name '${field.name}' (first at /${listName}/${previous})`, expected: 'each name once' });
      }
      seen.set(field.name, index);
      const collisions = listName === 'params' ? payload.paramsFields : payload.resultFields;
      if (collisions.includes(field.name)) {
        issues.add({ file, pointer: `${pointer}/name`, message: `'${field.name}' is already part of every ${listName === 'params' ? 'CommandParams' : 'CommandResult'}`, found: JSON.stringify(field.name), expected: `a name other than ${collisions.join(', ')}` });
      }
      const tree = parseFieldType(field.type, `${pointer}/type`, className, field.name);
      if (!tree) return;
      checkOptionalNullable(field, tree, pointer);
      if (field.default !== undefined) {
        if (listName !== 'params' || !field.optional) {
          issues.add({ file, pointer: `${pointer}/default`, message: 'a default only makes sense on an optional param', expected: '"optional": true, or no default' });
        }
      }
      const model: FieldModel = { name: field.name, type: tree, description: field.description, optional: field.optional === true, default: field.default };
      fieldIndex.set(model, index);
      resolved.push(model);
    });
    return resolved;
  };

  function checkFieldName(name: string, pointer: string): void {
    const problem = fieldNameProblem(name);
    if (problem) issues.add({ file, pointer, message: problem.problem, found: JSON.stringify(name), expected: problem.expected });
  }

  const declarations: TypeDeclaration[] = [];
  const unions: TaggedUnionDeclaration[] = [];
  for (const [typeName, declaration] of Object.entries(spec.types ?? {})) {
    const pointer = pointerOf('types', typeName);
    if (declaration.enum) {
      const values = declaration.enum;
      for (const key of Object.keys(declaration.valueDescriptions ?? {})) {
        if (!values.includes(key)) issues.add({ file, pointer: `${pointer}${pointerOf('valueDescriptions', key)}`, message: `'${key}' is not a value of ${typeName}`, expected: `one of ${values.map((v) => `'${v}'`).join(', ')}` });
      }
      const described = declaration.valueDescriptions;
      declarations.push({
        kind: 'enum',
        name: typeName,
        description: declaration.description,
        values,
        origin: 'spec',
        // Own members only: a value named constructor must not find Object.prototype.constructor.
        ...(described ? { valueDescriptions: values.map((v) => (Object.hasOwn(described, v) ? described[v] : undefined)) } : {}),
        ...(declaration.ordered ? { ordered: true } : {}),
      });
      continue;
    }
    if (declaration.variants) {
      const tag = declaration.tag ?? 'type';
      const variants: VariantModel[] = [];
      for (const [variantName, variant] of Object.entries(declaration.variants)) {
        const variantPointer = `${pointer}${pointerOf('variants', variantName)}`;
        const fields: FieldModel[] = [];
        for (const [fieldName, field] of Object.entries(variant.fields ?? {})) {
          const fieldPointer = `${variantPointer}${pointerOf('fields', fieldName)}`;
          checkFieldName(fieldName, fieldPointer);
          if (fieldName === tag) issues.add({ file, pointer: fieldPointer, message: `field '${fieldName}' has the name of the tag of ${typeName}`, found: JSON.stringify(fieldName), expected: `a field name other than '${tag}', or another tag` });
          const tree = parseFieldType(field.type, `${fieldPointer}/type`, `${typeName}${pascalCase(variantName)}`, fieldName);
          if (!tree) continue;
          checkOptionalNullable(field, tree, fieldPointer);
          fields.push({ name: fieldName, type: tree, description: field.description, optional: field.optional === true });
        }
        variants.push({ name: variantName, description: variant.description, fields });
      }
      unions.push({ kind: 'union', name: typeName, description: declaration.description, tag, variants });
      continue;
    }
    const fields: FieldModel[] = [];
    for (const [fieldName, field] of Object.entries(declaration.fields ?? {})) {
      const fieldPointer = `${pointer}${pointerOf('fields', fieldName)}`;
      checkFieldName(fieldName, fieldPointer);
      const tree = parseFieldType(field.type, `${fieldPointer}/type`, typeName, fieldName);
      if (!tree) continue;
      checkOptionalNullable(field, tree, fieldPointer);
      fields.push({ name: fieldName, type: tree, description: field.description, optional: field.optional === true });
    }
    declarations.push({ kind: 'interface', name: typeName, description: declaration.description, fields });
  }

  const params = resolveFields(spec.params, 'params');
  const allResults = resolveFields(spec.results, 'results');
  // A result named like a convention (success, error) replaces it with the code's own type; no other adapter sees it.
  const results = allResults.filter((f) => !conventionNames.includes(f.name));
  const resultConventions: FieldModel[] = payload.resultConventions.map((convention, index) => {
    const replaced = allResults.find((f) => f.name === convention.name);
    if (replaced) return replaced;
    const type = parseFieldType(convention.type, `/payload/resultConventions/${index}/type`, className, convention.name) ?? { kind: 'unknown' };
    return { name: convention.name, type, optional: convention.optional === true };
  });
  const traits = resolveTraits(spec.traits, { file, issues, parseType: parseFieldType, reservedNames: options.reservedNames });
  const types = [...declarations, ...liftedEnums];
  const knownLocal = new Set([...types.map((t) => t.name), ...unions.map((u) => u.name)]);
  // Primitives are suggested too: a misspelt 'strng' is far more likely than a missing import.
  const knownNames = [...knownLocal, ...importsByName.keys(), 'string', 'number', 'integer', 'boolean'];

  // Every named reference must resolve; an unknown one lists the closest known names.
  const unresolved = new Set<FieldModel>();
  const checkReferences = (fields: readonly FieldModel[], pointerOfField: (index: number, field: FieldModel) => string): void => {
    fields.forEach((field, index) => {
      for (const name of namedReferences(field.type)) {
        if (knownLocal.has(name)) continue;
        if (importsByName.has(name)) {
          usedImports.add(name);
          continue;
        }
        const exporters = options.knownTypes?.lookup(name) ?? [];
        if (exporters.length === 1) {
          // Learned from the project's code: the saved spec carries the import from now on.
          const found = { name, from: exporters[0].from };
          importsByName.set(name, found);
          registryImports.push(found);
          usedImports.add(name);
          continue;
        }
        unresolved.add(field);
        if (exporters.length > 1) {
          issues.add({ file, pointer: pointerOfField(index, field), message: `type ${name} is exported by ${exporters.length} modules of the project`, found: JSON.stringify(name), expected: `an entry under imports naming one of ${exporters.map((e) => e.from).join(', ')}` });
          continue;
        }
        // Names the project exports come first: a missing import is likelier than a typo there.
        const exported = options.knownTypes?.suggestions?.(name) ?? [];
        const suggestions = [...new Set([...exported, ...closestNames(name, knownNames)])].slice(0, 5);
        const suggestion = didYouMean(name, [...knownNames, ...exported]);
        issues.add({
          file,
          pointer: pointerOfField(index, field),
          message: `unknown type ${name}`,
          found: JSON.stringify(name),
          expected: suggestions.length > 0 ? `a declared or imported type, e.g. ${suggestions.join(', ')}` : "a type declared in the spec's types block or listed in imports",
          ...(suggestion ? { suggestion } : {}),
        });
      }
    });
  };
  checkReferences(params, (i) => pointerOf('params', i, 'type'));
  const conventionIndex = (field: FieldModel): number => (spec.results ?? []).findIndex((r) => r.name === field.name);
  checkReferences(results, (_, f) => pointerOf('results', conventionIndex(f), 'type'));
  const overrides = resultConventions.filter((f) => (spec.results ?? []).some((r) => r.name === f.name));
  knownLocal.add(HOST_ERROR_TYPE);
  checkReferences(overrides, (_, f) => pointerOf('results', conventionIndex(f), 'type'));
  knownLocal.delete(HOST_ERROR_TYPE);
  for (const declaration of declarations) {
    if (declaration.kind === 'interface') checkReferences(declaration.fields, (_, f) => pointerOf('types', declaration.name, 'fields', f.name, 'type'));
  }
  for (const union of unions) {
    for (const variant of union.variants) checkReferences(variant.fields, (_, f) => pointerOf('types', union.name, 'variants', variant.name, 'fields', f.name, 'type'));
  }
  traits.forEach((trait) => {
    trait.methods.forEach((method, m) => {
      const pointer = pointerOf('traits', trait.name, 'methods', m);
      const asFields = (nodes: readonly TypeNode[]): FieldModel[] => nodes.map((type) => ({ name: method.name, type, optional: false }));
      method.params.forEach((param, p) => checkReferences(asFields(methodTypeNodes(param.type)), () => `${pointer}${pointerOf('params', p, 'type')}`));
      if (method.returns) checkReferences(asFields(methodTypeNodes(method.returns)), () => `${pointer}/returns`);
    });
  });

  // Defaults must be values of their field's type, to the leaf.
  const defaultTypes = { declarations: new Map<string, TypeDeclaration | TaggedUnionDeclaration>([...types, ...unions].map((t) => [t.name, t])), imported: new Set(importsByName.keys()) };
  params.forEach((field) => {
    if (field.default === undefined || !field.optional || unresolved.has(field)) return;
    const at = pointerOf('params', fieldIndex.get(field)!, 'default');
    for (const problem of defaultValueProblems(field.default, field.type, defaultTypes)) {
      issues.add({ file, pointer: at + problem.at, message: `default does not fit type: ${problem.problem}`, found: describeValue(valueAtPointer(field.default, problem.at)), ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) });
    }
  });

  // With problems, leave out the fields that did not resolve (see above).
  const resolvedOnly = (fields: readonly FieldModel[]): FieldModel[] => fields.filter((f) => !unresolved.has(f));
  const imports = [...usedImports].sort().map((name) => importsByName.get(name)!);
  const model: CommandModel = {
    name: spec.name,
    segments: spec.name.split('/'),
    className,
    description: spec.description,
    environment,
    adapter,
    accessLevel: spec.accessLevel ?? 'internal',
    params: resolvedOnly(params),
    results: resolvedOnly(results),
    resultConventions: resolvedOnly(resultConventions),
    types: types.map((t) => (t.kind === 'interface' ? { ...t, fields: resolvedOnly(t.fields) } : t)),
    imports,
    examples: spec.examples ?? [],
    rust: spec.rust,
    ...(spec.typesFile !== undefined ? { typesFile: spec.typesFile } : {}),
    unions: unions.map((u) => ({ ...u, variants: u.variants.map((v) => ({ ...v, fields: resolvedOnly(v.fields) })) })),
    traits,
    spec: canonicalSpec(registryImports.length > 0 ? { ...spec, imports: [...(spec.imports ?? []), ...registryImports] } : spec),
    specFile: file,
  };
  return { model, issues: issues.list() };
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
      over(variantFields, SPEC_LIMITS.typeFields, (i) => pointerOf('types', typeName, 'variants', variantName, 'fields', variantFields[i]), `fields in variant ${variantName} of ${typeName}`);
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
