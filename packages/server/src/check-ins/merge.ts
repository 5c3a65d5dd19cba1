/**
 * The progression rules read "settled by the next morning" from a session log's
 * `nextMorningPain` / `nextMorningStiffness` [S-PMM]. The patient gives those the morning after,
 * as one check-in for the day, not on each exercise's log: this puts each check-in on every log
 * of the day it is about. A value the log carries itself is kept.
 */
import type { SessionLog } from '@spinewise/clinical';

export interface CheckInValues {
  /** `YYYY-MM-DD`, the day of the session. */
  readonly sessionOn: string;
  readonly pain: number;
  readonly stiffness: number;
}

/** The logs with their day's check-in merged in; same order and length, the input untouched. */
export function mergeCheckIns<Log extends SessionLog>(
  logs: readonly Log[],
  checkIns: readonly CheckInValues[],
): Log[] {
  const byDay = new Map(checkIns.map((checkIn) => [checkIn.sessionOn, checkIn]));
  return logs.map((log) => {
    const checkIn = byDay.get(log.date);
    if (checkIn === undefined) return log;
    return {
      ...log,
      nextMorningPain: log.nextMorningPain ?? checkIn.pain,
      nextMorningStiffness: log.nextMorningStiffness ?? checkIn.stiffness,
    };
  });
}
