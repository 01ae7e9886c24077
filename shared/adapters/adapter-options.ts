import { CONFIG_FILE, CONFIG_KEY, unsafeRelativePath, type ProjectConfig } from '../config/project-config.js';
import { SpecError, describeValue, pointerOf, type SpecIssue } from '../errors.js';
import type { AdapterOptionDeclaration, AdapterOptionValue, AdapterOptions, GeneratorAdapter } from './adapter.js';

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Why a configured value does not fit an option's declared type, or undefined when it does. */
export function optionValueProblem(
  declaration: AdapterOptionDeclaration,
  value: unknown,
): { problem: string; expected: string } | undefined {
  switch (declaration.type) {
    case 'string':
      return typeof value === 'string' ? undefined : { problem: 'is not a string', expected: 'a string' };
    case 'boolean':
      return typeof value === 'boolean' ? undefined : { problem: 'is not a boolean', expected: 'true or false' };
    case 'path': {
      if (typeof value !== 'string') return { problem: 'is not a string', expected: 'a project-relative folder, e.g. generated/swift' };
      const problem = unsafeRelativePath(value);
      return problem ? { problem, expected: 'a project-relative folder with forward slashes, e.g. generated/swift' } : undefined;
    }
    case 'string-map':
      return isPlainObject(value) && Object.values(value).every((v) => typeof v === 'string')
        ? undefined
        : { problem: 'is not an object of strings', expected: '{ "<name>": "<text>" }' };
    case 'type-map': {
      const ok =
        isPlainObject(value) &&
        Object.values(value).every(
          (v) =>
            typeof v === 'string' ||
            (isPlainObject(v) &&
              typeof v.type === 'string' &&
              (v.import === undefined || typeof v.import === 'string') &&
              Object.keys(v).every((k) => k === 'type' || k === 'import')),
        );
      return ok
        ? undefined
        : {
            problem: 'is not a type map',
            expected:
              '{ "<ImportedName>": "<target type>" } or { "<ImportedName>": { "type": "<target type>", "import": "<module or file>" } }',
          };
    }
  }
}

/** Map-valued options merge by key (configured entries add to or replace the defaults); others replace. */
function mergeOptionValue(declaration: AdapterOptionDeclaration, base: AdapterOptionValue, over: AdapterOptionValue): AdapterOptionValue {
  if ((declaration.type === 'string-map' || declaration.type === 'type-map') && isPlainObject(base) && isPlainObject(over))
    return { ...base, ...over } as AdapterOptionValue;
  return over;
}

/**
 * The options an adapter runs with: each declared option's default, overridden by the project
 * config's `adapterOptions.<id>`. An undeclared or ill-typed option is a SpecError pointing into
 * .yo-rc.json. An adapter that declares no options receives its configured object unchecked.
 */
export function resolveAdapterOptions(adapter: GeneratorAdapter, config: ProjectConfig): AdapterOptions {
  const configured = config.adapterOptions?.[adapter.id] ?? {};
  const declarations = adapter.options;
  if (!declarations) return configured as AdapterOptions;
  const issues: SpecIssue[] = [];
  const resolved: Record<string, AdapterOptionValue> = {};
  for (const declaration of declarations) resolved[declaration.name] = declaration.default;
  for (const [name, value] of Object.entries(configured)) {
    const pointer = `/${CONFIG_KEY}${pointerOf('adapterOptions', adapter.id, name)}`;
    const declaration = declarations.find((d) => d.name === name);
    if (!declaration) {
      issues.push({
        file: CONFIG_FILE,
        pointer,
        message: `adapter ${adapter.id} has no option '${name}'`,
        found: describeValue(value),
        expected: declarations.length > 0 ? `one of ${declarations.map((d) => d.name).join(', ')}` : 'no options (this adapter takes none)',
      });
      continue;
    }
    const problem = optionValueProblem(declaration, value);
    if (problem) {
      issues.push({
        file: CONFIG_FILE,
        pointer,
        message: `option ${name} of adapter ${adapter.id} ${problem.problem}`,
        found: describeValue(value),
        expected: problem.expected,
      });
      continue;
    }
    resolved[name] = mergeOptionValue(declaration, declaration.default, value as AdapterOptionValue);
  }
  if (issues.length > 0) throw new SpecError(issues);
  return resolved;
}
