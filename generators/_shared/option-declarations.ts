/**
 * One declaration per option (the idea of generator-jhipster's command.ts): the same entry makes
 * the CLI flag (`yo` and `continuum-gen --help`), the wizard question, and the name a
 * non-interactive run reports when the value is missing.
 */
export interface OptionChoice {
  readonly value: string;
  readonly name: string;
}

export interface OptionDeclaration {
  /** Flag name in kebab case (`access-level` is `--access-level`; the value is read as accessLevel too). */
  readonly name: string;
  /** Array: a repeatable flag (--adapter=swift --adapter=kotlin). */
  readonly type: StringConstructor | BooleanConstructor | ArrayConstructor;
  /** One line for --help. */
  readonly description: string;
  readonly default?: string | boolean;
  /** Part of the wizard: asked when the run is interactive and the flag was not given. */
  readonly prompt?: {
    readonly message: string;
    /** Fixed choices make a list question and restrict the flag to these values. */
    readonly choices?: readonly OptionChoice[];
    /** Returns a message when the value cannot be used (checked for flags and answers alike). */
    readonly validate?: (value: string) => string | undefined;
  };
  /** A wizard value without which nothing can be generated. */
  readonly required?: boolean;
}

/** `access-level` -> `accessLevel`: commander and question names use camel case, yo's minimist kebab case. */
export function camelCaseOption(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** Why a given value is not acceptable for the declaration, or undefined when it is. */
export function optionValueProblem(declaration: OptionDeclaration, value: string): string | undefined {
  const choices = declaration.prompt?.choices;
  if (choices && !choices.some((choice) => choice.value === value)) {
    return `--${declaration.name} must be one of ${choices.map((c) => c.value).join(', ')}; found ${JSON.stringify(value)}`;
  }
  const problem = declaration.prompt?.validate?.(value);
  return problem === undefined ? undefined : `--${declaration.name} ${problem}; found ${JSON.stringify(value)}`;
}
