/** The patient's reminder and calendar settings (`/api/me/reminders`, `/api/me/calendar-link`). */
import { api, apiRequest } from '../../api/client.js';

export interface ReminderSettings {
  /** `HH:MM`, earliest first; empty: no reminders. */
  readonly times: readonly string[];
  readonly timeZone: string | null;
  /** How many of the patient's devices can receive reminders. */
  readonly devices: number;
  readonly calendarLink: boolean;
}

export const reminderSettingsQueryKey = ['me', 'reminders'] as const;

export function fetchReminderSettings(signal?: AbortSignal): Promise<ReminderSettings> {
  return api.get<ReminderSettings>('/api/me/reminders', signal);
}

export function saveReminderSettings(input: {
  readonly times: readonly string[];
  readonly timeZone: string;
}): Promise<ReminderSettings> {
  return apiRequest<ReminderSettings>('/api/me/reminders', { method: 'PUT', body: input });
}

export function fetchPushPublicKey(): Promise<{ readonly publicKey: string }> {
  return api.get<{ readonly publicKey: string }>('/api/push/public-key');
}

export function savePushSubscription(subscription: PushSubscriptionJSON): Promise<void> {
  return api.post<undefined>('/api/me/push-subscriptions', subscription);
}

export function deletePushSubscription(endpoint: string): Promise<void> {
  return apiRequest<undefined>('/api/me/push-subscriptions', {
    method: 'DELETE',
    body: { endpoint },
  });
}

/** A new secret subscription address (shown once), relative to the server. */
export function createCalendarLink(timeZone: string): Promise<{ readonly path: string }> {
  return api.post<{ readonly path: string }>('/api/me/calendar-link', { timeZone });
}

export function deleteCalendarLink(): Promise<void> {
  return api.delete<undefined>('/api/me/calendar-link');
}

/** The one-off download (the session cookie is the credential). */
export const CALENDAR_DOWNLOAD_PATH = '/api/me/calendar.ics';

/** The phone's IANA time zone, e.g. `Europe/London`; `UTC` when the browser will not say. */
export function phoneTimeZone(): string {
  try {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return zone === '' ? 'UTC' : zone;
  } catch {
    return 'UTC';
  }
}
