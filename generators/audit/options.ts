import { FAIL_ON_VALUES, type AuditFlags } from '../../shared/run/audit-flags.js';
import type { OptionDeclaration } from '../_shared/option-declarations.js';

export { FAIL_ON_VALUES };

/** Every option of `continuum:audit`, declared once (flag and help line). */
export const auditOptions = {
  json: {
    name: 'json',
    type: Boolean,
    description: 'Print the report as JSON on stdout (schemas/audit-report.schema.json, schemaVersion 1) instead of the text report',
  },
  sarif: {
    name: 'sarif',
    type: String,
    description: 'Also write the report as SARIF 2.1.0 to this file (code-scanning annotations), relative to the current folder',
  },
  failOn: {
    name: 'fail-on',
    type: String,
    description: `Exit 1 when a finding is at least this severe: ${FAIL_ON_VALUES.join(', ')} (default: error)`,
  },
  enforce: {
    name: 'enforce',
    type: Boolean,
    description:
      'The pre-commit / CI guard: a new command folder (untracked, staged, or added since --base) without a spec fails, an old one warns; nothing else is checked',
  },
  base: {
    name: 'base',
    type: String,
    description: 'With --enforce: the ref new folders are judged against (default: the merge-base of HEAD with the main branch)',
  },
  installHook: {
    name: 'install-hook',
    type: Boolean,
    description:
      "Add `continuum-gen audit --enforce` to the git pre-commit hook (husky's .husky/pre-commit when the project uses husky), keeping what is there; a second run changes nothing",
  },
  fix: {
    name: 'fix',
    type: Boolean,
    description:
      'Repair what is mechanical, through the conflict rules: insert missing static accessors, write missing specs from the code (reverse); report the rest',
  },
} satisfies Record<string, OptionDeclaration>;

/** The audit's flags from the options' values, however they came in (Yeoman's parser, or the bin's). */
export function auditFlagsOf(value: (name: string) => unknown): AuditFlags {
  const on = (name: string): boolean => value(name) === true;
  const text = (name: string): string | undefined => (typeof value(name) === 'string' ? (value(name) as string) : undefined);
  return {
    json: on('json'),
    sarif: text('sarif'),
    failOn: value('fail-on'),
    enforce: on('enforce'),
    base: text('base'),
    installHook: on('install-hook'),
    fix: on('fix'),
  };
}
