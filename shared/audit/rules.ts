/**
 * The audit's rules, registered in id order: each is one module under rules/ (its metadata and its
 * check, as an ESLint rule is). Adding a rule is adding its file and its line here.
 */
import type { AuditRule, Severity } from './rule.js';
import CG001_missing_spec from './rules/CG001-missing-spec.js';
import CG002_missing_accessor from './rules/CG002-missing-accessor.js';
import CG003_any_in_types from './rules/CG003-any-in-types.js';
import CG004_missing_params from './rules/CG004-missing-params.js';
import CG005_missing_result from './rules/CG005-missing-result.js';
import CG006_spec_drift from './rules/CG006-spec-drift.js';
import CG007_rust_module_missing from './rules/CG007-rust-module-missing.js';
import CG008_rust_trait_missing from './rules/CG008-rust-trait-missing.js';
import CG009_raw_execute from './rules/CG009-raw-execute.js';
import CG010_orphan_spec from './rules/CG010-orphan-spec.js';
import CG011_duplicate_spec_name from './rules/CG011-duplicate-spec-name.js';
import CG012_unmanaged_service from './rules/CG012-unmanaged-service.js';
import CG013_no_heal from './rules/CG013-no-heal.js';
import CG014_unreadable from './rules/CG014-unreadable.js';
import CG015_new_command_without_spec from './rules/CG015-new-command-without-spec.js';
import CG016_untyped_json from './rules/CG016-untyped-json.js';
import CG017_folder_name_mismatch from './rules/CG017-folder-name-mismatch.js';
import CG018_duplicate_command from './rules/CG018-duplicate-command.js';
import CG019_generated_part_edited from './rules/CG019-generated-part-edited.js';
import CG020_record_spec_changed from './rules/CG020-record-spec-changed.js';
import CG021_dispatch_arm_missing from './rules/CG021-dispatch-arm-missing.js';

export type { AuditRule, Severity } from './rule.js';

/** Every rule, in id order. */
export const AUDIT_RULES = [
  CG001_missing_spec,
  CG002_missing_accessor,
  CG003_any_in_types,
  CG004_missing_params,
  CG005_missing_result,
  CG006_spec_drift,
  CG007_rust_module_missing,
  CG008_rust_trait_missing,
  CG009_raw_execute,
  CG010_orphan_spec,
  CG011_duplicate_spec_name,
  CG012_unmanaged_service,
  CG013_no_heal,
  CG014_unreadable,
  CG015_new_command_without_spec,
  CG016_untyped_json,
  CG017_folder_name_mismatch,
  CG018_duplicate_command,
  CG019_generated_part_edited,
  CG020_record_spec_changed,
  CG021_dispatch_arm_missing,
] as const satisfies readonly AuditRule[];

/** A rule's id (`CG<number>-<name>`), never changed once released. */
export type RuleId = (typeof AUDIT_RULES)[number]['id'];

const byId = new Map<string, AuditRule>(AUDIT_RULES.map((rule) => [rule.id, rule]));

export function ruleOf(id: RuleId): AuditRule {
  return byId.get(id)!;
}

const RANK: Readonly<Record<Severity, number>> = { note: 0, warning: 1, error: 2 };

/** `--fail-on`: the lowest severity that fails the run, or never. */
export type FailOn = 'error' | 'warning' | 'never';

export function fails(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && RANK[severity] >= RANK[failOn];
}
