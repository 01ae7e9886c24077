/**
 * The flags the fast path understands without Yeoman, in a module of their own: the bin's wizard
 * checks a command line against them before its first question, without loading the fast path.
 */
import { ALLOW_NON_HOST_FLAG } from '../shared/run/host-guard.js';

export interface FastOptions {
  spec?: string;
  cwd?: string;
  adapters: string[];
  migrate: boolean;
  verbose: boolean;
  allowNonHost: boolean;
  json: boolean;
  settings: {
    force?: boolean;
    bail?: boolean;
    dryRun?: boolean;
    skipYoResolve?: boolean;
    ignoreWhitespace?: boolean;
    merge?: 'refuse' | 'markers';
  };
}

/** A Map, so a prototype name (`--constructor`) is no flag. */
export const BOOLEAN_FLAGS: ReadonlyMap<string, (o: FastOptions) => void> = new Map<string, (o: FastOptions) => void>([
  ['--migrate', (o) => (o.migrate = true)],
  ['--verbose', (o) => (o.verbose = true)],
  ['--json', (o) => (o.json = true)],
  [`--${ALLOW_NON_HOST_FLAG}`, (o) => (o.allowNonHost = true)],
  ['--force', (o) => (o.settings.force = true)],
  ['--bail', (o) => (o.settings.bail = true)],
  ['--dry-run', (o) => (o.settings.dryRun = true)],
  ['--skip-yo-resolve', (o) => (o.settings.skipYoResolve = true)],
  ['--whitespace', (o) => (o.settings.ignoreWhitespace = true)],
  ['--no-interactive', () => undefined],
]);
