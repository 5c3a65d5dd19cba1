import { describe, expect, it } from 'vitest';
import { regions } from '../region.js';
import { isSourceId } from '../sources.js';
import { postureTasks, taskPhases, type PostureTask } from './index.js';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const placeholder = /\b(todo|tbd|fixme|xxx|lorem|ipsum|placeholder|undefined|nan)\b/i;

const required = [
  'movement-breaks',
  'workstation-setup',
  'screen-height',
  'phone-at-eye-level',
  'driving-position',
  'sleeping-position',
  'carrying-bags',
  'lifting-at-home',
  'standing-work-breaks',
  'desk-stretch-routine',
];

const byId = new Map(postureTasks.map((task) => [task.id, task]));
const each = postureTasks.map((task) => [task.id, task] as const);

function texts(task: PostureTask): string[] {
  return [task.title, task.frequency, ...task.instructions];
}

describe('posture tasks', () => {
  it('have at least 10 tasks with unique, kebab-case ids', () => {
    const ids = postureTasks.map((task) => task.id);
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(kebab);
  });

  it('include every required task', () => {
    expect(required.filter((id) => !byId.has(id))).toEqual([]);
  });

  it('cover every phase and every region', () => {
    const phases = new Set(postureTasks.flatMap((task) => task.phases));
    expect(taskPhases.filter((phase) => !phases.has(phase))).toEqual([]);
    const covered = new Set(postureTasks.flatMap((task) => task.regions));
    expect(regions.filter((region) => !covered.has(region))).toEqual([]);
  });

  it.each(each)(
    '%s has instructions, regions, phases, a frequency and known sources',
    (_, task) => {
      expect(task.instructions.length).toBeGreaterThanOrEqual(2);
      expect(task.regions.length).toBeGreaterThan(0);
      expect(new Set(task.regions).size).toBe(task.regions.length);
      for (const region of task.regions) expect(regions).toContain(region);
      expect(task.phases.length).toBeGreaterThan(0);
      expect(new Set(task.phases).size).toBe(task.phases.length);
      for (const phase of task.phases) expect(taskPhases).toContain(phase);
      expect(task.frequency.trim()).not.toBe('');
      expect(new Set(task.sources).size).toBe(task.sources.length);
      expect(task.sources.filter((id) => !isSourceId(id))).toEqual([]);
    },
  );

  it.each(each)('%s has clean text', (_, task) => {
    for (const text of texts(task)) {
      expect(text.trim()).not.toBe('');
      expect(text).toBe(text.trim());
      expect(text).not.toMatch(/ {2}/);
      expect(text).not.toMatch(placeholder);
    }
  });

  it('assigns phase-appropriate tasks', () => {
    // Loaded practice waits until the function phase; comfort set-up starts in settle.
    expect(byId.get('lifting-at-home')?.phases).not.toContain('settle');
    expect(byId.get('lifting-at-home')?.phases).not.toContain('control');
    expect(byId.get('carrying-bags')?.phases).not.toContain('settle');
    expect(byId.get('movement-breaks')?.phases).toEqual([...taskPhases]);
    expect(byId.get('workstation-setup')?.phases).toContain('settle');
  });

  it('lifting practice defers to surgical and bone-fragility precautions', () => {
    const lifting = byId.get('lifting-at-home');
    expect(lifting?.sources).toEqual(expect.arrayContaining(['S-FUSION', 'S-OSTEO']));
    expect(lifting?.instructions.join(' ')).toMatch(/surgery/);
  });
});
