// The README documents the command's interface; this keeps it in step with the code.
import { readFileSync } from 'node:fs';
import { findingIds, instrumentIds } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { commands } from './main.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

/** A table row whose first cell is the given code, however Prettier pads it. */
function hasRow(code: string): boolean {
  return new RegExp(`^\\| \`${code}[\` ]`, 'm').test(readme);
}

describe('README', () => {
  it.each(findingIds)('documents the red-flag finding %s', (id) => {
    expect(hasRow(id)).toBe(true);
  });

  it.each(instrumentIds)('lists the instrument %s', (id) => {
    expect(hasRow(id)).toBe(true);
  });

  it.each(commands.map((command) => command.name))('documents the %s command', (name) => {
    expect(hasRow(name)).toBe(true);
  });

  it('gives the two commands a newcomer needs', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
