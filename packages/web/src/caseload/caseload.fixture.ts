// Test fixture: caseload entries as the API sends them, with only what a test changes spelled out.
import type { CaseloadEntry } from './caseload-api.js';

let counter = 0;

export function caseloadEntry(
  overrides: Partial<CaseloadEntry> & { name?: string } = {},
): CaseloadEntry {
  counter += 1;
  const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
  const { name, ...rest } = overrides;
  return {
    patient: { id, displayName: name ?? `Patient ${counter}`, clinicianId: 'c1' },
    episode: { id: `e-${id}`, region: 'lumbar', condition: 'nonspecific', startedOn: '2026-10-01' },
    programme: {
      id: `p-${id}`,
      status: 'active',
      version: 1,
      startDate: '2026-10-05',
      endDate: '2026-11-30',
      week: 4,
      weeks: 8,
    },
    alerts: { open: 0, worstSeverity: null, newest: [] },
    adherence: {
      last7Days: {
        from: '2026-11-15',
        to: '2026-11-21',
        done: 10,
        prescribed: 14,
        percent: 71,
        daysLogged: 6,
      },
      last14Days: {
        from: '2026-11-08',
        to: '2026-11-21',
        done: 20,
        prescribed: 28,
        percent: 71,
        daysLogged: 12,
      },
    },
    scores: [],
    lastAssessedAt: null,
    reassessment: null,
    lastLogOn: '2026-11-21',
    ...rest,
  };
}
