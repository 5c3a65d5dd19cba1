import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPeople, type People } from '../../auth/people.fixture.js';
import { connect, type DatabaseClient } from '../../database/client.js';
import { runMigrations } from '../../database/migrate.js';
import { auditLog } from '../../database/schema.js';
import { createTestDatabase, type TestDatabase } from '../../database/test-database.fixture.js';
import { recordAudit, secretKeyIn } from './audit.js';

let database: TestDatabase;
let client: DatabaseClient;
let people: People;

const at = new Date('2026-03-02T09:00:00.000Z');

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations(database.url);
  client = connect(database.url);
  people = await insertPeople(client.db);
}, 60_000);

afterAll(async () => {
  await client.close();
  await database.drop();
}, 60_000);

describe('recordAudit', () => {
  it('appends who read which patient’s record, when and from where', async () => {
    await recordAudit(client.db, {
      userId: people.clinicianId,
      clinicId: people.clinicId,
      patientId: people.patientId,
      action: 'read',
      resource: 'patient',
      resourceId: people.patientId,
      ip: '192.0.2.7',
      userAgent: 'Firefox',
      detail: { fields: ['scores'] },
      at,
    });
    const rows = await client.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.patientId, people.patientId));
    expect(rows).toEqual([
      {
        id: expect.any(Number) as unknown,
        userId: people.clinicianId,
        clinicId: people.clinicId,
        patientId: people.patientId,
        action: 'read',
        resource: 'patient',
        resourceId: people.patientId,
        at,
        ip: '192.0.2.7',
        userAgent: 'Firefox',
        detail: { fields: ['scores'] },
      },
    ]);
  });

  it('records an unknown actor as null, with the database’s clock when none is given', async () => {
    await recordAudit(client.db, {
      userId: null,
      clinicId: null,
      action: 'loginFailed',
      resource: 'session',
      ip: null,
      userAgent: null,
    });
    const [row] = await client.db.select().from(auditLog).where(eq(auditLog.action, 'loginFailed'));
    expect(row).toMatchObject({ userId: null, patientId: null, detail: null, ip: null });
    expect(row?.at).toBeInstanceOf(Date);
  });

  it('refuses a detail that names a secret, at any depth', async () => {
    const entry = {
      userId: people.clinicianId,
      clinicId: people.clinicId,
      action: 'update' as const,
      resource: 'user',
      ip: null,
      userAgent: null,
    };
    await expect(recordAudit(client.db, { ...entry, detail: { password: 'x' } })).rejects.toThrow(
      'detail.password',
    );
    await expect(
      recordAudit(client.db, { ...entry, detail: { changes: [{ csrf_token: 'x' }] } }),
    ).rejects.toThrow('detail.changes[0].csrf_token');
    expect(secretKeyIn({ passwordHash: 'x' })).toBe('detail.passwordHash');
    expect(secretKeyIn({ invitationCode: 'x' })).toBe('detail.invitationCode');
    // Words, not substrings: a spine is not a PIN.
    expect(secretKeyIn({ spineRegion: 'lumbar', reason: 'invalid' })).toBeNull();
    const rows = await client.db.select().from(auditLog).where(eq(auditLog.resource, 'user'));
    expect(rows).toEqual([]);
  });

  it('cannot change or remove an entry once written (append-only)', async () => {
    await expect(client.db.execute(sql`update audit_log set action = 'delete'`)).rejects.toThrow();
    await expect(client.db.execute(sql`delete from audit_log`)).rejects.toThrow();
    const rows = await client.db.select().from(auditLog);
    expect(rows.length).toBe(2);
  });
});
