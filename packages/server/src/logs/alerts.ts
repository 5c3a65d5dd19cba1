/**
 * The clinician's side of alerts (issue 4 §2–3): the clinic's list, most severe first, and the
 * two steps of an alert's life — open → acknowledged → resolved, or open → resolved at once.
 * Every function is scoped by clinic: another clinic's alert is not found, never forbidden, so
 * its existence is not given away. Whether the user may act for the clinic is the route's check.
 */
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Database } from '../database/client.js';
import { alerts, type Alert, type AlertState } from '../database/schema.js';
import { isUuid } from './session-logs.js';

/** Enough for any clinic's open alerts; a bound so one query never reads an unbounded table. */
export const DEFAULT_ALERT_LIST_LIMIT = 500;

export interface ListAlertsInput {
  readonly clinicId: string;
  /** One state or several (e.g. open and acknowledged); every state when absent. */
  readonly state?: AlertState | readonly AlertState[];
  readonly patientId?: string;
  readonly limit?: number;
}

/**
 * The clinic's alerts: emergency, urgent, warning, info, then newest first. The severity enum
 * is declared in that order and PostgreSQL sorts an enum by declaration, so the order is the
 * index's (`alerts_clinic_state_severity_idx`).
 */
export async function listAlerts(db: Database, input: ListAlertsInput): Promise<Alert[]> {
  if (!isUuid(input.clinicId)) return [];
  if (input.patientId !== undefined && !isUuid(input.patientId)) return [];
  const conditions: SQL[] = [eq(alerts.clinicId, input.clinicId)];
  if (input.state !== undefined) {
    const states: readonly AlertState[] =
      typeof input.state === 'string' ? [input.state] : input.state;
    if (states.length === 0) return [];
    conditions.push(inArray(alerts.state, [...states]));
  }
  if (input.patientId !== undefined) conditions.push(eq(alerts.patientId, input.patientId));
  return db
    .select()
    .from(alerts)
    .where(and(...conditions))
    .orderBy(asc(alerts.severity), desc(alerts.createdAt), asc(alerts.id))
    .limit(input.limit ?? DEFAULT_ALERT_LIST_LIMIT);
}

export interface AlertActionInput {
  readonly alertId: string;
  /** The acting user's clinic: an alert of another clinic is not found. */
  readonly clinicId: string;
  readonly userId: string;
  readonly now: Date;
}

export type AlertActionResult =
  | { readonly ok: true; readonly alert: Alert }
  | { readonly ok: false; readonly reason: 'notFound' }
  /** The alert is in a state the action cannot leave (`from`): e.g. acknowledging a resolved alert. */
  | { readonly ok: false; readonly reason: 'invalidTransition'; readonly from: AlertState };

/** Which states each action may start from: the state machine, as data. */
export const alertTransitions = {
  acknowledge: ['open'],
  resolve: ['open', 'acknowledged'],
} as const satisfies Record<string, readonly AlertState[]>;

/** open → acknowledged, recording who and when. */
export async function acknowledgeAlert(
  db: Database,
  input: AlertActionInput,
): Promise<AlertActionResult> {
  return transition(db, input, 'acknowledge', {
    state: 'acknowledged',
    acknowledgedBy: input.userId,
    acknowledgedAt: input.now,
  });
}

/** open or acknowledged → resolved, recording who and when. */
export async function resolveAlert(
  db: Database,
  input: AlertActionInput,
): Promise<AlertActionResult> {
  return transition(db, input, 'resolve', {
    state: 'resolved',
    resolvedBy: input.userId,
    resolvedAt: input.now,
  });
}

/**
 * One conditional UPDATE: the state check and the change are one statement, so two clinicians
 * acting at once cannot both move the alert (the second finds it already moved).
 */
async function transition(
  db: Database,
  input: AlertActionInput,
  action: keyof typeof alertTransitions,
  change: Partial<typeof alerts.$inferInsert>,
): Promise<AlertActionResult> {
  if (!isUuid(input.alertId) || !isUuid(input.clinicId)) return { ok: false, reason: 'notFound' };
  const scoped = and(eq(alerts.id, input.alertId), eq(alerts.clinicId, input.clinicId));
  const [updated] = await db
    .update(alerts)
    .set(change)
    .where(and(scoped, inArray(alerts.state, [...alertTransitions[action]])))
    .returning();
  if (updated !== undefined) return { ok: true, alert: updated };
  const [current] = await db.select({ state: alerts.state }).from(alerts).where(scoped);
  if (current === undefined) return { ok: false, reason: 'notFound' };
  return { ok: false, reason: 'invalidTransition', from: current.state };
}
