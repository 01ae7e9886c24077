/**
 * CG021-dispatch-arm-missing: a spec whose adapter writes its Rust module (rust-ipc) whose module exists but routes no `"<command>" =>`
 * arm (removed by hand, or a module rewritten without it): the core answers "unknown command".
 */
import { posix } from 'node:path';
import { defaultRustModule } from '../../spec/spec-defaults.js';
import { moduleFileCandidates } from '../rust-crate.js';
import type { AuditContext } from '../context.js';
import { defineRule, plural, type Report } from '../rule.js';
import { specWritesRustModule } from '../spec-adapter.js';

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** The command names a Rust module's match arms route (`"gpu/stats" =>`, `"a" | "b" =>`), comments removed. */
export function routedCommands(text: string): Set<string> {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const names = new Set<string>();
  for (const arm of code.matchAll(/"[^"\n]*"(?:\s*\|\s*"[^"\n]*")*\s*(?:if\b[^=]*)?=>/g))
    for (const literal of arm[0].matchAll(/"([^"\n]*)"/g)) names.add(literal[1]);
  return names;
}

function dispatchArmFindings(context: AuditContext, report: Report): void {
  for (const [name, indexed] of context.specIndex.byName) {
    const spec = indexed.spec;
    if (!specWritesRustModule(context, spec, indexed.file)) continue;
    const modulePath = spec.rust?.module ?? defaultRustModule(name);
    for (const file of moduleFileCandidates(context.config.roots.rustCrate, modulePath)) {
      const text = context.reader.readFile(posix.join(context.projectRoot, file));
      if (text === undefined) continue;
      if (!routedCommands(text).has(name)) {
        const handle = /\bfn\s+handle_command\b/.exec(text);
        report(
          { file, line: handle ? lineAt(text, handle.index) : 1 },
          `${file} has no match arm for ${name} in handle_command (\`"${name}" => ...\`): the core answers it as an unknown command; regenerate: continuum-gen command --spec=${indexed.file}`,
          {
            command: name,
            related: {
              file: indexed.file,
              line: context.specSources.line(indexed.file, '/name'),
              message: 'the rust-ipc spec of the command',
            },
            fix: `continuum-gen command --spec=${indexed.file}`,
          },
        );
      }
      break;
    }
  }
}

export default defineRule({
  id: 'CG021-dispatch-arm-missing',
  severity: 'error',
  scope: 'tree',
  pattern: false,
  description:
    "A rust-ipc spec's Rust module exists but its handle_command has no match arm for the command: the core answers it as an unknown command.",
  help: 'Regenerate the command (`continuum-gen command --spec=<spec file>`: a generated module gets its arm back; a hand-written one gets it through a syntax-aware edit), or add the arm by hand.',
  summary: (_c, f) => `${plural(f, 'command')} not routed by their Rust module`,
  label: 'no dispatch arm',
  check(context, report) {
    if (context.mode !== 'full') return;
    dispatchArmFindings(context, report);
  },
});
