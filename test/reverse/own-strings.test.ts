import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ownStrings } from '../../shared/reverse/source-reader.js';

const TEXTS = 16;
const PADDING = 256 * 1024;

// A collector the test can call: the heap after it holds only what is still referenced.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;
const heapAfterCollect = (): number => {
  collect();
  collect();
  return process.memoryUsage().heapUsed;
};

/** A fresh text each call, one flat string as a file read gives: a long comment, then a line of code. */
const freshText = (i: number): string =>
  Buffer.from(`/* ${'x'.repeat(PADDING)} */\nexport const NamespaceLongCommandName${i} = 1;\n`, 'latin1').toString('latin1');

/** The heap kept while one name sliced from each of TEXTS fresh texts is held, copied by `copy`. */
function heapKeptByNames(copy: (s: string) => string): number {
  const before = heapAfterCollect();
  const names = Array.from({ length: TEXTS }, (_, i) => copy(freshText(i).slice(PADDING + 20, PADDING + 50)));
  const kept = heapAfterCollect() - before;
  assert.equal(new Set(names).size, TEXTS);
  return kept;
}

describe('ownStrings: what reverse and the audit keep of a file holds none of its text', () => {
  it('a name copied by ownStrings lets its file text go', () => {
    assert.ok(heapKeptByNames(ownStrings) < (TEXTS * PADDING) / 4);
  });

  it('control: a plain slice (what the parser hands out) keeps its whole text alive, and the measure sees it', () => {
    assert.ok(heapKeptByNames((s) => s) >= TEXTS * PADDING);
  });
});
