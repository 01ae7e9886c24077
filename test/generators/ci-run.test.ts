import { equal, match, ok } from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';

const ciRun = readFileSync(join(repoRoot, '.ci', 'run'), 'utf8');
const helper = join(repoRoot, '.ci', 'apt-get-unprivileged.sh');

/** The Debian packages .ci/run installs, read from its apt-get install line. */
const ciPackages = (): string[] => {
  const line = ciRun.split('\n').find((l) => /^\s*apt-get install /.test(l));
  ok(line, 'an apt-get install line in .ci/run');
  return line
    .replace(/>.*$/, '')
    .trim()
    .split(/\s+/)
    .slice(2)
    .filter((word) => !word.startsWith('-'));
};

/**
 * The helper copied into a folder every user can read: the clone may sit in a folder only its owner
 * can enter (mktemp -d makes 0700), where `nobody` could not source it.
 */
function readableHelper(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'continuum-ci-run-'));
  chmodSync(dir, 0o755);
  const file = join(dir, 'apt-get-unprivileged.sh');
  copyFileSync(helper, file);
  chmodSync(file, 0o644);
  return { dir, file };
}

/** Run a bash snippet with the unprivileged apt-get in scope, as a user who is not root (nobody, when the tests run as root). */
function asNonRoot(snippet: string): { status: number | null; stderr: string } {
  const { dir, file } = readableHelper();
  const script = `set -euo pipefail; source ${JSON.stringify(file)}; ${snippet}`;
  const root = process.getuid?.() === 0;
  const run = root
    ? spawnSync('runuser', ['-u', 'nobody', '--', 'bash', '-c', script], { encoding: 'utf8', cwd: dir })
    : spawnSync('bash', ['-c', script], { encoding: 'utf8', cwd: dir });
  return { status: run.status, stderr: run.stderr };
}

describe('.ci/run as a user who is not root', () => {
  it('sources the unprivileged apt-get when not root and apt-get exists', () => {
    match(ciRun, /if \[ "\$\(id -u\)" -ne 0 \] && command -v apt-get >\/dev\/null 2>&1; then source \.ci\/apt-get-unprivileged\.sh; fi/);
  });

  it('with the packages present: apt-get update and install succeed without root', () => {
    const packages = ciPackages();
    ok(packages.includes('protobuf-compiler'), packages.join(' '));
    const run = asNonRoot(
      `export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq ${packages.join(' ')} >/dev/null`,
    );
    equal(run.status, 0, run.stderr);
  });

  it('with a package missing: fails naming it and how to install it (the check can fail)', () => {
    const run = asNonRoot('apt-get install -y -qq g++ continuum-gen-no-such-package >/dev/null');
    equal(run.status, 1);
    match(run.stderr, /these Debian packages are missing: continuum-gen-no-such-package/);
    match(run.stderr, /apt-get install -y continuum-gen-no-such-package/);
  });
});
