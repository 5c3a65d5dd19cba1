/**
 * The service worker's side of reminders: show the reminder when a push arrives, and open the
 * app on a tap. Self-contained (no imports) so the service worker's build can take it as is:
 *
 *   self.addEventListener('push', (event) => handlePush(event));
 *   self.addEventListener('notificationclick', (event) => handleNotificationClick(event));
 *
 * The server's message is generic ("Time for your exercises", decision 010); whatever arrives,
 * the notification says nothing about the patient's health and opens a page of this app only.
 */

/** What the server sends (`REMINDER_PAYLOAD` in packages/server/src/reminders/push.ts). */
interface ReminderMessage {
  readonly title: string;
  readonly body: string;
  readonly url: string;
  readonly tag: string;
}

const FALLBACK: ReminderMessage = {
  title: 'Spinewise',
  body: 'Time for your exercises',
  url: '/app',
  tag: 'spinewise-reminder',
};

/** The parts of the service worker's global scope these handlers use. */
export interface ReminderWorkerScope {
  readonly location: { readonly origin: string };
  readonly registration: {
    showNotification(
      title: string,
      options: {
        body: string;
        tag: string;
        data: { url: string };
        icon?: string;
        badge?: string;
      },
    ): Promise<void>;
  };
  readonly clients: {
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<
      readonly {
        readonly url: string;
        focus(): Promise<unknown>;
        navigate?(url: string): Promise<unknown>;
      }[]
    >;
    openWindow(url: string): Promise<unknown>;
  };
}

export interface PushEventLike {
  readonly data: { json(): unknown } | null;
  waitUntil(work: Promise<unknown>): void;
}

export interface NotificationClickEventLike {
  readonly notification: { readonly data: unknown; close(): void };
  waitUntil(work: Promise<unknown>): void;
}

function workerScope(): ReminderWorkerScope {
  return globalThis as unknown as ReminderWorkerScope;
}

/** Only a path of this app, so a message can never send the patient elsewhere. */
function appPath(value: unknown): string {
  return typeof value === 'string' && /^\/app(?:[/?#]|$)/u.test(value) ? value : FALLBACK.url;
}

function text(value: unknown, fallback: string, max: number): string {
  return typeof value === 'string' && value.trim() !== '' ? value.slice(0, max) : fallback;
}

/** The reminder in a push's data; the generic one when it is missing or unreadable. */
export function readReminder(data: PushEventLike['data']): ReminderMessage {
  let message: unknown;
  try {
    message = data?.json();
  } catch {
    return FALLBACK;
  }
  if (typeof message !== 'object' || message === null) return FALLBACK;
  const fields = message as Record<string, unknown>;
  return {
    title: text(fields.title, FALLBACK.title, 60),
    body: text(fields.body, FALLBACK.body, 120),
    url: appPath(fields.url),
    tag: text(fields.tag, FALLBACK.tag, 60),
  };
}

export function handlePush(event: PushEventLike, scope: ReminderWorkerScope = workerScope()): void {
  const reminder = readReminder(event.data);
  event.waitUntil(
    scope.registration.showNotification(reminder.title, {
      body: reminder.body,
      // One reminder on the screen at a time: a new one replaces the last.
      tag: reminder.tag,
      data: { url: reminder.url },
      icon: '/icons/icon-192.png',
      badge: '/icons/icon-192.png',
    }),
  );
}

/** Opens the app at the reminder's page: an open window of the app if there is one. */
export function handleNotificationClick(
  event: NotificationClickEventLike,
  scope: ReminderWorkerScope = workerScope(),
): void {
  event.notification.close();
  const data = event.notification.data as { url?: unknown } | null;
  const path = appPath(data?.url);
  const target = `${scope.location.origin}${path}`;
  event.waitUntil(
    (async () => {
      const windows = await scope.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => client.url.startsWith(`${scope.location.origin}/`));
      if (open === undefined) {
        await scope.clients.openWindow(target);
        return;
      }
      await open.focus();
      if (open.url !== target && open.navigate !== undefined) await open.navigate(target);
    })(),
  );
}
