import { deepStrictEqual, notDeepStrictEqual } from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Project, type SourceFile } from 'ts-morph';
import { ADAPTER_ID_PATTERN } from '../../shared/adapters/adapter.js';
import { builtinAdapters } from '../../shared/adapters/builtin-adapters.js';
import { ADAPTER_OF_ENVIRONMENT, ENVIRONMENT_OF_ADAPTER } from '../../shared/spec/spec-defaults.js';
import { commandOptions } from '../../generators/command/command.js';
import { repoRoot } from '../support/paths.js';

/** A JSON Schema node, as much of it as the comparison reads. */
interface SchemaNode {
  readonly properties?: Record<string, SchemaNode>;
  readonly required?: readonly string[];
  readonly enum?: readonly string[];
  readonly items?: SchemaNode;
  readonly $ref?: string;
  readonly pattern?: string;
}

const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', 'command-spec-v2.schema.json'), 'utf8')) as SchemaNode & {
  definitions: Record<string, SchemaNode>;
};
const definitions = schema.definitions;
const rootProperties = schema.properties!;

/** Each TypeScript interface of the spec and the schema object it must match, field for field. */
const INTERFACES: readonly (readonly [string, SchemaNode])[] = [
  ['CommandSpecV2', schema],
  ['SpecField', definitions.field],
  ['SpecTypeField', definitions.typeField],
  ['SpecTypeDeclaration', definitions.typeDeclaration],
  ['SpecVariant', definitions.variant],
  ['SpecTrait', definitions.trait],
  ['SpecTraitMethod', definitions.traitMethod],
  ['SpecTraitParam', definitions.traitMethod.properties!.params.items!],
  ['SpecExample', rootProperties.examples.items!],
  ['RustBlock', rootProperties.rust],
];

/** Each string-literal union of the spec and the schema enum it must equal. */
const UNIONS: readonly (readonly [string, SchemaNode])[] = [
  ['Environment', rootProperties.environment],
  ['RustCompanion', rootProperties.rust.properties!.companions.items!],
];

interface Shape {
  readonly fields: readonly string[];
  readonly required: readonly string[];
}

function interfaceShape(file: SourceFile, name: string): Shape {
  const declaration = file.getInterfaceOrThrow(name);
  const properties = declaration.getProperties();
  return {
    fields: properties.map((p) => p.getName()).sort(),
    required: properties
      .filter((p) => !p.hasQuestionToken())
      .map((p) => p.getName())
      .sort(),
  };
}

const schemaShape = (node: SchemaNode): Shape => ({
  fields: Object.keys(node.properties ?? {}).sort(),
  required: [...(node.required ?? [])].sort(),
});

/** The members of a union of string literals, sorted. */
function unionMembers(text: string): string[] {
  return text
    .split('|')
    .map((member) => member.trim().replace(/^'|'$/g, ''))
    .sort();
}

function specTypes(text: string): SourceFile {
  return new Project({ useInMemoryFileSystem: true, skipLoadingLibFiles: true }).createSourceFile('command-spec.ts', text);
}

/** Every difference between the spec types (the text of command-spec.ts) and the schema, as lines. */
function differences(text: string): string[] {
  const file = specTypes(text);
  const found: string[] = [];
  for (const [name, node] of INTERFACES) {
    const ts = interfaceShape(file, name);
    const json = schemaShape(node);
    for (const field of ts.fields) if (!json.fields.includes(field)) found.push(`${name}.${field}: in the types, not the schema`);
    for (const field of json.fields) if (!ts.fields.includes(field)) found.push(`${name}.${field}: in the schema, not the types`);
    for (const field of ts.required)
      if (json.fields.includes(field) && !json.required.includes(field)) found.push(`${name}.${field}: required in the types only`);
    for (const field of json.required)
      if (ts.fields.includes(field) && !ts.required.includes(field)) found.push(`${name}.${field}: required in the schema only`);
  }
  for (const [name, node] of UNIONS) {
    const members = unionMembers(file.getTypeAliasOrThrow(name).getTypeNodeOrThrow().getText());
    const values = [...(node.enum ?? [])].sort();
    if (JSON.stringify(members) !== JSON.stringify(values))
      found.push(`${name}: ${members.join(' | ')} in the types, ${values.join(' | ')} in the schema`);
  }
  const receiver = file.getInterfaceOrThrow('SpecTraitMethod').getPropertyOrThrow('receiver').getTypeNodeOrThrow().getText();
  if (JSON.stringify(unionMembers(receiver)) !== JSON.stringify([...(definitions.traitMethod.properties!.receiver.enum ?? [])].sort()))
    found.push(`SpecTraitMethod.receiver: ${receiver} in the types, not the schema's enum`);
  return found;
}

const specSource = readFileSync(join(repoRoot, 'shared', 'spec', 'command-spec.ts'), 'utf8');

describe('one vocabulary: the spec types and schemas/command-spec-v2.schema.json agree', () => {
  it('every interface has the schema object fields, required where the schema requires them; every union is the schema enum', () => {
    deepStrictEqual(differences(specSource), []);
  });

  it('sees a field, a required field and an enum value on one side only (the control)', () => {
    const extraField = specSource.replace('export interface SpecField {', 'export interface SpecField {\n  nickname?: string;');
    const requiredHere = specSource.replace('  typesFile?: string;', '  typesFile: string;');
    const extraValue = specSource.replace(
      "export type Environment = 'server' | 'browser' | 'both';",
      "export type Environment = 'server' | 'browser' | 'both' | 'edge';",
    );
    for (const changed of [extraField, requiredHere, extraValue]) {
      notDeepStrictEqual(changed, specSource, 'the control changed the text');
      notDeepStrictEqual(differences(changed), []);
    }
  });

  it("the imports entry is the config's ImportDeclaration, field for field", () => {
    const file = specTypes(readFileSync(join(repoRoot, 'shared', 'config', 'project-config.ts'), 'utf8'));
    deepStrictEqual(interfaceShape(file, 'ImportDeclaration'), schemaShape(definitions.import));
  });

  it('the wizard offers, and the defaults map, exactly the schema environments', () => {
    const environments = [...(rootProperties.environment.enum ?? [])].sort();
    deepStrictEqual(commandOptions.environment.prompt.choices.map((c) => c.value).sort(), environments);
    deepStrictEqual(Object.keys(ADAPTER_OF_ENVIRONMENT).sort(), environments);
  });

  it("the schema's adapter is the registry's id pattern, not a list: a project adapter may be a spec's own", () => {
    deepStrictEqual([rootProperties.adapter.enum, rootProperties.adapter.pattern], [undefined, ADAPTER_ID_PATTERN.source]);
  });

  it("the built-in defaults a spec resolved without a registry gets (spec-defaults.ts) are the built-in adapters' declarations", () => {
    const registry = builtinAdapters();
    const declared = (table: Record<string, unknown>): string[] =>
      Object.keys(table).map((id) => `${id}: ${registry.get(id)?.environments?.[0]}`);
    deepStrictEqual(
      Object.entries(ENVIRONMENT_OF_ADAPTER).map(([id, environment]) => `${id}: ${environment}`),
      declared(ENVIRONMENT_OF_ADAPTER),
    );
    deepStrictEqual(
      Object.entries(ADAPTER_OF_ENVIRONMENT).map(([environment, id]) => `${environment}: ${id}`),
      Object.keys(ADAPTER_OF_ENVIRONMENT).map((e) => `${e}: ${registry.defaultFor(e as keyof typeof ADAPTER_OF_ENVIRONMENT)?.id}`),
    );
    // The control: a declaration that disagrees is seen.
    const browserFirst = { ...ENVIRONMENT_OF_ADAPTER, 'rust-ipc': 'both' };
    notDeepStrictEqual(
      Object.entries(browserFirst).map(([id, environment]) => `${id}: ${environment}`),
      declared(browserFirst),
    );
  });
});
