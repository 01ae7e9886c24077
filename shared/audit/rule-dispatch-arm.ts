/**
 * CG021-dispatch-arm-missing: a rust-ipc spec whose module exists but routes no `"<command>" =>`
 * arm (removed by hand, or a module rewritten without it): the core answers "unknown command".
 */
import { posix } from 'node:path';
import { defaultRustModule } from '../spec/spec-defaults.js';
import { moduleFileCandidates } from './rust-crate.js';
import type { RuleContext } from './rule-context.js';

const lineAt = (text: string, offset: number): number => text.slice(0, offset).split('\n').length;

/** The command names a Rust module's match arms route (`"gpu/stats" =>`, `"a" | "b" =>`), comments removed. */
export function routedCommands(text: string): Set<string> {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
  const names = new Set<string>();
  for (const arm of code.matchAll(/"[^"\n]*"(?:\s*\|\s*"[^"\n]*")*\s*(?:if\b[^=]*)?=>/g)) for (const literal of arm[0].matchAll(/"([^"\n]*)"/g)) names.add(literal[1]);
  return names;
}

export function dispatchArmFindings(ctx: RuleContext): void {
  for (const [name, indexed] of ctx.specIndex.byName) {
    const spec = indexed.spec;
    if (spec.adapter !== 'rust-ipc') continue;
    const modulePath = spec.rust?.module ?? defaultRustModule(name);
    for (const file of moduleFileCandidates(ctx.config.roots.rustCrate, modulePath)) {
      const text = ctx.reader.readFile(posix.join(ctx.projectRoot, file));
      if (text === undefined) continue;
      if (!routedCommands(text).has(name)) {
        const handle = /\bfn\s+handle_command\b/.exec(text);
        ctx.report({ file, line: handle ? lineAt(text, handle.index) : 1 }, `${file} has no match arm for ${name} in handle_command (\`"${name}" => ...\`): the core answers it as an unknown command; regenerate: continuum-gen command --spec=${indexed.file}`, {
          command: name,
          related: { file: indexed.file, line: ctx.jsonLine(indexed.file, '/name'), message: 'the rust-ipc spec of the command' },
          fix: `continuum-gen command --spec=${indexed.file}`,
        });
      }
      break;
    }
  }
}
