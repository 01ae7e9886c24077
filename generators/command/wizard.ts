import type { AccessLevel, CommandSpecV2, Environment, SpecField } from '../../shared/spec/command-spec.js';

/** One wizard question, answered through the generator's prompt (or refused when non-interactive). */
export type Ask = <T extends string | boolean>(question: {
  name: string;
  message: string;
  type: 'input' | 'select' | 'confirm';
  choices?: readonly { name: string; value: string }[];
  default?: T;
  validate?: (value: string) => string | true;
}) => Promise<T>;

const TYPE_CHOICES = [
  { value: 'string', name: 'string' },
  { value: 'number', name: 'number' },
  { value: 'integer', name: 'integer (a whole number JavaScript holds exactly)' },
  { value: 'boolean', name: 'boolean' },
  { value: 'union', name: "union of strings ('a' | 'b'): you list the values next" },
  { value: 'string[]', name: 'list of strings (string[])' },
  { value: 'number[]', name: 'list of numbers (number[])' },
  { value: 'other', name: 'another type: write it (UUID, SubsystemInfo[], Record<string, number>, string | null)' },
] as const;

/** `inference, tts | rendering` -> `'inference' | 'tts' | 'rendering'`; undefined when a value cannot be a literal. */
export function unionOfStrings(values: string): string | undefined {
  const parts = values
    .split(/[|,\s]+/)
    .map((v) => v.replace(/^['"]|['"]$/g, ''))
    .filter((v) => v !== '');
  if (parts.length === 0 || parts.some((v) => /['"\\]/.test(v))) return undefined;
  return [...new Set(parts)].map((v) => `'${v}'`).join(' | ');
}

/**
 * Ask for params or results in a loop: name, type (union values offered as their own step),
 * optional, description. Question names carry the kind and position (param1Name, addResult2) so
 * answers are unambiguous, in a terminal and in tests.
 */
export async function askFields(ask: Ask, kind: 'param' | 'result'): Promise<SpecField[]> {
  const label = kind === 'param' ? 'parameter' : 'result field';
  const fields: SpecField[] = [];
  for (let n = 1; ; n++) {
    const more = await ask<boolean>({ name: `add${kind === 'param' ? 'Param' : 'Result'}${n}`, type: 'confirm', message: n === 1 ? `Add a ${label}?` : `Add another ${label}?`, default: false });
    if (!more) return fields;
    const prefix = `${kind}${n}`;
    const name = (
      await ask<string>({
        name: `${prefix}Name`,
        type: 'input',
        message: `${label} #${n}: name`,
        validate: (value) => {
          const trimmed = value.trim();
          if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(trimmed)) return 'a field name is letters, digits, _ or $, not starting with a digit (camelCase by convention)';
          if (fields.some((f) => f.name === trimmed)) return `${trimmed} is already a ${label}`;
          return true;
        },
      })
    ).trim();
    const choice = await ask<string>({ name: `${prefix}Type`, type: 'select', message: `${name}: type`, choices: TYPE_CHOICES, default: 'string' });
    let type = choice;
    if (choice === 'union') {
      const values = await ask<string>({
        name: `${prefix}Values`,
        type: 'input',
        message: `${name}: the allowed values, separated by | or commas`,
        validate: (value) => (unionOfStrings(value) ? true : 'list at least one value, without quotes or backslashes inside'),
      });
      type = unionOfStrings(values)!;
    } else if (choice === 'other') {
      type = (await ask<string>({ name: `${prefix}TypeExpression`, type: 'input', message: `${name}: type (TypeScript syntax)`, validate: (value) => (value.trim() ? true : 'a type is required') })).trim();
    }
    const optional = await ask<boolean>({ name: `${prefix}Optional`, type: 'confirm', message: `${name}: optional (may be absent)?`, default: false });
    const description = (await ask<string>({ name: `${prefix}Description`, type: 'input', message: `${name}: description (optional)`, default: '' })).trim();
    fields.push({ name, type, ...(optional ? { optional: true } : {}), ...(description ? { description } : {}) });
  }
}

export interface WizardValues {
  readonly name: string;
  readonly description: string;
  readonly environment?: string;
  readonly accessLevel?: string;
  readonly className?: string;
}

/** The spec the wizard built; the engine validates it like any spec file. */
export function wizardSpec(values: WizardValues, params: SpecField[], results: SpecField[]): CommandSpecV2 {
  return {
    version: 2,
    name: values.name,
    ...(values.className ? { className: values.className } : {}),
    description: values.description,
    environment: (values.environment ?? 'server') as Environment,
    accessLevel: (values.accessLevel ?? 'internal') as AccessLevel,
    params,
    results,
  };
}
