/**
 * A preload (`node --import <this file's URL>`) that makes the real continuum-gen meet a fault in
 * the middle of a batch, through node:fs (the writer's only way to the disk):
 *   CONTINUUM_FAULT=stall-stage:N   the Nth temporary file gets half its text, then the run waits
 *                                   until its stdin closes (the parent sends SIGINT first, or kills it with SIGKILL)
 *   CONTINUUM_FAULT=stall-rename:N  the Nth rename waits until stdin closes, then goes on
 *   CONTINUUM_FAULT=enospc:N        writing the Nth temporary file fails with ENOSPC after half its text
 * It prints FAULT-READY on stderr when the fault is in place. For tests only.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [kind, at] = (process.env.CONTINUUM_FAULT ?? '').split(':');
const nth = Number(at);
const { openSync: realOpen, writeFileSync: realWrite, renameSync: realRename, readSync } = fs;
let opened = 0;
let renamed = 0;
let faultyFd: number | undefined;

/**
 * The writer's calls are synchronous, so the wait is too: a signal sent meanwhile is taken by the
 * process at once and handled by the event loop's next turn, after the call returns.
 */
const untilStdinCloses = (): void => {
  const byte = Buffer.alloc(1);
  for (;;) {
    try {
      if (readSync(0, byte) === 0) return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') return;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
};
const ready = (): void => void process.stderr.write('FAULT-READY\n');

if (kind === 'stall-stage' || kind === 'enospc') {
  fs.openSync = ((path: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
    const fd = realOpen(path, flags ?? 'r', mode);
    if (/\.continuum-gen-\d+-\d+\.tmp$/.test(String(path)) && ++opened === nth) faultyFd = fd;
    return fd;
  }) as typeof fs.openSync;
  fs.writeFileSync = ((file: fs.PathOrFileDescriptor, data: string, options?: fs.WriteFileOptions) => {
    if (file !== faultyFd) return realWrite(file, data, options);
    // Once: the descriptor's number is reused by later files.
    faultyFd = undefined;
    realWrite(file, data.slice(0, Math.floor(data.length / 2)));
    ready();
    if (kind === 'enospc') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    untilStdinCloses();
  }) as typeof fs.writeFileSync;
}

if (kind === 'stall-rename') {
  fs.renameSync = ((from: fs.PathLike, to: fs.PathLike) => {
    if (++renamed === nth) {
      ready();
      untilStdinCloses();
    }
    realRename(from, to);
  }) as typeof fs.renameSync;
}

syncBuiltinESMExports();
