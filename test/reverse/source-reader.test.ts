import { strict as assert } from 'node:assert';
import { posix } from 'node:path';
import { AuditTreeReader } from '../../shared/audit/tree-reader.js';
import { fixturesDir } from '../support/paths.js';
import { childPath, nodeSourceReader, withKeptListings, type FolderEntry, type SourceReader } from '../../shared/reverse/source-reader.js';

/** A reader over a fixed tree that counts how often each folder is listed. */
function countingReader(keepsListings: boolean): { reader: SourceReader; listed: Map<string, number> } {
  const tree: Record<string, readonly FolderEntry[]> = {
    '/p': [{ name: 'a', isFolder: true }],
    '/p/a': [{ name: 'f.ts', isFolder: false }],
  };
  const listed = new Map<string, number>();
  const reader: SourceReader = {
    readFile: () => undefined,
    listFolder: (path) => {
      listed.set(path, (listed.get(path) ?? 0) + 1);
      return tree[path];
    },
    ...(keepsListings ? { keepsListings: true } : {}),
  };
  return { reader, listed };
}

describe('withKeptListings', () => {
  it('leaves a reader that keeps its own listings (the audit tree reader) as it is, not held twice', () => {
    const tree = new AuditTreeReader();
    assert.equal(withKeptListings(tree), tree);
    const { reader, listed } = countingReader(true);
    const kept = withKeptListings(reader);
    kept.listFolder('/p');
    kept.listFolder('/p');
    assert.equal(kept, reader);
    assert.equal(listed.get('/p'), 2, 'no second cache in front of it');
  });

  it('control: a reader that keeps nothing is wrapped; each folder is listed once and a folder its parent lacks is not asked', () => {
    const { reader, listed } = countingReader(false);
    const kept = withKeptListings(reader);
    assert.notEqual(kept, reader);
    kept.listFolder('/p');
    kept.listFolder('/p');
    kept.listFolder('/p/a');
    assert.equal(kept.listFolder('/p/browser'), undefined);
    assert.deepEqual(
      [...listed],
      [
        ['/p', 1],
        ['/p/a', 1],
      ],
    );
  });
});

describe('childPath', () => {
  it("is posix.join's path for every entry of every folder of the fixtures, and at a root, `.` and ``", () => {
    let entries = 0;
    const walk = (folder: string): void => {
      for (const entry of nodeSourceReader.listFolder(folder) ?? []) {
        assert.equal(childPath(folder, entry.name), posix.join(folder, entry.name));
        entries++;
        if (entry.isFolder) walk(posix.join(folder, entry.name));
      }
    };
    walk(fixturesDir.split('\\').join('/'));
    assert.ok(entries > 500, `compared ${entries} entries`);
    for (const folder of ['/', '.', '', 'relative/folder', 'trailing/'])
      assert.equal(childPath(folder, 'name.ts'), posix.join(folder, 'name.ts'), JSON.stringify(folder));
  });
});
