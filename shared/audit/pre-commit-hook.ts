/** The lines that delimit the audit's part of a pre-commit hook; what is outside them is never touched. */
export const HOOK_BEGIN = '# >>> generator-continuum: new command folders need a spec >>>';
export const HOOK_END = '# <<< generator-continuum <<<';

const shellQuote = (text: string): string => `'${text.replace(/'/g, `'\\''`)}'`;

/**
 * The audit's block of a pre-commit hook. Hooks run at the repository top; a project in a
 * sub-folder is entered first. `|| exit 1` makes the block fail the commit wherever it sits.
 */
export function hookBlock(projectPrefix: string): string {
  const check = 'npx --no-install continuum-gen audit --enforce';
  const command = projectPrefix === '' ? `${check} || exit 1` : `(cd ${shellQuote(projectPrefix)} && ${check}) || exit 1`;
  return [HOOK_BEGIN, command, HOOK_END].join('\n');
}

/**
 * The hook's text with the block in it: a new hook is a shell script holding only the block; an
 * existing one keeps every line it has, its block (if any) replaced in place, else the block
 * appended. Applying it to its own output changes nothing.
 */
export function withHookBlock(existing: string | undefined, block: string): string {
  if (existing === undefined || existing.trim() === '') return `#!/usr/bin/env sh\n\n${block}\n`;
  const begin = existing.indexOf(HOOK_BEGIN);
  const end = begin >= 0 ? existing.indexOf(HOOK_END, begin) : -1;
  if (begin >= 0 && end >= 0) return `${existing.slice(0, begin)}${block}${existing.slice(end + HOOK_END.length)}`;
  return `${existing.replace(/\n*$/, '\n')}\n${block}\n`;
}
