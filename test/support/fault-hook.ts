/**
 * A preload (`node --import <this file's URL>`) that makes the real continuum-gen meet a fault in
 * the middle of a batch, through node:fs/promises (the writer's only way to the disk):
 *   CONTINUUM_FAULT=stall-stage:N   the Nth temporary file gets half its text, then the run waits
 *                                   (for SIGINT, or forever: the parent kills it with SIGKILL)
 *   CONTINUUM_FAULT=stall-rename:N  the Nth rename waits for SIGINT, then goes on
 *   CONTINUUM_FAULT=enospc:N        writing the Nth temporary file fails with ENOSPC after half its text
 * It prints FAULT-READY on stderr when the fault is in place. For tests only.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const [kind, at] = (process.env.CONTINUUM_FAULT ?? '').split(':');
const nth = Number(at);
const promises = fs.promises;
const realOpen = promises.open;
const realRename = promises.rename;
let opened = 0;
let renamed = 0;

// A signal listener does not keep the event loop alive; the timer does, until SIGINT comes.
const untilSigint = (): Promise<void> =>
  new Promise((resolve) => {
    const alive = setInterval(() => undefined, 1000);
    process.once('SIGINT', () => {
      clearInterval(alive);
      resolve();
    });
  });
const ready = (): void => void process.stderr.write('FAULT-READY\n');

if (kind === 'stall-stage' || kind === 'enospc') {
  promises.open = (async (path: fs.PathLike, flags?: string | number, mode?: fs.Mode) => {
    const handle = await realOpen(path, flags, mode);
    if (!/\.continuum-gen-\d+-\d+\.tmp$/.test(String(path)) || ++opened !== nth) return handle;
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = (async (data: string) => {
      await writeFile(data.slice(0, Math.floor(data.length / 2)));
      ready();
      if (kind === 'enospc') throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      await untilSigint();
    }) as typeof handle.writeFile;
    return handle;
  }) as typeof promises.open;
}

if (kind === 'stall-rename') {
  promises.rename = (async (from: fs.PathLike, to: fs.PathLike) => {
    if (++renamed === nth) {
      ready();
      await untilSigint();
    }
    return realRename(from, to);
  }) as typeof promises.rename;
}

syncBuiltinESMExports();
