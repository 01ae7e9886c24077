/**
 * The audit's rules: one entry per check, with an id that never changes once released
 * (`CG<number>-<name>`; reports, SARIF and dashboards key on it). A retired rule keeps its number.
 */
export type Severity = 'error' | 'warning' | 'note';

export type RuleId =
  | 'CG001-missing-spec'
  | 'CG002-missing-accessor'
  | 'CG003-any-in-types'
  | 'CG004-missing-params'
  | 'CG005-missing-result'
  | 'CG006-spec-drift'
  | 'CG007-rust-module-missing'
  | 'CG008-rust-trait-missing'
  | 'CG009-raw-execute'
  | 'CG010-orphan-spec'
  | 'CG011-duplicate-spec-name'
  | 'CG012-unmanaged-service'
  | 'CG013-no-heal'
  | 'CG014-unreadable'
  | 'CG015-new-command-without-spec'
  | 'CG016-untyped-json'
  | 'CG017-folder-name-mismatch'
  | 'CG018-duplicate-command'
  // Generated code that stays managed (rule-*.ts, one file per rule).
  | 'CG019-generated-part-edited'
  | 'CG020-record-spec-changed'
  | 'CG021-dispatch-arm-missing';

export interface AuditRule {
  readonly id: RuleId;
  readonly severity: Severity;
  /** `command`: about one command folder; `tree`: about the project as a whole (specs, sources, crate). */
  readonly scope: 'command' | 'tree';
  /** A violation of the generator's code patterns: counts against "N/M commands conform". */
  readonly pattern: boolean;
  /** One sentence: what the rule checks. */
  readonly description: string;
  /** How a finding is fixed. */
  readonly help: string;
  /** The summary line for the report (`39 commands missing static accessors`). */
  readonly summary: (commands: number, findings: number) => string;
  /** A few words for the top offenders by namespace (`no static accessors`). */
  readonly label: string;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Every rule, in id order. */
export const AUDIT_RULES: readonly AuditRule[] = [
  {
    id: 'CG001-missing-spec',
    severity: 'warning',
    scope: 'command',
    pattern: false,
    description: "A command folder has no spec in the specs folder (matched by the spec's name field, not its file name).",
    help: 'Write the spec from the code with `continuum-gen reverse <command folder>`, or let `continuum-gen audit --fix` do it.',
    summary: (c) => `${plural(c, 'command')} without a spec`,
    label: 'no spec',
  },
  {
    id: 'CG002-missing-accessor',
    severity: 'error',
    scope: 'command',
    pattern: true,
    description: 'The Types file has no static accessor (`export const <C> = { execute(...) { return Commands.execute(...) }, commandName }`), found in the syntax tree.',
    help: '`continuum-gen audit --fix` inserts it in the generated shape when the params and result interfaces exist.',
    summary: (c) => `${plural(c, 'command')} missing static accessors`,
    label: 'no static accessors',
  },
  {
    id: 'CG003-any-in-types',
    severity: 'error',
    scope: 'command',
    pattern: true,
    description: "`any` in a command's Types file (a type, a cast, a parameter): the host allows none.",
    help: 'Name the shape: an interface in the Types file or under `types` in the spec.',
    summary: (c, f) => `${plural(c, 'command')} with any casts in types (${plural(f, 'any', 'anys')})`,
    label: 'any casts',
  },
  {
    id: 'CG004-missing-params',
    severity: 'warning',
    scope: 'command',
    pattern: true,
    description: 'No interface in the Types file extends CommandParams (a command without params declares `_noParams?: never`).',
    help: 'Declare `export interface <C>Params extends CommandParams { ... }`.',
    summary: (c) => `${plural(c, 'command')} without a params interface`,
    label: 'no params interface',
  },
  {
    id: 'CG005-missing-result',
    severity: 'warning',
    scope: 'command',
    pattern: true,
    description: 'No interface in the Types file extends CommandResult.',
    help: 'Declare `export interface <C>Result extends CommandResult { success: boolean; ... }`.',
    summary: (c) => `${plural(c, 'command')} without a result interface`,
    label: 'no result interface',
  },
  {
    id: 'CG006-spec-drift',
    severity: 'error',
    scope: 'command',
    pattern: false,
    description: 'The spec and the code disagree: the code, read back by reverse, has a field the spec lacks, lacks one it has, types it or its optionality differently, gives a param another default, or runs in another environment or through another adapter.',
    help: 'If the code is right: `continuum-gen reverse <command folder> --force` rewrites the spec; if the spec is right: regenerate with `continuum-gen command --spec=<spec file>`.',
    summary: (c, f) => `${plural(c, 'command')} drifting from the spec (${plural(f, 'difference')})`,
    label: 'spec drift',
  },
  {
    id: 'CG007-rust-module-missing',
    severity: 'error',
    scope: 'command',
    pattern: false,
    description: 'A rust-ipc spec names a Rust module (rust.module, default modules/<first segment>) that the crate does not have.',
    help: '`continuum-gen rust-module --spec=<spec file>` writes it.',
    summary: (c) => `${plural(c, 'rust-ipc command')} whose Rust module is missing`,
    label: 'Rust module missing',
  },
  {
    id: 'CG008-rust-trait-missing',
    severity: 'error',
    scope: 'command',
    pattern: false,
    description: 'The Rust module of a rust-ipc spec does not implement a trait the spec lists (rust.traits), or ServiceModule.',
    help: 'Add `impl <Trait> for <Module>` (regenerating with `continuum-gen rust-module --spec=<spec file>` writes the stubs).',
    summary: (c, f) => `${plural(c, 'rust-ipc command')} whose module misses a listed trait (${plural(f, 'trait')})`,
    label: 'Rust trait missing',
  },
  {
    id: 'CG009-raw-execute',
    severity: 'error',
    scope: 'tree',
    pattern: true,
    description: 'A raw `Commands.execute(...)` call outside a static accessor, anywhere in the TypeScript sources.',
    help: "Call the command's static accessor (`<C>.execute(...)` from its Types file) instead.",
    summary: (_c, f) => `${plural(f, 'raw Commands.execute() call')} found`,
    label: 'raw Commands.execute() calls',
  },
  {
    id: 'CG010-orphan-spec',
    severity: 'warning',
    scope: 'tree',
    pattern: false,
    description: 'A command spec whose name no command folder has (trait-only specs are not commands and are not checked).',
    help: 'Generate the command from it (`continuum-gen command --spec=<spec file>`) or delete the spec.',
    summary: (_c, f) => `${plural(f, 'orphan spec')} (no command folder)`,
    label: 'orphan specs',
  },
  {
    id: 'CG011-duplicate-spec-name',
    severity: 'error',
    scope: 'tree',
    pattern: false,
    description: 'Two spec files claim the same command name; only the first in path order is used.',
    help: 'Merge them into one file and delete the other.',
    summary: (_c, f) => `${plural(f, 'duplicate spec name')}`,
    label: 'duplicate spec names',
  },
  {
    id: 'CG012-unmanaged-service',
    severity: 'warning',
    scope: 'tree',
    pattern: false,
    description: 'A Rust type implements ServiceModule but not ManagedService (health, pressure_response, shed_load, heal, shutdown).',
    help: 'Implement ManagedService for it (a resource-owning module must); `continuum-gen trait --spec=specs/traits/managed-service.json` provides the trait.',
    summary: (_c, f) => `${plural(f, 'Rust service module')} without ManagedService`,
    label: 'no ManagedService',
  },
  {
    id: 'CG013-no-heal',
    severity: 'warning',
    scope: 'tree',
    pattern: false,
    description: "A ManagedService implementation whose heal() is missing, still the generated TODO stub, or always returns false.",
    help: 'Implement heal(): reconnect, reload, rebuild; return true when healed.',
    summary: (_c, f) => `${plural(f, 'Rust module')} without heal() coverage`,
    label: 'no heal()',
  },
  {
    id: 'CG014-unreadable',
    severity: 'warning',
    scope: 'tree',
    pattern: true,
    description: 'A file or folder the audit could not read: a syntax error, a spec that is not a JSON object with a name, a symbolic link loop, no permission.',
    help: 'Fix the file (the message says where); the audit skipped it.',
    summary: (_c, f) => `${plural(f, 'file')} that cannot be read or parsed`,
    label: 'unreadable files',
  },
  {
    id: 'CG015-new-command-without-spec',
    severity: 'error',
    scope: 'command',
    pattern: false,
    description: 'A command folder that is new (untracked, staged, or added since the base ref) has no spec (audit --enforce).',
    help: 'Write the spec from the code with `continuum-gen reverse <command folder>`, or create the command with `yo continuum:command`.',
    summary: (c) => `${plural(c, 'new command')} without a spec`,
    label: 'new without spec',
  },
  {
    id: 'CG016-untyped-json',
    severity: 'warning',
    scope: 'command',
    pattern: false,
    description: 'A param, result or type field is untyped JSON (`unknown`, `object`, `Record<string, unknown>`): generation accepts it, but nothing checks its shape.',
    help: 'Declare the shape under `types` in the spec (or as an interface in the Types file) and use its name.',
    summary: (c, f) => `${plural(c, 'command')} with untyped JSON fields (${plural(f, 'field')})`,
    label: 'untyped JSON',
  },
  {
    id: 'CG017-folder-name-mismatch',
    severity: 'warning',
    scope: 'command',
    pattern: false,
    description: "A command folder's path and the name its code gives the command (accessor, commandName, super()) disagree: a folder copied from another command, or one moved.",
    help: 'Rename the command in its code (accessor and classes) to the folder path, or move the folder to where its name says.',
    summary: (c) => `${plural(c, 'command folder')} whose code names another command`,
    label: 'folder and name disagree',
  },
  {
    id: 'CG018-duplicate-command',
    severity: 'error',
    scope: 'command',
    pattern: false,
    description: 'Two command folders claim one command name: one of them answers to a name that is not its own.',
    help: 'Give the copied folder its own name in its code, or delete it.',
    summary: (c) => `${plural(c, 'command folder')} claiming a name another folder has`,
    label: 'duplicate command names',
  },
  {
    id: 'CG019-generated-part-edited',
    severity: 'warning',
    scope: 'tree',
    pattern: false,
    description: 'A hand edit inside a generator-owned file (its header says so: a Rust module of generated commands, the generated part of a hand-written module, a ts-rs file): the place of each edit, found against the last generation reproduced from the record.',
    help: "Move the logic to the command's handler file (`modules/<module>/<command>.rs`, yours) or change the spec; a hand edit here is merged three-way on every run and may conflict.",
    summary: (_c, f) => `${plural(f, 'hand edit')} inside generator-owned files`,
    label: 'edited generated parts',
  },
  {
    id: 'CG020-record-spec-changed',
    severity: 'warning',
    scope: 'tree',
    pattern: false,
    description: "A generation record whose spec no longer matches the spec file (edited and not regenerated: the code is behind the spec), or whose spec is gone.",
    help: 'Regenerate: `continuum-gen command --spec=<spec file>`; for a record without a spec, restore the spec or delete the record and its files.',
    summary: (_c, f) => `${plural(f, 'record')} behind their spec`,
    label: 'spec not regenerated',
  },
  {
    id: 'CG021-dispatch-arm-missing',
    severity: 'error',
    scope: 'tree',
    pattern: false,
    description: "A rust-ipc spec's Rust module exists but its handle_command has no match arm for the command: the core answers it as an unknown command.",
    help: 'Regenerate the command (`continuum-gen command --spec=<spec file>`: a generated module gets its arm back; a hand-written one gets it through a syntax-aware edit), or add the arm by hand.',
    summary: (_c, f) => `${plural(f, 'command')} not routed by their Rust module`,
    label: 'no dispatch arm',
  },
];

const byId = new Map(AUDIT_RULES.map((rule) => [rule.id, rule]));

export function ruleOf(id: RuleId): AuditRule {
  return byId.get(id)!;
}

const RANK: Readonly<Record<Severity, number>> = { note: 0, warning: 1, error: 2 };

/** `--fail-on`: the lowest severity that fails the run, or never. */
export type FailOn = 'error' | 'warning' | 'never';

export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}
