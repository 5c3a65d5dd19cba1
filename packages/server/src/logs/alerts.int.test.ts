import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type DatabaseClient } from '../database/client.js';
import { runMigrations } from '../database/migrate.js';
import { alerts, type NewAlert } from '../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../database/test-database.fixture.js';
import { acknowledgeAlert, listAlerts, resolveAlert } from './alerts.js';
import { insertPatientWithProgramme, type PatientWithProgramme } from './programme.fixture.js';

let database: TestDatabase;
let client: DatabaseClient;
let home: PatientWithProgramme;
let other: PatientWithProgramme;

const now = new Date('2026-11-10T09:00:00.000Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

async function insertAlert(
  setup: PatientWithProgramme,
  values: Partial<NewAlert> & Pick<NewAlert, 'severity'>,
) {
  const [row] = await client.db
    .insert(alerts)
    .values({
      patientId: setup.patientId,
      clinicId: setup.clinicId,
      type: 'painFlare',
      message: `${values.severity} alert`,
      ...values,
    })
    .returning();
  if (row === undefined) throw new Error('no alert inserted');
  return row;
}

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  home = await insertPatientWithProgramme(client.db);
  other = await insertPatientWithProgramme(client.db, { clinicName: 'Hillside Spine Clinic' });
}, 60_000);

afterAll(async () => {
  await client.close();
  await database.drop();
}, 60_000);

describe('alerts', () => {
  it('list a clinic’s alerts most severe first, then newest, and nothing of another clinic', async () => {
    const info = await insertAlert(home, { severity: 'info', createdAt: hoursAgo(1) });
    const olderUrgent = await insertAlert(home, { severity: 'urgent', createdAt: hoursAgo(5) });
    const warning = await insertAlert(home, { severity: 'warning', createdAt: hoursAgo(2) });
    const emergency = await insertAlert(home, {
      severity: 'emergency',
      type: 'redFlagSymptom',
      createdAt: hoursAgo(30),
    });
    const newerUrgent = await insertAlert(home, { severity: 'urgent', createdAt: hoursAgo(3) });
    const resolved = await insertAlert(home, {
      severity: 'emergency',
      state: 'resolved',
      resolvedAt: hoursAgo(1),
      createdAt: hoursAgo(48),
    });
    await insertAlert(other, { severity: 'emergency' });

    const all = await listAlerts(client.db, { clinicId: home.clinicId });
    expect(all.map((alert) => alert.id)).toEqual([
      emergency.id,
      resolved.id,
      newerUrgent.id,
      olderUrgent.id,
      warning.id,
      info.id,
    ]);
    const open = await listAlerts(client.db, { clinicId: home.clinicId, state: 'open' });
    expect(open.map((alert) => alert.id)).not.toContain(resolved.id);
    expect(open).toHaveLength(5);
    expect(
      await listAlerts(client.db, { clinicId: home.clinicId, state: ['resolved'] }),
    ).toMatchObject([{ id: resolved.id }]);
    expect(
      await listAlerts(client.db, { clinicId: home.clinicId, patientId: other.patientId }),
    ).toEqual([]);
    expect(
      await listAlerts(client.db, { clinicId: home.clinicId, patientId: home.patientId, limit: 2 }),
    ).toHaveLength(2);
    expect(await listAlerts(client.db, { clinicId: 'not-a-uuid' })).toEqual([]);
  });

  it('acknowledge then resolve, recording who and when', async () => {
    const alert = await insertAlert(home, { severity: 'urgent' });
    const action = { alertId: alert.id, clinicId: home.clinicId, userId: home.clinicianId };
    const acknowledged = await acknowledgeAlert(client.db, { ...action, now });
    expect(acknowledged).toMatchObject({
      ok: true,
      alert: { state: 'acknowledged', acknowledgedBy: home.clinicianId, acknowledgedAt: now },
    });
    const later = hoursAgo(-1);
    const resolved = await resolveAlert(client.db, { ...action, now: later });
    expect(resolved).toMatchObject({
      ok: true,
      alert: {
        state: 'resolved',
        acknowledgedAt: now,
        resolvedBy: home.clinicianId,
        resolvedAt: later,
      },
    });
    // resolved → acknowledged is not a transition; nor is resolving twice.
    expect(await acknowledgeAlert(client.db, { ...action, now: later })).toEqual({
      ok: false,
      reason: 'invalidTransition',
      from: 'resolved',
    });
    expect(await resolveAlert(client.db, { ...action, now: later })).toEqual({
      ok: false,
      reason: 'invalidTransition',
      from: 'resolved',
    });
  });

  it('resolve an open alert directly, and refuse to acknowledge one twice', async () => {
    const direct = await insertAlert(home, { severity: 'warning' });
    expect(
      await resolveAlert(client.db, {
        alertId: direct.id,
        clinicId: home.clinicId,
        userId: home.clinicianId,
        now,
      }),
    ).toMatchObject({ ok: true, alert: { state: 'resolved', acknowledgedAt: null } });

    const twice = await insertAlert(home, { severity: 'info' });
    const action = { alertId: twice.id, clinicId: home.clinicId, userId: home.clinicianId, now };
    expect(await acknowledgeAlert(client.db, action)).toMatchObject({ ok: true });
    expect(await acknowledgeAlert(client.db, action)).toEqual({
      ok: false,
      reason: 'invalidTransition',
      from: 'acknowledged',
    });
  });

  it('do not find another clinic’s alert, nor an id that is not one, and leave it untouched', async () => {
    const foreign = await insertAlert(other, { severity: 'emergency' });
    const action = { alertId: foreign.id, clinicId: home.clinicId, userId: home.clinicianId, now };
    expect(await acknowledgeAlert(client.db, action)).toEqual({ ok: false, reason: 'notFound' });
    expect(await resolveAlert(client.db, action)).toEqual({ ok: false, reason: 'notFound' });
    expect(await resolveAlert(client.db, { ...action, alertId: "1' or '1'='1" })).toEqual({
      ok: false,
      reason: 'notFound',
    });
    const [still] = await listAlerts(client.db, { clinicId: other.clinicId, state: 'open' });
    expect(still).toMatchObject({ id: foreign.id, state: 'open', acknowledgedBy: null });
  });

  it('let only one of two simultaneous acknowledgements through', async () => {
    const alert = await insertAlert(home, { severity: 'urgent' });
    const action = { alertId: alert.id, clinicId: home.clinicId, userId: home.clinicianId, now };
    const answers = await Promise.all([
      acknowledgeAlert(client.db, action),
      acknowledgeAlert(client.db, action),
    ]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
  });
});
