import type { OptionDeclaration } from '../_shared/option-declarations.js';
import { adapterOption, mergeOption, specOption, verboseOption } from '../_shared/spec-options.js';

/** Every option of `continuum:command`, declared once: flag, help line and wizard question. */
export const commandOptions = {
  spec: specOption,
  migrate: {
    name: 'migrate',
    type: Boolean,
    description: 'With --spec: rewrite v1 specs that live in the specs folder as v2',
  },
  adapter: adapterOption,
  merge: mergeOption,
  verbose: verboseOption,
  name: {
    name: 'name',
    type: String,
    description: 'Command name, slash-separated (docs/read); it is also the command folder',
    required: true,
    prompt: { message: 'Command name (slash-separated, e.g. docs/read)' },
  },
  description: {
    name: 'description',
    type: String,
    description: 'One sentence saying what the command does',
    required: true,
    prompt: { message: 'Description (one sentence)' },
  },
  environment: {
    name: 'environment',
    type: String,
    description: 'Where the command runs: server, browser or both',
    default: 'server',
    prompt: {
      message: 'Where does it run?',
      choices: [
        { value: 'server', name: 'server (server command only)' },
        { value: 'browser', name: 'browser (browser command only)' },
        { value: 'both', name: 'both (server implements, browser delegates)' },
      ],
    },
  },
  accessLevel: {
    name: 'access-level',
    type: String,
    description: 'Who may call it: ai-safe, internal, system or dangerous',
    default: 'internal',
    prompt: {
      message: 'Access level',
      choices: [
        { value: 'ai-safe', name: 'ai-safe (AI personas may call it)' },
        { value: 'internal', name: 'internal (default)' },
        { value: 'system', name: 'system' },
        { value: 'dangerous', name: 'dangerous' },
      ],
    },
  },
  className: {
    name: 'class-name',
    type: String,
    description: 'Class-name stem when it must differ from the one derived from the name (DatasetCreate)',
    prompt: { message: 'Class-name stem (the default is derived from the name)' },
  },
  draft: {
    name: 'draft',
    type: String,
    description:
      'Where the wizard keeps your answers until the command is generated (default: a file in the temporary folder, printed when a run stops); --spec=<file>.draft.json resumes from one',
  },
} satisfies Record<string, OptionDeclaration>;

/** The options that make up the spec's top level, in wizard order (their values are checked by the engine, as answers are). */
export const wizardOptionNames = [
  commandOptions.name,
  commandOptions.description,
  commandOptions.environment,
  commandOptions.accessLevel,
  commandOptions.className,
].map((d) => d.name);
