/**
 * The second thread of a large audit (reverseTree): reads the command folders it is given as the
 * main thread would, posts them with what its scanner and tree reader saw, then marks the shared
 * state done (the main thread waits on it without an event loop).
 */
import { workerData } from 'node:worker_threads';
import { builtinAdapters } from '../adapters/builtin-adapters.js';
import { SourceScanner } from './context.js';
import { DONE, PROGRESS, readingEngine, reverseFolders, type HelperInput, type HelperShare } from './reverse-tree.js';
import { AuditTreeReader } from './tree-reader.js';

const input = workerData as HelperInput;

function readShare(): HelperShare {
  const { projectRoot, config, folders, state } = input;
  const reader = new AuditTreeReader();
  const scanner = input.full ? new SourceScanner(projectRoot, config, reader) : undefined;
  const engine = readingEngine({ projectRoot, config, reader, registry: builtinAdapters() }, scanner);
  const reversed = reverseFolders(engine, folders, scanner, () => Atomics.add(state, PROGRESS, 1));
  return { reversed, ...(scanner ? { scan: scanner.share() } : {}), tree: reader.share() };
}

try {
  let share: HelperShare;
  try {
    share = readShare();
  } catch (error) {
    // The main thread reads these folders itself, and meets the same error where it would.
    share = { error: error instanceof Error ? error.message : String(error) };
  }
  input.port.postMessage(share);
} finally {
  Atomics.store(input.state, DONE, 1);
  Atomics.notify(input.state, DONE);
}
