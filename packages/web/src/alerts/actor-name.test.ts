import { describe, expect, it } from 'vitest';
import { actorName } from './alerts-api.js';

const ME = '00000000-0000-4000-8000-000000000001';
const COLLEAGUE = '00000000-0000-4000-8000-000000000002';

describe('actorName', () => {
  it('says "you", the colleague by name, or "a colleague" while names are unknown', () => {
    const names = new Map([
      [ME, 'Sam Okafor'],
      [COLLEAGUE, 'Priya Shah'],
    ]);
    expect(actorName(ME, ME, names)).toBe('you');
    expect(actorName(COLLEAGUE, ME, names)).toBe('Priya Shah');
    expect(actorName(COLLEAGUE, ME)).toBe('a colleague');
    expect(actorName('00000000-0000-4000-8000-000000000009', ME, names)).toBe('a colleague');
    expect(actorName(null, ME, names)).toBe('a colleague');
  });
});
