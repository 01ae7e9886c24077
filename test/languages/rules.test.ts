import { strict as assert } from 'node:assert';
import type { CommandModel, FieldModel } from '../../shared/model/command-model.js';
import type { TypeNode } from '../../shared/types/type-tree.js';
import { caseConfig, filesOf, generateLanguageCase, languageCases, type LanguageCase } from './language-cases.js';

/**
 * Rules a reader can check in the Swift and Kotlin text: balanced delimiters, keywords escaped,
 * and every spec field present with the type docs/type-mapping.md gives it. The expected names
 * and types are computed here, from the mapping table, not by the adapters' code. Swift has no
 * compiler here (swift.test.ts parses it with a real grammar); Kotlin is also compiled by kotlinc
 * (kotlin.test.ts): these rules say which field or mapping is wrong when something is.
 */

const SWIFT_RESERVED = new Set(
  'associatedtype class deinit enum extension fileprivate func import init inout internal let open operator private precedencegroup protocol public rethrows static struct subscript typealias var break case catch continue default defer do else fallthrough for guard if in repeat return throw switch where while Any as await false is nil super throws true try self Self'.split(
    ' ',
  ),
);
const KOTLIN_HARD = new Set(
  'as break class continue do else false for fun if in interface is null object package return super this throw true try typealias typeof val var when while'.split(
    ' ',
  ),
);

interface Mapping {
  readonly primitive: Record<string, string>;
  array(t: string): string;
  record(t: string): string;
  nullable(t: string): string;
  imported(name: string): string;
}

const swiftMapping = (imported: (n: string) => string): Mapping => ({
  primitive: { string: 'String', number: 'Double', integer: 'Int', boolean: 'Bool' },
  array: (t) => `[${t}]`,
  record: (t) => `[String: ${t}]`,
  nullable: (t) => `${t}?`,
  imported,
});
const kotlinMapping = (imported: (n: string) => string): Mapping => ({
  primitive: { string: 'String', number: 'Double', integer: 'Long', boolean: 'Boolean' },
  array: (t) => `List<${t}>`,
  record: (t) => `Map<String, ${t}>`,
  nullable: (t) => `${t}?`,
  imported,
});

function expectedType(node: TypeNode, mapping: Mapping, model: CommandModel): string {
  switch (node.kind) {
    case 'primitive':
      return mapping.primitive[node.name];
    case 'named':
      return model.imports.some((i) => i.name === node.name) ? mapping.imported(node.name) : node.name;
    case 'array':
      return mapping.array(expectedType(node.element, mapping, model));
    case 'record':
      return mapping.record(expectedType(node.value, mapping, model));
    case 'nullable':
      return mapping.nullable(expectedType(node.inner, mapping, model));
    default:
      throw new Error(`unexpected ${node.kind}`);
  }
}

/** A field's type as a field: optional fields are nullable too (T?), without doubling a nullable's ?. */
const fieldType = (field: FieldModel, mapping: Mapping, model: CommandModel): string => {
  const type = expectedType(field.type, mapping, model);
  return field.optional && field.type.kind !== 'nullable' ? `${type}?` : type;
};

/** Every struct the spec defines, with the fields it must have. */
function structsOf(model: CommandModel): { name: string; fields: readonly FieldModel[] }[] {
  return [
    ...model.types.flatMap((t) => (t.kind === 'interface' ? [{ name: t.name, fields: t.fields }] : [])),
    { name: `${model.className}Params`, fields: model.params },
    { name: `${model.className}Result`, fields: model.results },
  ];
}

/** Code with string literals and comments blanked out, so delimiters and identifiers can be read. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' '))
    .replace(/"(?:[^"\\\n]|\\.)*"/g, (m) => `"${' '.repeat(m.length - 2)}"`)
    .replace(/\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
}

function assertBalanced(text: string, label: string): void {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };
  const stack: string[] = [];
  for (const [i, c] of [...codeOnly(text)].entries()) {
    if ('([{'.includes(c)) stack.push(c);
    else if (')]}'.includes(c)) assert.equal(stack.pop(), pairs[c], `${label}: unbalanced ${c} at offset ${i}`);
  }
  assert.deepEqual(stack, [], `${label}: unclosed ${stack.join('')}`);
}

/** The body of `<header> ... \n}` or `<header>( ... \n)` starting at a declaration line. */
function declarationBody(text: string, header: RegExp, label: string): string {
  const match = header.exec(text);
  assert.ok(match, `${label}: no declaration matching ${header}`);
  const start = match.index + match[0].length;
  const end = text.indexOf(text[start - 1] === '(' ? '\n)' : '\n}', start);
  return text.slice(start, end);
}

const bare = (name: string): string => name.replace(/`/g, '');
const importedOf =
  (c: LanguageCase, adapter: string) =>
  (name: string): string => {
    const mapping = (caseConfig(c).adapterOptions?.[adapter]?.importedTypes as Record<string, string | { type: string }> | undefined)?.[
      name
    ];
    assert.ok(mapping, `${c.name}: no ${adapter} mapping for ${name}`);
    return typeof mapping === 'string' ? mapping : mapping.type;
  };

describe('Swift and Kotlin output: rules a reader can check', () => {
  for (const c of languageCases()) {
    describe(c.name, () => {
      const result = generateLanguageCase(c);
      const model = result.model;
      const swift = filesOf(result, 'swift').find((f) => f.path.endsWith(`/${model.className}.swift`))!;
      const kotlin = filesOf(result, 'kotlin').find((f) => f.path.endsWith(`/${model.className}.kt`))!;

      it('braces, brackets and parentheses are balanced', () => {
        for (const file of [...filesOf(result, 'swift'), ...filesOf(result, 'kotlin')]) assertBalanced(file.content, file.path);
      });

      it('Swift: every struct has every spec field with its mapped type (String, Double, Int, Bool, [T], [String: T], T?)', () => {
        const mapping = swiftMapping(importedOf(c, 'swift'));
        for (const struct of structsOf(model)) {
          const body = declarationBody(swift.content, new RegExp(`public struct ${struct.name}: Codable \\{`), struct.name);
          const declared = [...body.matchAll(/^ {4}public var (\S+): (.+)$/gm)].map((m) => ({ name: m[1], type: m[2] }));
          assert.equal(declared.length, struct.fields.length, `${struct.name}: one property per field`);
          struct.fields.forEach((field, i) => {
            const property = declared[i];
            // The property keeps the wire name; Swift's unusable `self` becomes self_ with a CodingKey back to "self".
            if (bare(property.name) !== field.name) {
              assert.equal(property.name, `${field.name}_`, `${struct.name}.${field.name}`);
              assert.match(
                body,
                new RegExp(`case ${field.name}_ = "${field.name}"`),
                `${struct.name}.${field.name}: a CodingKey keeps the wire name`,
              );
            }
            assert.equal(property.type, fieldType(field, mapping, model), `${struct.name}.${field.name}`);
          });
        }
      });

      it('Swift: keywords used as identifiers are in backticks', () => {
        const code = codeOnly(swift.content);
        const identifiers = [
          ...[...code.matchAll(/(?:public var|case|public func) (`?[A-Za-z_][A-Za-z0-9_]*`?)/g)].map((m) => m[1]),
          ...[...code.matchAll(/[(,] (`?[A-Za-z_][A-Za-z0-9_]*`?): /g)].map((m) => m[1]),
        ];
        assert.ok(identifiers.length > 0);
        for (const id of identifiers) {
          if (SWIFT_RESERVED.has(id)) assert.fail(`${id} is a Swift keyword used without backticks`);
          if (id.startsWith('`')) assert.ok(SWIFT_RESERVED.has(bare(id)), `${id}: backticks on a non-keyword`);
        }
      });

      it('Swift: enums are String-backed, CaseIterable, and carry every value as its raw value', () => {
        for (const e of model.types.filter((t) => t.kind === 'enum')) {
          const body = declarationBody(swift.content, new RegExp(`public enum ${e.name}: String, Codable, CaseIterable \\{`), e.name);
          const raw = [...body.matchAll(/case \S+ = ("(?:[^"\\]|\\.)*")/g)].map((m) => JSON.parse(m[1]) as string);
          assert.deepEqual(raw, e.values, e.name);
        }
      });

      it('Swift: an async throws client function per command', () => {
        assert.match(
          swift.content,
          new RegExp(
            `public func \\S+\\(_ params: ${model.className}Params, using transport: CommandTransport\\) async throws -> ${model.className}Result \\{`,
          ),
        );
        assert.ok(swift.content.includes(`execute(command: ${JSON.stringify(model.name)}`));
      });

      it('Kotlin: every @Serializable data class has every spec field with its mapped type (Long, List<T>, T? = null, ...)', () => {
        const mapping = kotlinMapping(importedOf(c, 'kotlin'));
        for (const struct of structsOf(model)) {
          if (struct.fields.length === 0) {
            // A data class needs a property: an empty struct is a data object (equality holds, {} on the wire).
            assert.match(kotlin.content, new RegExp(`@Serializable\\ndata object ${struct.name}\\n`));
            continue;
          }
          const body = declarationBody(kotlin.content, new RegExp(`@Serializable\\ndata class ${struct.name}\\(`), struct.name);
          const declared = [...body.matchAll(/^ {4}val (\S+): (.+?)( = null)?,$/gm)].map((m) => ({
            name: m[1],
            type: m[2],
            defaultNull: m[3] !== undefined,
          }));
          assert.equal(declared.length, struct.fields.length, `${struct.name}: one property per field`);
          struct.fields.forEach((field, i) => {
            const property = declared[i];
            assert.equal(bare(property.name), field.name, `${struct.name}: property ${i} keeps the wire name`);
            assert.equal(property.type, fieldType(field, mapping, model), `${struct.name}.${field.name}`);
            // Optional: `T? = null` (absent); nullable: `T?` with no default (sent as null).
            assert.equal(property.defaultNull, field.optional, `${struct.name}.${field.name}: = null exactly when optional`);
          });
        }
      });

      it('Kotlin: hard keywords used as identifiers are in backticks, and only those', () => {
        const code = codeOnly(kotlin.content);
        const identifiers = [...code.matchAll(/(?:val|fun|package) (`?[A-Za-z_][A-Za-z0-9_.`]*`?)/g)].flatMap((m) => m[1].split('.'));
        assert.ok(identifiers.length > 0);
        for (const id of identifiers) {
          assert.ok(!KOTLIN_HARD.has(id), `${id} is a Kotlin keyword used without backticks`);
          if (id.startsWith('`')) assert.ok(KOTLIN_HARD.has(bare(id)), `${id}: backticks on a non-keyword`);
        }
      });

      it('Kotlin: enums carry every value in @SerialName, and a suspend fun client exists', () => {
        for (const e of model.types.filter((t) => t.kind === 'enum')) {
          const body = declarationBody(kotlin.content, new RegExp(`@Serializable\\nenum class ${e.name} \\{`), e.name);
          const names = [...body.matchAll(/@SerialName\(("(?:[^"\\]|\\.)*")\)\n {4}[A-Z_][A-Z0-9_]*,/g)].map(
            (m) => JSON.parse(m[1]) as string,
          );
          assert.deepEqual(names, e.values, e.name);
        }
        assert.match(
          kotlin.content,
          new RegExp(`suspend fun \\S+\\(transport: CommandTransport, params: ${model.className}Params\\): ${model.className}Result =`),
        );
      });

      it('Python: every field keeps its wire name as attribute or alias; keywords and BaseModel attributes are not attributes', () => {
        const python = filesOf(result, 'python').find((f) => !f.path.endsWith('_routes.py'))!;
        for (const struct of structsOf(model)) {
          const body = declarationBody(python.content, new RegExp(`class ${struct.name}\\(BaseModel\\):`), struct.name);
          for (const field of struct.fields) {
            const line = body
              .split('\n')
              .find((l) => new RegExp(`^ {4}\\w+: .*alias='${field.name}'`).test(l) || l.startsWith(`    ${field.name}: `));
            assert.ok(line, `${struct.name}.${field.name}: no attribute or alias for the wire name`);
            const attribute = line.trim().split(':')[0];
            assert.ok(
              !['class', 'from', 'import', 'in', 'is', 'def', 'return', 'yield', 'while', 'json', 'model_config', 'copy', 'dict'].includes(
                attribute,
              ),
              `${attribute} must be escaped`,
            );
          }
        }
      });
    });
  }
});
