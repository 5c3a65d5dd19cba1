import { dayNumber, screenRedFlags } from '@spinewise/clinical';
import { describe, expect, it } from 'vitest';
import { buildDemoClinic, DEFAULT_DEMO_SEED, DEMO_CLINIC_NAME } from './demo-clinic.js';

const today = '2026-11-22';
const clinic = buildDemoClinic({ today, seed: 7 });

describe('buildDemoClinic', () => {
  it('is deterministic for a seed, and the seed changes the logs', () => {
    expect(buildDemoClinic({ today, seed: 7 })).toEqual(clinic);
    const other = buildDemoClinic({ today, seed: 8 });
    expect(other.patients.map((patient) => patient.logs)).not.toEqual(
      clinic.patients.map((patient) => patient.logs),
    );
  });

  it('has a named clinic, an admin and a clinician with lower-case emails', () => {
    expect(clinic.name).toBe(DEMO_CLINIC_NAME);
    expect(clinic.staff.map((member) => member.role).sort()).toEqual(['admin', 'clinician']);
    for (const member of clinic.staff) {
      expect(member.email).toBe(member.email.toLowerCase());
      expect(member.email).toMatch(/^[a-z]+@demo\.spinewise\.dev$/);
    }
  });

  it('has five patients with distinct stories', () => {
    expect(clinic.patients).toHaveLength(5);
    expect(new Set(clinic.patients.map((patient) => patient.key)).size).toBe(5);
    expect(new Set(clinic.patients.map((patient) => patient.episode.condition)).size).toBe(5);
    expect(new Set(clinic.patients.map((patient) => patient.programme.condition))).toEqual(
      new Set(['nonspecific', 'discRadicular', 'stenosis', 'neckNonspecific', 'postDiscectomy']),
    );
  });

  it('keeps the engine’s results: scores, screen and classification match their inputs', () => {
    for (const patient of clinic.patients) {
      const { assessment } = patient;
      expect(assessment.redFlagScreen).toEqual(
        screenRedFlags({ region: patient.episode.region, findings: assessment.redFlagFindings }),
      );
      const instruments = assessment.questionnaires.map((entry) => entry.instrument);
      expect(instruments).toContain(patient.episode.region === 'lumbar' ? 'odi' : 'ndi');
      expect(instruments).toEqual(expect.arrayContaining(['nprs', 'psfs']));
      for (const entry of assessment.questionnaires) {
        expect(entry.score.instrument).toBe(entry.instrument);
      }
      expect(assessment.classification.region).toBe(patient.episode.region);
    }
  });

  it('makes every programme active except where the screen blocks it', () => {
    for (const patient of clinic.patients) {
      const blocks = patient.assessment.redFlagScreen.requiresClinicianDecision;
      expect(patient.programme.status).toBe(blocks ? 'blocked' : 'active');
      if (patient.programme.status === 'active') expect(patient.progression).not.toBeNull();
    }
  });

  it('starts programmes 2–5 weeks ago and logs only between the start and today', () => {
    const todayNumber = dayNumber(today) as number;
    for (const patient of clinic.patients) {
      const start = dayNumber(patient.programme.startDate) as number;
      expect(todayNumber - start).toBeGreaterThanOrEqual(14);
      expect(todayNumber - start).toBeLessThanOrEqual(35);
      expect(patient.logs.length).toBeGreaterThan(0);
      for (const { log } of patient.logs) {
        expect(log.date >= patient.programme.startDate && log.date <= today).toBe(true);
      }
    }
  });

  it('logs only exercises of the patient’s programme, each with its own idempotency key', () => {
    const keys = new Set<string>();
    for (const patient of clinic.patients) {
      const exerciseIds = new Set(
        patient.programme.weeks.flatMap((week) =>
          week.sessions.flatMap((session) => session.exercises.map((exercise) => exercise.id)),
        ),
      );
      for (const { log, idempotencyKey } of patient.logs) {
        expect(exerciseIds.has(log.exerciseId)).toBe(true);
        expect(keys.has(idempotencyKey)).toBe(false);
        keys.add(idempotencyKey);
      }
    }
  });

  it.each([7, DEFAULT_DEMO_SEED])('tells different courses with seed %i', (seed) => {
    const byKey = new Map(
      buildDemoClinic({ today, seed }).patients.map((patient) => [patient.key, patient]),
    );
    const decisions = (key: string) =>
      byKey.get(key)?.progression?.decisions.map((decision) => decision.decision) ?? [];
    const alertTypes = (key: string) => byKey.get(key)?.alerts.map((alert) => alert.type) ?? [];
    expect(decisions('acute-lbp')).toContain('progress');
    expect(decisions('disc-leg-pain')).toContain('regress');
    expect(alertTypes('disc-leg-pain')).toContain('painFlare');
    expect(alertTypes('neck-office')).toContain('nonAdherence');
    expect(byKey.get('post-discectomy')?.progression?.status).toBe('halted');
  });

  it('keeps overall adherence in a realistic range for all but the non-adherent patient', () => {
    for (const patient of clinic.patients) {
      const weeks = patient.progression?.adherence ?? [];
      const planned = weeks.reduce((sum, week) => sum + week.planned, 0);
      const done = weeks.reduce((sum, week) => sum + week.done + week.partly, 0);
      const rate = done / planned;
      if (patient.key === 'neck-office') expect(rate).toBeLessThan(0.6);
      else expect(rate).toBeGreaterThanOrEqual(0.6);
    }
  });

  it('raises at least one open emergency or urgent alert from a logged red-flag symptom', () => {
    const serious = clinic.patients.flatMap((patient) =>
      patient.alerts.filter(
        (alert) => alert.severity === 'emergency' || alert.severity === 'urgent',
      ),
    );
    expect(serious.length).toBeGreaterThanOrEqual(1);
    expect(serious.map((alert) => alert.type)).toContain('redFlagSymptom');
    for (const patient of clinic.patients) {
      for (const alert of patient.alerts) {
        expect(alert.message).not.toBe('');
        for (const index of alert.logIndexes) expect(patient.logs[index]).toBeDefined();
      }
    }
  });

  it('rejects a day that is not a real date', () => {
    expect(() => buildDemoClinic({ today: '2026-02-30' })).toThrow(/YYYY-MM-DD/);
  });
});
