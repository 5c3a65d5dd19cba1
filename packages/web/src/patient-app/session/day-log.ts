/**
 * What the patient has logged on a day, read back from the outbox (every log made on this
 * phone stays there, saved or sent, for 14 days), and the session's "pain before", given once
 * before starting and put on each exercise's log.
 */
import type { OutboxEntry } from '../offline/outbox.js';
import { LOGS_URL, type SessionLogBody } from '../today-api.js';

function isLog(entry: OutboxEntry): entry is OutboxEntry & { body: SessionLogBody } {
  return (
    entry.kind === 'log' &&
    entry.url === LOGS_URL &&
    typeof entry.body === 'object' &&
    entry.body !== null &&
    typeof (entry.body as { date?: unknown }).date === 'string'
  );
}

/** The day's logs (not refused ones), oldest first, by exercise id. */
export function logsOn(
  entries: readonly OutboxEntry[],
  date: string,
): Map<string, (OutboxEntry & { body: SessionLogBody })[]> {
  const byExercise = new Map<string, (OutboxEntry & { body: SessionLogBody })[]>();
  for (const entry of entries) {
    if (!isLog(entry) || entry.state === 'failed' || entry.body.date !== date) continue;
    // A symptom report sends a skipped log: it is not an exercise done.
    if (entry.body.completed === 'skipped') continue;
    const list = byExercise.get(entry.body.exerciseId) ?? [];
    list.push(entry);
    byExercise.set(entry.body.exerciseId, list);
  }
  return byExercise;
}

/** Whether any log on this phone is for `date` (not refused). */
export function loggedOn(entries: readonly OutboxEntry[], date: string): boolean {
  return entries.some(
    (entry) => isLog(entry) && entry.state !== 'failed' && entry.body.date === date,
  );
}

const painBeforeKey = (date: string) => `spinewise.painBefore.${date}`;

export function loadPainBefore(date: string): number | undefined {
  try {
    const stored = window.sessionStorage.getItem(painBeforeKey(date));
    if (stored === null) return undefined;
    const value = Number(stored);
    return Number.isInteger(value) && value >= 0 && value <= 10 ? value : undefined;
  } catch {
    return undefined;
  }
}

export function savePainBefore(date: string, pain: number): void {
  try {
    window.sessionStorage.setItem(painBeforeKey(date), String(pain));
  } catch {
    // Kept for this visit only.
  }
}
