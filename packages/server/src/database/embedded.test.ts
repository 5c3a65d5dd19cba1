import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireLock, DataDirectoryLockedError, firstClosedDirectory } from './embedded.js';

const root = mkdtempSync(join(tmpdir(), 'spinewise-dirs-'));
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('firstClosedDirectory', () => {
  it('finds the outermost directory others cannot enter, or none', () => {
    chmodSync(root, 0o700);
    mkdirSync(join(root, 'open', 'deeper'), { recursive: true });
    chmodSync(join(root, 'open'), 0o755);
    expect(firstClosedDirectory(join(root, 'open', 'deeper', 'not-yet'))).toBe(root);
    chmodSync(root, 0o711);
    expect(firstClosedDirectory(join(root, 'open', 'deeper'))).toBeNull();
  });
});

describe('acquireLock', () => {
  it('is exclusive while held and free once released', () => {
    const dir = join(root, 'lock');
    mkdirSync(dir);
    const release = acquireLock(dir);
    expect(() => acquireLock(dir)).toThrow(DataDirectoryLockedError);
    release();
    acquireLock(dir)();
  });
});
