/**
 * The audit log writer (issue 4 §2, §4): who did what to which record, when and from where.
 * The table is append-only for the app (a trigger rejects UPDATE, DELETE and TRUNCATE), so this
 * module only ever inserts. Entries never hold secrets: a `detail` naming a password, PIN, token
 * or code is refused before it reaches the table, where it could never be removed again.
 */
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Database } from '../../database/client.js';
import { auditLog } from '../../database/schema.js';

export type AuditAction =
  'read' | 'create' | 'update' | 'delete' | 'login' | 'logout' | 'loginFailed';

export interface AuditEntry {
  /** Who acted; `null` when nobody is known (a failed log-in for an unknown email). */
  readonly userId: string | null;
  readonly clinicId: string | null;
  /** The patient whose data was touched, so a patient's record of access is one index scan. */
  readonly patientId?: string | null;
  readonly action: AuditAction;
  /** The kind of record, e.g. `session`, `patient`, `assessment`. */
  readonly resource: string;
  readonly resourceId?: string | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  /** Context that is not secret, e.g. `{ reason: 'locked' }`. */
  readonly detail?: Readonly<Record<string, unknown>>;
  /** When it happened; the database's clock when not given. */
  readonly at?: Date;
}

/** Where a request came from, as the audit log records it. */
export interface RequestOrigin {
  readonly ip: string | null;
  readonly userAgent: string | null;
}

/** A User-Agent is client-controlled: bounded so a hostile header cannot bloat the log. */
export const USER_AGENT_MAX_LENGTH = 512;

export function requestOrigin(request: FastifyRequest): RequestOrigin {
  const userAgent = request.headers['user-agent'];
  return {
    // With trustProxy off (the default) this is the socket's address, which a client cannot forge.
    ip: request.ip === '' ? null : request.ip,
    userAgent:
      typeof userAgent === 'string' && userAgent !== ''
        ? userAgent.slice(0, USER_AGENT_MAX_LENGTH)
        : null,
  };
}

const SECRET_WORDS = new Set([
  'password',
  'passphrase',
  'secret',
  'token',
  'pin',
  'code',
  'cookie',
  'csrf',
  'hash',
]);

/** Whether a key has a secret's name as one of its words: `passwordHash`, `csrf_token`, `pin`. */
function namesSecret(key: string): boolean {
  // Split by word rather than substring, so `spineRegion` is not taken for a PIN.
  const words = key
    .replace(/([a-z0-9])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/u);
  return words.some((word) => SECRET_WORDS.has(word));
}

/** The first key (at any depth) whose name suggests a secret, or `null`. */
export function secretKeyIn(value: unknown, path = 'detail'): string | null {
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = secretKeyIn(item, `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  for (const [key, item] of Object.entries(value)) {
    if (namesSecret(key)) return `${path}.${key}`;
    const found = secretKeyIn(item, `${path}.${key}`);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Appends one entry. Throws (a fault of ours: the route answers 500 and nothing is hidden) when
 * `detail` carries a key that names a secret.
 */
export async function recordAudit(db: Pick<Database, 'insert'>, entry: AuditEntry): Promise<void> {
  const secret = entry.detail === undefined ? null : secretKeyIn(entry.detail);
  if (secret !== null) throw new Error(`audit entries never hold secrets: ${secret}`);
  await db.insert(auditLog).values({
    userId: entry.userId,
    clinicId: entry.clinicId,
    patientId: entry.patientId ?? null,
    action: entry.action,
    resource: entry.resource,
    resourceId: entry.resourceId ?? null,
    ip: entry.ip,
    userAgent: entry.userAgent,
    detail: entry.detail ?? null,
    ...(entry.at === undefined ? {} : { at: entry.at }),
  });
}

/**
 * Appends many entries in one INSERT: a list view audits one read per patient shown, in one
 * round trip rather than one per patient. Each column goes as one array parameter (`unnest`), so
 * the statement stays within PostgreSQL's 65,535 parameters however many rows it writes. Every
 * entry passes the same secret check as `recordAudit` before anything is written.
 */
export async function recordAuditMany(db: Database, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  for (const entry of entries) {
    const secret = entry.detail === undefined ? null : secretKeyIn(entry.detail);
    if (secret !== null) throw new Error(`audit entries never hold secrets: ${secret}`);
  }
  const column = <T>(read: (entry: AuditEntry) => T) => sql.param(entries.map(read));
  await db.execute(sql`
    insert into ${auditLog} (user_id, clinic_id, patient_id, action, resource, resource_id, at,
      ip, user_agent, detail)
    select user_id, clinic_id, patient_id, action, resource, resource_id, coalesce(at, now()),
      ip, user_agent, detail
    from unnest(
      ${column((entry) => entry.userId)}::uuid[],
      ${column((entry) => entry.clinicId)}::uuid[],
      ${column((entry) => entry.patientId ?? null)}::uuid[],
      ${column((entry) => entry.action)}::text[],
      ${column((entry) => entry.resource)}::text[],
      ${column((entry) => entry.resourceId ?? null)}::text[],
      ${column((entry) => entry.at?.toISOString() ?? null)}::timestamptz[],
      ${column((entry) => entry.ip)}::text[],
      ${column((entry) => entry.userAgent)}::text[],
      ${column((entry) => (entry.detail === undefined ? null : JSON.stringify(entry.detail)))}::jsonb[]
    ) as entry(user_id, clinic_id, patient_id, action, resource, resource_id, at, ip, user_agent,
      detail)
  `);
}
