import { pointerOf, type SpecIssue } from '../../shared/errors.js';
import { commandClassName } from '../../shared/model/naming.js';
import { describeDraftIssue, issuesAt, type SpecDraft } from '../../shared/run/draft-check.js';
import type {
  AccessLevel,
  CommandSpecV2,
  Environment,
  SpecField,
  SpecTypeDeclaration,
  SpecTypeField,
} from '../../shared/spec/command-spec.js';
import { commandOptions } from './command.js';

/** One wizard question, answered through a prompt (the generator's, or the bin's). */
export interface Question<T extends string | boolean> {
  readonly name: string;
  readonly message: string;
  readonly type: 'input' | 'select' | 'confirm';
  readonly choices?: readonly { name: string; value: string }[];
  readonly default?: T;
  /** Checked as the user types (terminal prompts); the wizard checks the answer again either way. */
  readonly validate?: (value: string) => string | true | Promise<string | true>;
}

export type Ask = <T extends string | boolean>(question: Question<T>) => Promise<T>;

/** What the wizard needs from its front end. */
export interface WizardIO {
  readonly ask: Ask;
  /** One line to the user: a problem with an answer, the summary. */
  readonly say: (line: string) => void;
  /** Every problem the engine finds in a draft (shared/run/draft-check.ts): the only rules the wizard applies. */
  readonly check: (draft: SpecDraft) => readonly SpecIssue[] | Promise<readonly SpecIssue[]>;
  /** Called whenever the draft changed, so that it can be saved. */
  readonly changed?: (draft: SpecDraft) => void;
  /** The access levels the project allows (config accessLevels); the host's four are offered without it. */
  readonly accessLevels?: readonly string[];
}

/** Ctrl-C (or a closed terminal) while a question is open: inquirer's own errors, whichever front end asked. */
export const isPromptInterruption = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');

export type WizardOutcome = { readonly kind: 'generate'; readonly spec: CommandSpecV2 } | { readonly kind: 'quit' };

/** The spec's top-level values, in the order the wizard asks them. */
export const TOP_LEVEL_KEYS = ['name', 'description', 'environment', 'accessLevel', 'className'] as const;
export type TopLevelKey = (typeof TOP_LEVEL_KEYS)[number];

const BASE_TYPE_CHOICES = [
  { value: 'string', name: 'string' },
  { value: 'number', name: 'number' },
  { value: 'integer', name: 'integer (a whole number JavaScript holds exactly)' },
  { value: 'boolean', name: 'boolean' },
  { value: 'union', name: "union of strings ('a' | 'b'): you list the values next" },
  { value: 'string[]', name: 'list of strings (string[])' },
  { value: 'number[]', name: 'list of numbers (number[])' },
] as const;
const NEW_TYPE_CHOICES = [
  { value: 'new-object', name: 'a new type with fields (declared in the spec, nested types allowed)' },
  { value: 'new-enum', name: 'a new enum (named string values)' },
  { value: 'other', name: 'another type: write it (UUID, Record<string, number>, string | null, DocSection[])' },
] as const;

/** `inference, tts | rendering` -> its values; undefined when none is given or one holds a quote or backslash. */
export function valueList(values: string): string[] | undefined {
  const parts = values
    .split(/[|,\s]+/)
    .map((v) => v.replace(/^['"]|['"]$/g, ''))
    .filter((v) => v !== '');
  if (parts.length === 0 || parts.some((v) => /['"\\]/.test(v))) return undefined;
  return [...new Set(parts)];
}

/** `inference, tts | rendering` -> `'inference' | 'tts' | 'rendering'`; undefined when a value cannot be a literal. */
export function unionOfStrings(values: string): string | undefined {
  return valueList(values)
    ?.map((v) => `'${v}'`)
    .join(' | ');
}

/** An answer to "default value": JSON when it parses ("5", "true", "[1]"), else the text itself; empty is none. */
export function parseDefault(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return trimmed;
  }
}

/** Where a field lives in the draft: a param, a result, or a field of a declared type. */
interface FieldSlot {
  /** Prefix of the question names (param1, result2, type1Field3): unambiguous in a terminal and in tests. */
  readonly prefix: string;
  readonly label: string;
  /** Params may have defaults. */
  readonly isParam: boolean;
  /** JSON pointer of the field in the draft. */
  pointer(fieldName: string): string;
  /** Pointer of the field's name (the name's own problems are reported there). */
  namePointer(fieldName: string): string;
  /** The draft with this field in its place. */
  place(field: SpecField): SpecDraft;
  /** Why a name cannot be used that the engine cannot see (a key repeated in a JSON object). */
  nameTaken(fieldName: string): string | undefined;
}

/**
 * The command wizard: asks for everything a spec can hold (top-level values, params, results,
 * named types with fields, optionality, descriptions, nested types and enums, param defaults),
 * checks each answer as typed with the engine's own rules, shows a summary where any part can be
 * edited, and returns the spec only once the engine accepts all of it. The draft is handed to
 * `changed` after every answer, so nothing answered is lost when a run stops.
 */
export class CommandWizard {
  private draft: SpecDraft;
  private typeCount = 0;

  constructor(
    private readonly io: WizardIO,
    start: SpecDraft,
    /** Values given as flags: used, not asked. */
    private readonly fixed: ReadonlySet<TopLevelKey> = new Set(),
  ) {
    this.draft = structuredClone(start);
    this.typeCount = Object.keys(start.types ?? {}).length;
  }

  /** The answers so far. */
  get current(): SpecDraft {
    return this.draft;
  }

  /** Ask what the draft does not hold yet, then the summary until the user generates or quits. */
  async run(): Promise<WizardOutcome> {
    for (const key of TOP_LEVEL_KEYS) {
      if (this.draft[key] === undefined && !this.fixed.has(key)) await this.askTopLevel(key);
    }
    if (this.draft.params === undefined) await this.fieldLoop('params');
    if (this.draft.results === undefined) await this.fieldLoop('results');
    return this.summaryLoop();
  }

  private update(change: (draft: SpecDraft) => void): void {
    change(this.draft);
    this.io.changed?.(this.draft);
  }

  /** Ask until the answer has no problem; the problem is said before asking again. */
  private async askChecked(question: Question<string>, problem: (answer: string) => Promise<string | undefined>): Promise<string> {
    for (;;) {
      const answer = String((await this.io.ask<string>({ ...question, validate: async (value) => (await problem(value)) ?? true })) ?? '');
      const found = await problem(answer);
      if (found === undefined) return answer.trim();
      this.io.say(`  ${question.message}: ${found}`);
    }
  }

  /** The engine's problems with `draft` at `pointer` (and below it), as one line; undefined when there is none. */
  private async problemIn(draft: SpecDraft, pointer: string, below = true): Promise<string | undefined> {
    const issues = issuesAt(await this.io.check(draft), pointer, below);
    return issues.length > 0 ? issues.map(describeDraftIssue).join('; ') : undefined;
  }

  private with(change: (draft: SpecDraft) => void): SpecDraft {
    const copy = structuredClone(this.draft);
    change(copy);
    return copy;
  }

  private async askTopLevel(key: TopLevelKey): Promise<void> {
    const current = this.draft[key];
    switch (key) {
      case 'name':
      case 'description': {
        const declaration = commandOptions[key];
        const value = await this.askChecked(
          { name: key, type: 'input', message: declaration.prompt.message, default: current },
          async (answer) =>
            answer.trim() === ''
              ? 'a value is required'
              : this.problemIn(
                  this.with((d) => (d[key] = answer.trim())),
                  `/${key}`,
                  false,
                ),
        );
        this.update((d) => (d[key] = value));
        return;
      }
      case 'environment':
      case 'accessLevel': {
        const prompt = commandOptions[key].prompt;
        const choices =
          key === 'accessLevel' && this.io.accessLevels ? accessLevelChoices(this.io.accessLevels, prompt.choices) : prompt.choices;
        const fallback = String(commandOptions[key].default);
        const value = await this.io.ask<string>({
          name: key,
          type: 'select',
          message: prompt.message,
          choices,
          default: current ?? (choices.some((c) => c.value === fallback) ? fallback : choices[0]?.value),
        });
        this.update((d) => {
          if (key === 'environment') d.environment = value as Environment;
          else d.accessLevel = value as AccessLevel;
        });
        return;
      }
      case 'className': {
        const derived = commandClassName(this.draft.name ?? '');
        const value = await this.askChecked(
          {
            name: 'className',
            type: 'input',
            message: 'Class-name stem (the default is derived from the name)',
            default: current ?? derived,
          },
          async (answer) =>
            answer.trim() === ''
              ? undefined
              : this.problemIn(
                  this.with((d) => (d.className = answer.trim())),
                  '/className',
                  false,
                ),
        );
        // A name equal to the derived one says nothing; left out, it follows a later change of the name.
        this.update((d) => {
          if (value === '' || value === derived) delete d.className;
          else d.className = value;
        });
        return;
      }
    }
  }

  private async fieldLoop(list: 'params' | 'results'): Promise<void> {
    this.update((d) => (d[list] ??= []));
    const kind = list === 'params' ? 'Param' : 'Result';
    const label = list === 'params' ? 'parameter' : 'result field';
    for (let n = this.draft[list]!.length + 1; ; n++) {
      const more = await this.io.ask<boolean>({
        name: `add${kind}${n}`,
        type: 'confirm',
        message: n === 1 ? `Add a ${label}?` : `Add another ${label}?`,
        default: false,
      });
      if (!more) return;
      await this.askListField(list, n - 1);
    }
  }

  private listSlot(list: 'params' | 'results', index: number): FieldSlot {
    const isParam = list === 'params';
    return {
      prefix: `${isParam ? 'param' : 'result'}${index + 1}`,
      label: `${isParam ? 'parameter' : 'result field'} #${index + 1}`,
      isParam,
      pointer: () => pointerOf(list, index),
      namePointer: () => pointerOf(list, index, 'name'),
      place: (field) =>
        this.with((d) => {
          const fields = (d[list] ??= []);
          fields[index] = field;
        }),
      nameTaken: () => undefined,
    };
  }

  private async askListField(list: 'params' | 'results', index: number): Promise<void> {
    const field = await this.askField(this.listSlot(list, index), this.draft[list]?.[index]);
    this.update((d) => ((d[list] ??= [])[index] = field));
  }

  private typeFieldSlot(typeName: string, number: number, previousName?: string): FieldSlot {
    const fieldsOf = (d: SpecDraft): Record<string, SpecTypeField> => (d.types![typeName].fields ??= {});
    return {
      prefix: `type${this.typeNumber(typeName)}Field${number}`,
      label: `${typeName} field #${number}`,
      isParam: false,
      pointer: (name) => pointerOf('types', typeName, 'fields', name),
      namePointer: (name) => pointerOf('types', typeName, 'fields', name),
      place: (field) => this.with((d) => replaceTypeField(fieldsOf(d), previousName, field)),
      nameTaken: (name) =>
        name !== previousName && Object.hasOwn(fieldsOf(this.draft), name) ? `${typeName} already has a field ${name}` : undefined,
    };
  }

  /** Question numbers of declared types follow the order they were declared in. */
  private typeNumber(typeName: string): number {
    return Object.keys(this.draft.types ?? {}).indexOf(typeName) + 1;
  }

  /** Ask for one field: name, type (declaring new types on the way), optional, default (params), description. */
  private async askField(slot: FieldSlot, current?: SpecField): Promise<SpecField> {
    const p = slot.prefix;
    const name = await this.askChecked(
      { name: `${p}Name`, type: 'input', message: `${slot.label}: name`, default: current?.name },
      async (answer) => {
        const trimmed = answer.trim();
        if (trimmed === '') return 'a name is required';
        return (
          slot.nameTaken(trimmed) ??
          this.problemIn(
            slot.place({ name: trimmed, type: 'string' }),
            slot.namePointer(trimmed),
            slot.namePointer(trimmed) !== slot.pointer(trimmed),
          )
        );
      },
    );
    const type = await this.askType(slot, name, current?.type);
    const field: SpecField = { name, type };
    const optional = await this.io.ask<boolean>({
      name: `${p}Optional`,
      type: 'confirm',
      message: `${name}: optional (may be absent)?`,
      default: current?.optional ?? false,
    });
    if (optional) {
      field.optional = true;
      const problem = await this.problemIn(slot.place(field), `${slot.pointer(name)}/type`, false);
      if (problem) {
        this.io.say(`  ${name}: ${problem}`);
        const both = await this.io.ask<boolean>({
          name: `${p}OptionalNullable`,
          type: 'confirm',
          message: `${name}: accept both absent and null (optionalNullable)?`,
          default: false,
        });
        if (both) field.optionalNullable = true;
        else delete field.optional;
      }
    }
    if (slot.isParam && field.optional) {
      const shown =
        current?.default === undefined ? '' : typeof current.default === 'string' ? current.default : JSON.stringify(current.default);
      const text = await this.askChecked(
        {
          name: `${p}Default`,
          type: 'input',
          message: `${name}: default value when absent (JSON or plain text; empty for none)`,
          default: shown,
        },
        async (answer) => {
          const value = parseDefault(answer);
          return value === undefined
            ? undefined
            : this.problemIn(slot.place({ ...field, default: value }), `${slot.pointer(name)}/default`);
        },
      );
      const value = parseDefault(text);
      if (value !== undefined) field.default = value;
    }
    const description = (
      await this.io.ask<string>({
        name: `${p}Description`,
        type: 'input',
        message: `${name}: description (optional)`,
        default: current?.description ?? '',
      })
    ).trim();
    if (description) field.description = description;
    return field;
  }

  private typeChoices(): { name: string; value: string }[] {
    const declared = Object.entries(this.draft.types ?? {}).flatMap(([typeName, declaration]) => [
      { value: typeName, name: `${typeName} (${declaration.enum ? 'enum' : 'declared type'})` },
      { value: `${typeName}[]`, name: `list of ${typeName} (${typeName}[])` },
    ]);
    return [...BASE_TYPE_CHOICES, ...declared, ...NEW_TYPE_CHOICES];
  }

  private async askType(slot: FieldSlot, fieldName: string, current?: string): Promise<string> {
    const p = slot.prefix;
    const typePointer = `${slot.pointer(fieldName)}/type`;
    const typeProblem = (type: string): Promise<string | undefined> => this.problemIn(slot.place({ name: fieldName, type }), typePointer);
    for (;;) {
      const choices = this.typeChoices();
      const preset = current === undefined ? 'string' : choices.some((c) => c.value === current) ? current : 'other';
      const choice = await this.io.ask<string>({
        name: `${p}Type`,
        type: 'select',
        message: `${fieldName}: type`,
        choices,
        default: preset,
      });
      let type = choice;
      if (choice === 'union') {
        const values = await this.askChecked(
          { name: `${p}Values`, type: 'input', message: `${fieldName}: the allowed values, separated by | or commas` },
          async (answer) => {
            const union = unionOfStrings(answer);
            return union === undefined ? 'list at least one value, without quotes or backslashes inside' : typeProblem(union);
          },
        );
        type = unionOfStrings(values)!;
      } else if (choice === 'other') {
        type = await this.askChecked(
          { name: `${p}TypeExpression`, type: 'input', message: `${fieldName}: type (TypeScript syntax)`, default: current },
          async (answer) => {
            if (answer.trim() === '') return 'a type is required';
            const problem = await typeProblem(answer.trim());
            // A name the engine does not know may be one the user means to declare: say how.
            return problem !== undefined && /unknown type/.test(problem)
              ? `${problem} (to declare it, pick "a new type with fields" or "a new enum" instead)`
              : problem;
          },
        );
      } else if (choice === 'new-object' || choice === 'new-enum') {
        const declared = await this.declareType(choice === 'new-enum' ? 'enum' : 'object');
        const many = await this.io.ask<boolean>({
          name: `${p}List`,
          type: 'confirm',
          message: `${fieldName}: a list of ${declared} (${declared}[])?`,
          default: false,
        });
        type = many ? `${declared}[]` : declared;
      }
      const problem = await typeProblem(type);
      if (problem === undefined) return type;
      this.io.say(`  ${fieldName}: ${problem}`);
    }
  }

  /** Declare a named type (an interface with fields, or an enum); returns its name. */
  private async declareType(kind: 'object' | 'enum'): Promise<string> {
    const p = `type${++this.typeCount}`;
    const placeholder: SpecTypeDeclaration = kind === 'enum' ? { enum: ['value'] } : { fields: {} };
    const name = await this.askChecked(
      {
        name: `${p}Name`,
        type: 'input',
        message:
          kind === 'enum' ? 'Name of the new enum (PascalCase, e.g. DocFormat)' : 'Name of the new type (PascalCase, e.g. DocSection)',
      },
      async (answer) => {
        const trimmed = answer.trim();
        if (trimmed === '') return 'a name is required';
        if (Object.hasOwn(this.draft.types ?? {}, trimmed)) return `${trimmed} is already declared`;
        return this.problemIn(
          this.with((d) => ((d.types ??= {})[trimmed] = placeholder)),
          pointerOf('types', trimmed),
          false,
        );
      },
    );
    this.update((d) => ((d.types ??= {})[name] = structuredClone(placeholder)));
    await this.askTypeBody(name, kind, p, true);
    return name;
  }

  /** The description and the values or fields of a declared type; also what editing a type asks. */
  private async askTypeBody(name: string, kind: 'object' | 'enum', p: string, declaring: boolean): Promise<void> {
    const current = this.draft.types![name];
    const description = (
      await this.io.ask<string>({
        name: `${p}Description`,
        type: 'input',
        message: `${name}: description (optional)`,
        default: current.description ?? '',
      })
    ).trim();
    this.update((d) => {
      if (description) d.types![name].description = description;
      else delete d.types![name].description;
    });
    if (kind === 'enum') {
      const pointer = pointerOf('types', name);
      const values = await this.askChecked(
        { name: `${p}Values`, type: 'input', message: `${name}: the values, separated by | or commas`, default: current.enum?.join(', ') },
        async (answer) => {
          const list = valueList(answer);
          return list === undefined
            ? 'list at least one value, without quotes or backslashes inside'
            : this.problemIn(
                this.with((d) => (d.types![name].enum = list)),
                pointer,
              );
        },
      );
      this.update((d) => (d.types![name].enum = valueList(values)));
      return;
    }
    await this.typeFieldMenu(name, p, declaring);
  }

  /** Fields of an object type: while declaring, a loop of "add a field?"; when editing, a menu to add, change or remove one. */
  private async typeFieldMenu(typeName: string, p: string, declaring: boolean): Promise<void> {
    if (declaring) {
      for (let n = 1; ; n++) {
        const more = await this.io.ask<boolean>({
          name: `${p}AddField${n}`,
          type: 'confirm',
          message: n === 1 ? `${typeName}: add a field?` : `${typeName}: add another field?`,
          default: n === 1,
        });
        if (!more) return;
        await this.askTypeField(typeName, n);
      }
    }
    for (;;) {
      const fields = Object.keys(this.draft.types![typeName].fields ?? {});
      const action = await this.io.ask<string>({
        name: `${p}FieldAction`,
        type: 'select',
        message: `${typeName}: fields ${fields.join(', ') || '(none)'}`,
        default: 'done',
        choices: [
          { value: 'done', name: 'done' },
          { value: 'add', name: 'add a field' },
          ...fields.flatMap((f) => [
            { value: `edit:${f}`, name: `edit ${f}` },
            { value: `remove:${f}`, name: `remove ${f}` },
          ]),
        ],
      });
      if (action === 'done') return;
      if (action === 'add') await this.askTypeField(typeName, fields.length + 1);
      else if (action.startsWith('edit:'))
        await this.askTypeField(typeName, fields.indexOf(action.slice('edit:'.length)) + 1, action.slice('edit:'.length));
      else this.update((d) => delete d.types![typeName].fields![action.slice('remove:'.length)]);
    }
  }

  private async askTypeField(typeName: string, number: number, previousName?: string): Promise<void> {
    const previous = previousName === undefined ? undefined : this.draft.types![typeName].fields![previousName];
    const current = previous && previousName !== undefined ? { name: previousName, ...previous } : undefined;
    const field = await this.askField(this.typeFieldSlot(typeName, number, previousName), current);
    this.update((d) => replaceTypeField((d.types![typeName].fields ??= {}), previousName, field));
  }

  private async summaryLoop(): Promise<WizardOutcome> {
    for (;;) {
      for (const line of summariseDraft(this.draft)) this.io.say(line);
      const action = await this.io.ask<string>({
        name: 'summaryAction',
        type: 'select',
        message: 'Generate this command, or change something?',
        choices: summaryChoices(this.draft),
        default: 'generate',
      });
      if (action === 'quit') return { kind: 'quit' };
      if (action === 'generate') {
        const issues = await this.io.check(this.draft);
        if (issues.length === 0) return { kind: 'generate', spec: { ...this.draft, version: 2 } as CommandSpecV2 };
        this.io.say(
          `The spec has ${issues.length} problem${issues.length === 1 ? '' : 's'}; nothing is written until ${issues.length === 1 ? 'it is' : 'they are'} fixed:`,
        );
        for (const issue of issues) this.io.say(`  ${describePointer(issue.pointer, this.draft)}: ${describeDraftIssue(issue)}`);
        continue;
      }
      await this.apply(action);
    }
  }

  private async apply(action: string): Promise<void> {
    const [verb, what, which] = action.split(':');
    if (verb === 'edit' && (TOP_LEVEL_KEYS as readonly string[]).includes(what)) return this.askTopLevel(what as TopLevelKey);
    if (what === 'param' || what === 'result') {
      const list = what === 'param' ? 'params' : 'results';
      const fields = this.draft[list] ?? [];
      if (verb === 'add') return this.askListField(list, fields.length);
      if (verb === 'edit') return this.askListField(list, Number(which));
      if (verb === 'remove') return this.update((d) => d[list]!.splice(Number(which), 1));
    }
    if (what === 'type') {
      if (verb === 'add') {
        const kind = await this.io.ask<string>({
          name: 'newTypeKind',
          type: 'select',
          message: 'What kind of type?',
          choices: NEW_TYPE_CHOICES.slice(0, 2),
          default: 'new-object',
        });
        await this.declareType(kind === 'new-enum' ? 'enum' : 'object');
        return;
      }
      if (verb === 'edit')
        return this.askTypeBody(which, this.draft.types![which].enum ? 'enum' : 'object', `type${this.typeNumber(which)}`, false);
      if (verb === 'remove') return this.update((d) => delete d.types![which]);
    }
  }
}

/** Top-level values given as flags (`valueOf` reads a flag by its kebab-case name), by spec key. */
export function givenTopLevel(valueOf: (flag: string) => unknown): Partial<Record<TopLevelKey, string>> {
  const given: Partial<Record<TopLevelKey, string>> = {};
  for (const key of TOP_LEVEL_KEYS) {
    const value = valueOf(commandOptions[key].name);
    if (typeof value === 'string' && value !== '') given[key] = value;
  }
  return given;
}

/** The engine's problems with the given flags' values, each named by its flag (--class-name: ...). */
export function flagProblems(given: Partial<Record<TopLevelKey, string>>, issues: readonly SpecIssue[]): string[] {
  return TOP_LEVEL_KEYS.filter((key) => given[key] !== undefined).flatMap((key) =>
    issuesAt(issues, `/${key}`).map((issue) => `--${commandOptions[key].name}: ${describeDraftIssue(issue)}`),
  );
}

/** Put a field into a type's fields, in the place of `previousName` when it is renamed (order kept). */
function replaceTypeField(fields: Record<string, SpecTypeField>, previousName: string | undefined, field: SpecField): void {
  const { name, ...rest } = field;
  const entries = Object.entries(fields);
  const at = previousName === undefined ? -1 : entries.findIndex(([n]) => n === previousName);
  if (at < 0) entries.push([name, rest]);
  else entries[at] = [name, rest];
  for (const key of Object.keys(fields)) delete fields[key];
  for (const [key, value] of entries) fields[key] = value;
}

/** The summary menu: generate, edit any part, add and remove fields and types, or quit. */
function summaryChoices(draft: SpecDraft): { name: string; value: string }[] {
  const field = (list: 'params' | 'results', what: 'param' | 'result') =>
    (draft[list] ?? []).flatMap((f, i) => [
      { value: `edit:${what}:${i}`, name: `edit ${what} ${f.name}` },
      { value: `remove:${what}:${i}`, name: `remove ${what} ${f.name}` },
    ]);
  const types = Object.keys(draft.types ?? {}).flatMap((t) => [
    { value: `edit:type:${t}`, name: `edit type ${t}` },
    { value: `remove:type:${t}`, name: `remove type ${t}` },
  ]);
  return [
    { value: 'generate', name: 'generate it' },
    ...TOP_LEVEL_KEYS.map((key) => ({
      value: `edit:${key}`,
      name: `edit the ${key === 'accessLevel' ? 'access level' : key === 'className' ? 'class name' : key}`,
    })),
    { value: 'add:param', name: 'add a parameter' },
    ...field('params', 'param'),
    { value: 'add:result', name: 'add a result field' },
    ...field('results', 'result'),
    { value: 'add:type', name: 'declare a type' },
    ...types,
    { value: 'quit', name: 'stop here: keep the answers as a draft, write nothing' },
  ];
}

const typeOfField = (field: { type: string; optional?: boolean }, name: string): string =>
  `${name}${field.optional ? '?' : ''}: ${field.type}`;

/** The draft as the summary shows it, one line each. */
export function summariseDraft(draft: SpecDraft): string[] {
  const fields = (list: readonly SpecField[] | undefined): string[] =>
    (list ?? []).length === 0
      ? ['    (none)']
      : list!.map(
          (f, i) =>
            `    ${i + 1}. ${typeOfField(f, f.name)}${f.default !== undefined ? ` = ${JSON.stringify(f.default)}` : ''}${f.description ? `  (${f.description})` : ''}`,
        );
  const types = Object.entries(draft.types ?? {}).map(([name, declaration]) => {
    const body = declaration.enum
      ? declaration.enum.map((v) => `'${v}'`).join(' | ')
      : `{ ${Object.entries(declaration.fields ?? {})
          .map(([f, field]) => typeOfField(field, f))
          .join('; ')} }`;
    return `    ${name} = ${body}${declaration.description ? `  (${declaration.description})` : ''}`;
  });
  return [
    '',
    `Command ${draft.name ?? '(no name yet)'}: class ${draft.className ?? commandClassName(draft.name ?? '')}, runs on ${draft.environment ?? 'server'}, access ${draft.accessLevel ?? 'internal'}`,
    `  ${draft.description ?? '(no description yet)'}`,
    '  parameters:',
    ...fields(draft.params),
    '  results:',
    ...fields(draft.results),
    ...(types.length > 0 ? ['  types:', ...types] : []),
    '',
  ];
}

/** A JSON pointer into the draft in the wizard's words: "parameter 2 (format), default". */
export function describePointer(pointer: string, draft: SpecDraft): string {
  const parts = pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (parts.length === 0) return 'the spec';
  const rest = (from: number): string => (parts.length > from ? `, ${parts.slice(from).join(' ')}` : '');
  if (parts[0] === 'params' || parts[0] === 'results') {
    const index = Number(parts[1]);
    const name = draft[parts[0]]?.[index]?.name;
    return `${parts[0] === 'params' ? 'parameter' : 'result field'} ${index + 1}${name ? ` (${name})` : ''}${rest(2)}`;
  }
  if (parts[0] === 'types' && parts[1] !== undefined) {
    if (parts[2] === 'fields' && parts[3] !== undefined) return `type ${parts[1]}, field ${parts[3]}${rest(4)}`;
    return `type ${parts[1]}${rest(2)}`;
  }
  return parts.join(' ');
}

export interface WizardValues {
  readonly name: string;
  readonly description: string;
  readonly environment?: string;
  readonly accessLevel?: string;
  readonly className?: string;
}

/** The spec of a non-interactive run from flags alone; the engine validates it like any spec file. */
export function wizardSpec(values: WizardValues): CommandSpecV2 {
  return {
    version: 2,
    name: values.name,
    ...(values.className ? { className: values.className } : {}),
    description: values.description,
    environment: (values.environment ?? 'server') as Environment,
    accessLevel: (values.accessLevel ?? 'internal') as AccessLevel,
  };
}

/** The project's access levels as choices, each described as the host's own choice when it is one of them. */
function accessLevelChoices(
  levels: readonly string[],
  known: readonly { readonly value: string; readonly name?: string }[],
): { value: string; name: string }[] {
  return levels.map((level) => ({ value: level, name: known.find((c) => c.value === level)?.name ?? level }));
}
