/** The generated TypeScript's checks of wire values: the implementing class's param validation and the tests' result assertions. */
import type { CommandModel, EnumDeclaration, FieldModel } from '../../model/command-model.js';
import { tsString, tsTemplateText } from '../../targets/typescript/typescript-text.js';
import { foldType } from '../../types/fold.js';
import type { TypeNode } from '../../types/type-tree.js';

/** The enum a field's type names (through a nullable), if any. */
export function enumOf(node: TypeNode, model: CommandModel): EnumDeclaration | undefined {
  const inner = node.kind === 'nullable' ? node.inner : node;
  if (inner.kind !== 'named') return undefined;
  const declared = model.types.find((t) => t.name === inner.name);
  return declared?.kind === 'enum' ? declared : undefined;
}

/** A condition on a wire value (an expression) and how to say what it expects; undefined: no check. */
type WireCheck = { condition: string; expected: string } | undefined;

/** The condition that makes a wire value invalid for a type, and how to say what is expected. */
function invalidCheck(value: string, node: TypeNode, model: CommandModel): WireCheck {
  return foldType<WireCheck>(node, {
    primitive: (n) =>
      n.name === 'integer'
        ? { condition: `!Number.isSafeInteger(${value})`, expected: 'an integer' }
        : { condition: `typeof ${value} !== '${n.name}'`, expected: `a ${n.name}` },
    array: () => ({ condition: `!Array.isArray(${value})`, expected: 'an array' }),
    record: () => ({ condition: `typeof ${value} !== 'object' || ${value} === null || Array.isArray(${value})`, expected: 'an object' }),
    nullable: (inner) =>
      inner
        ? {
            condition: `${value} !== null && ${inner.condition.includes('||') ? `(${inner.condition})` : inner.condition}`,
            expected: `${inner.expected} or null`,
          }
        : undefined,
    named: (n) => {
      const declared = model.types.find((t) => t.name === n.name);
      if (!declared) return undefined;
      if (declared.kind === 'enum')
        return { condition: `!is${declared.name}(${value})`, expected: `one of ${declared.values.map((x) => `'${x}'`).join(', ')}` };
      return { condition: `typeof ${value} !== 'object' || ${value} === null`, expected: `a ${declared.name} object` };
    },
    literals: () => undefined,
    // Untyped JSON: every wire value is valid.
    unknown: () => undefined,
  });
}

/** The checks of one param; `required: false` leaves presence to the caller (a server base class that checks it). */
export function validationBlock(field: FieldModel, model: CommandModel, required = true): string | undefined {
  const access = `params.${field.name}`;
  const check = invalidCheck(access, field.type, model);
  const lines: string[] = [];
  if (!field.optional && required) {
    lines.push(`if (${access} === undefined) {`, `  throw new ValidationError('${field.name}', 'is required');`, '}');
  }
  if (check) {
    const condition = check.condition.includes('||') ? `(${check.condition})` : check.condition;
    const guard = field.optional ? `${access} !== undefined && ${condition}` : check.condition;
    // The expected values are spec text inside a template literal: escaped, so a `${...}` in a value stays text.
    lines.push(
      `if (${guard}) {`,
      `  throw new ValidationError('${field.name}', \`must be ${tsTemplateText(check.expected)}; got \${JSON.stringify(${access})}\`);`,
      '}',
    );
  }
  return lines.length > 0 ? lines.join('\n') : undefined;
}

/** A positive check a test can make on a wire value, and what it says; undefined for imported shapes. */
function validCheck(value: string, node: TypeNode, model: CommandModel): WireCheck {
  return foldType<WireCheck>(node, {
    primitive: (n) =>
      n.name === 'integer'
        ? { condition: `Number.isSafeInteger(${value})`, expected: 'an integer' }
        : { condition: `typeof ${value} === '${n.name}'`, expected: `a ${n.name}` },
    array: () => ({ condition: `Array.isArray(${value})`, expected: 'an array' }),
    record: () => ({ condition: `typeof ${value} === 'object' && ${value} !== null && !Array.isArray(${value})`, expected: 'an object' }),
    nullable: (inner) =>
      inner ? { condition: `${value} === null || ${inner.condition}`, expected: `${inner.expected} or null` } : undefined,
    named: (n) => {
      const declared = model.types.find((t) => t.name === n.name);
      if (!declared) return undefined;
      if (declared.kind === 'enum') return { condition: `typeof ${value} === 'string'`, expected: `a ${declared.name}` };
      return { condition: `typeof ${value} === 'object' && ${value} !== null`, expected: `a ${declared.name} object` };
    },
    literals: () => undefined,
    unknown: () => undefined,
  });
}

/** An assertion line on a required result field, for the generated tests. */
export function resultCheck(field: FieldModel, model: CommandModel): string | undefined {
  if (field.optional) return undefined;
  const check = validCheck(`result.${field.name}`, field.type, model);
  return check ? `assert(${check.condition}, ${tsString(`${field.name} is ${check.expected}`)});` : undefined;
}
